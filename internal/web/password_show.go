package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// passwordPath is the page where a professional chooses their own password.
const passwordPath = "/account/wachtwoord"

// showPassword: GET /account/wachtwoord. After a login with the initial
// password from the administrator, every page leads here (requireLogin).
func (h *Handler) showPassword(w http.ResponseWriter, r *http.Request) {
	h.renderPassword(w, r, http.StatusOK, &form{})
}

func (h *Handler) renderPassword(w http.ResponseWriter, r *http.Request, status int, f *form) {
	for i := range f.Errors {
		if f.Errors[i].Field == "wachtwoord" {
			f.Errors[i].Label = "Nieuw wachtwoord" // as this page names it
		}
	}
	h.render(w, r, status, "password", page{Title: "Wachtwoord wijzigen", Nav: "wachtwoord", Notice: notice(r), Form: f, Data: auth.MinPasswordLength})
}
