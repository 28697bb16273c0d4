package api

import (
	"encoding/json"
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// problem is an RFC 9457 problem detail, with invalidParams as the Dutch API
// design rules describe.
type problem struct {
	Type          string               `json:"type"`
	Title         string               `json:"title"`
	Status        int                  `json:"status"`
	Detail        string               `json:"detail"`
	Instance      string               `json:"instance,omitempty"`
	InvalidParams []model.InvalidParam `json:"invalidParams,omitempty"`
}

// statuses maps each application error code to its HTTP status, once.
var statuses = map[string]struct {
	status int
	title  string
}{
	model.EINVALID:      {http.StatusBadRequest, "Ongeldige invoer"},
	model.ENOTFOUND:     {http.StatusNotFound, "Niet gevonden"},
	model.EUNAUTHORIZED: {http.StatusUnauthorized, "Niet aangemeld"},
	model.EFORBIDDEN:    {http.StatusForbidden, "Geen toegang"},
	model.ECONFLICT:     {http.StatusConflict, "Conflict"},
	model.EUNAVAILABLE:  {http.StatusServiceUnavailable, "Tijdelijk niet beschikbaar"},
	model.ETOOMANY:      {http.StatusTooManyRequests, "Te veel verzoeken"},
	model.EINTERNAL:     {http.StatusInternalServerError, "Interne fout"},
}

func writeProblem(w http.ResponseWriter, r *http.Request, err error) {
	s := statuses[model.ErrorCode(err)]
	p := problem{
		Type:          "about:blank",
		Title:         s.title,
		Status:        s.status,
		Detail:        model.ErrorMessage(err),
		Instance:      r.URL.Path,
		InvalidParams: model.ErrorParams(err),
	}
	if s.status == http.StatusNotFound {
		p.Instance = "" // the same body whether or not the thing exists
	}
	w.Header().Set("Content-Type", "application/problem+json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(s.status)
	json.NewEncoder(w).Encode(p)
}
