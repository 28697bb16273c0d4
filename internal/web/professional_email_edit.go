package web

import (
	"net/http"
	"net/url"
)

// editProfessionalEmail: GET /beheer/medewerkers/{id}/email, the form to
// correct a professional's e-mail address, for instance after mail to it
// was refused.
func (h *Handler) editProfessionalEmail(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.Region.Professional(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := &form{Values: url.Values{"email": {p.Email}}}
	h.render(w, r, http.StatusOK, "professional_email", page{Title: "E-mailadres wijzigen", Nav: "medewerkers", Form: f, Data: p})
}
