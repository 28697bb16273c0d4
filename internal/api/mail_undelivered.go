package api

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

// undeliveredView is one e-mail the receiving mail server refused for good.
// It names the professional and never the youth the message is about.
type undeliveredView struct {
	ID           int64     `json:"id"`
	Medewerker   int64     `json:"medewerker"`
	Naam         string    `json:"naam"`
	VerstuurdAan string    `json:"verstuurdAan"`
	HuidigAdres  string    `json:"huidigAdres"`
	Soort        string    `json:"soort"`
	BerichtVan   time.Time `json:"berichtVan"`
	GeweigerdOp  time.Time `json:"geweigerdOp"`
	Antwoord     string    `json:"antwoord"`
}

func newUndeliveredView(u model.UndeliveredMail) undeliveredView {
	return undeliveredView{
		ID: u.ID, Medewerker: u.ProfessionalID, Naam: u.Professional, VerstuurdAan: u.Recipient, HuidigAdres: u.CurrentEmail,
		Soort: u.Kind, BerichtVan: u.QueuedAt, GeweigerdOp: u.RefusedAt, Antwoord: u.Reply,
	}
}

// listUndeliveredMail: GET /api/v1/niet-bezorgde-mail (regional
// administrator), the e-mail refused for good, most recently refused first.
func (h *Handler) listUndeliveredMail(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	list, err := h.Region.UndeliveredMail(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := make([]undeliveredView, 0, len(list))
	for _, u := range list {
		out = append(out, newUndeliveredView(u))
	}
	writeJSON(w, http.StatusOK, map[string]any{"mails": out})
}
