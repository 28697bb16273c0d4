package web

import "net/http"

// revokeToken: POST /beheer/tokens/{id}/intrekken.
func (h *Handler) revokeToken(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Region.RevokeToken(r.Context(), auditActor(r), id); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice("/beheer/tokens", "ingetrokken"), http.StatusSeeOther)
}
