package web

import "net/http"

// logout: POST /uitloggen ends the session here and in the database.
func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := h.People.Logout(r.Context(), c.Value, source(r)); err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	h.clearCookie(w, sessionCookie)
	h.clearCookie(w, returnCookie) // the next one to log in here starts afresh
	http.Redirect(w, r, withNotice("/inloggen", "uitgelogd"), http.StatusSeeOther)
}
