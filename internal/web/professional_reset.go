package web

import "net/http"

// resetSecondFactor: POST /beheer/medewerkers/{id}/tweede-factor, for a
// professional who lost their phone and recovery codes.
func (h *Handler) resetSecondFactor(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.People.ResetSecondFactor(r.Context(), auditActor(r), id); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice("/beheer/medewerkers", "tweede-factor"), http.StatusSeeOther)
}
