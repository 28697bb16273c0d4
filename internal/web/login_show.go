package web

import "net/http"

// showLogin: GET /inloggen.
func (h *Handler) showLogin(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "login", page{Title: "Inloggen", Notice: notice(r), Form: &form{}})
}
