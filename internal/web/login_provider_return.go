package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// providerReturn: GET /inloggen/oidc/terug, where the organisation's
// provider sends the browser back with a code. With a second factor the
// provider asserted, the professional is logged in; without, Jeugdketen's
// own code follows, as after a password.
func (h *Handler) providerReturn(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	a := auth.ProviderAnswer{State: q.Get("state"), Code: q.Get("code"), Error: q.Get("error"), Address: clientAddress(r), Source: source(r)}
	if c, err := r.Cookie(providerCookie); err == nil {
		a.BrowserState = c.Value
	}
	h.clearCookie(w, providerCookie)
	login, err := h.People.FinishProviderLogin(r.Context(), a)
	if err != nil {
		h.formError(w, r, "login", h.loginPage(r, &form{}), err)
		return
	}
	if login.Halfway == nil {
		h.setCookie(w, sessionCookie, login.SessionID, 0)
		http.Redirect(w, r, h.takeReturn(w, r), http.StatusSeeOther)
		return
	}
	h.setCookie(w, loginCookie, login.Halfway.SessionID, loginCookieAge)
	if login.Halfway.Enrol {
		http.Redirect(w, r, "/inloggen/koppelen", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, withNotice("/inloggen/code", "provider-zonder-tweede-factor"), http.StatusSeeOther)
}
