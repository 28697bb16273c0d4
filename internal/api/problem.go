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

// statuses maps each application error code (model.EINVALID …) to its HTTP
// status and problem title. It is the API's one mapping of codes: every error
// answer, from a handler through Handler.fail or from the middleware, is
// written by writeProblem, which reads only this. A handler that wants another
// status needs another code, not its own switch. The statuses are distinct,
// so a documented status in openapi.json names exactly one code.
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
	model.ETOOLARGE:     {http.StatusRequestEntityTooLarge, "Te groot"},
	model.EINTERNAL:     {http.StatusInternalServerError, "Interne fout"},
}

// problemStatus is the status and title of an error code. A code missing
// from statuses (added to model, not yet here) answers as an internal error:
// without this it would be status 0, which net/http refuses with a panic.
// known is false then, so a test can tell the fallback from EINTERNAL.
func problemStatus(code string) (status int, title string, known bool) {
	s, known := statuses[code]
	if !known {
		s = statuses[model.EINTERNAL]
	}
	return s.status, s.title, known
}

// writeProblem answers err as application/problem+json, with the status
// that statuses gives its code.
func writeProblem(w http.ResponseWriter, r *http.Request, err error) {
	status, title, _ := problemStatus(model.ErrorCode(err))
	p := problem{
		Type:          "about:blank",
		Title:         title,
		Status:        status,
		Detail:        model.ErrorMessage(err),
		Instance:      r.URL.Path,
		InvalidParams: model.ErrorParams(err),
	}
	if status == http.StatusNotFound {
		p.Instance = "" // the same body whether or not the thing exists
	}
	w.Header().Set("Content-Type", "application/problem+json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(p)
}
