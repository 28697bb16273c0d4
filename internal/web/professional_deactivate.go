package web

import "net/http"

// deactivateProfessional: POST /beheer/medewerkers/{id}/deactiveren.
func (h *Handler) deactivateProfessional(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Region.DeactivateProfessional(r.Context(), auditActor(r), id); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice("/beheer/medewerkers", "gedeactiveerd"), http.StatusSeeOther)
}
