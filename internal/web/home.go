package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// home: GET /, each role's start page. Registering is what a professional
// comes for; a monitoring account only has the figures.
func (h *Handler) home(w http.ResponseWriter, r *http.Request) {
	dest := startPage(user(r))
	if key := r.URL.Query().Get("melding"); notices[key] != "" {
		dest = withNotice(dest, key)
	}
	http.Redirect(w, r, dest, http.StatusSeeOther)
}

func startPage(cur auth.Current) string {
	switch {
	case cur.Professional.Monitoring:
		return "/monitoring"
	case mayRegister(cur):
		return "/registreren"
	case cur.Professional.Admin:
		return "/beheer/organisaties"
	}
	return "/berichten"
}
