package web

import "net/http"

// showCode: GET /inloggen/code, the second factor after the password.
func (h *Handler) showCode(w http.ResponseWriter, r *http.Request) {
	if _, err := r.Cookie(loginCookie); err != nil {
		http.Redirect(w, r, "/inloggen", http.StatusSeeOther)
		return
	}
	h.render(w, r, http.StatusOK, "code", page{Title: "Code invullen", Notice: notice(r), Form: &form{}})
}
