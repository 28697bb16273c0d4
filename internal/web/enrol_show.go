package web

import (
	"errors"
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// showEnrol: GET /inloggen/koppelen, the first login: add Jeugdketen to an
// authenticator app with the QR code (or the secret typed out).
func (h *Handler) showEnrol(w http.ResponseWriter, r *http.Request) {
	h.renderEnrol(w, r, http.StatusOK, &form{}, nil)
}

func (h *Handler) renderEnrol(w http.ResponseWriter, r *http.Request, status int, f *form, cause error) {
	c, err := r.Cookie(loginCookie)
	if err != nil {
		http.Redirect(w, r, "/inloggen", http.StatusSeeOther)
		return
	}
	e, err := h.People.Enrolment(r.Context(), c.Value)
	if errors.Is(err, auth.ErrNoSession) {
		http.Redirect(w, r, withNotice("/inloggen", "sessie-verlopen"), http.StatusSeeOther)
		return
	}
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	p := page{Title: "Tweede factor instellen", Form: f, Data: e}
	if cause != nil {
		h.formError(w, r, "enrol", p, cause)
		return
	}
	h.render(w, r, status, "enrol", p)
}
