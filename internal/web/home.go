package web

import "net/http"

// home: GET /. Registering is what a professional comes for.
func (h *Handler) home(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/registreren", http.StatusSeeOther)
}
