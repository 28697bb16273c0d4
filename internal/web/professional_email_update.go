package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// updateProfessionalEmail: POST /beheer/medewerkers/{id}/email gives the
// professional another e-mail address, which is also their login name. Mail
// refused at the old address waits on the page of undelivered mail, to be
// sent again from there.
func (h *Handler) updateProfessionalEmail(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r)
	p, err := h.Region.ChangeProfessionalEmail(r.Context(), auditActor(r), id, f.Value("email"))
	if model.ErrorCode(err) == model.ENOTFOUND {
		h.fail(w, r, err)
		return
	}
	if err != nil {
		h.formError(w, r, "professional_email", page{Title: "E-mailadres wijzigen", Nav: "medewerkers", Form: f, Data: p}, err)
		return
	}
	http.Redirect(w, r, withNotice("/beheer/medewerkers", "email-gewijzigd"), http.StatusSeeOther)
}
