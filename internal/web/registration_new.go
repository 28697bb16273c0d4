package web

import "net/http"

// newRegistration: GET /registreren, the one short form.
func (h *Handler) newRegistration(w http.ResponseWriter, r *http.Request) {
	if h.refuseNonRegistering(w, r) {
		return
	}
	h.render(w, r, http.StatusOK, "register", page{Title: "Registreren", Nav: "registreren", Notice: notice(r), Form: &form{}})
}
