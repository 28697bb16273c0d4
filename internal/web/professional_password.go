package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// newPassword: POST /beheer/medewerkers/{id}/wachtwoord gives a professional
// who forgot theirs a new random password, shown once. Their sessions end.
func (h *Handler) newPassword(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	password := auth.NewPassword()
	if err := h.People.SetPassword(r.Context(), auditActor(r), id, password); err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderProfessionals(w, r, http.StatusOK, &form{}, nil, &created{What: "Nieuw wachtwoord", For: "medewerker " + itoa(id), Secret: password})
}
