package web

import (
	"errors"
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// submitCode: POST /inloggen/code. A TOTP code or a recovery code completes
// the login; the session id changes.
func (h *Handler) submitCode(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(loginCookie)
	if err != nil {
		http.Redirect(w, r, withNotice("/inloggen", "sessie-verlopen"), http.StatusSeeOther)
		return
	}
	f := newForm(r)
	code := f.Value("code")
	f.Values.Del("code")
	if code == "" {
		f.add("code", "Vul de code van 6 cijfers uit uw authenticator-app in, of een herstelcode.")
		h.render(w, r, http.StatusUnprocessableEntity, "code", page{Title: "Code invullen", Form: f})
		return
	}
	id, err := h.People.SecondFactor(r.Context(), c.Value, auth.Attempt{Code: code, Address: clientAddress(r), Source: source(r)})
	if errors.Is(err, auth.ErrNoSession) {
		h.clearCookie(w, loginCookie)
		http.Redirect(w, r, withNotice("/inloggen", "sessie-verlopen"), http.StatusSeeOther)
		return
	}
	if errors.Is(err, auth.ErrSuspectAddress) {
		// The attempt is over: start again with e-mail and password.
		h.clearCookie(w, loginCookie)
		h.formError(w, r, "login", page{Title: "Inloggen", Form: &form{}}, err)
		return
	}
	if err != nil {
		h.formError(w, r, "code", page{Title: "Code invullen", Form: f}, err)
		return
	}
	h.clearCookie(w, loginCookie)
	h.setCookie(w, sessionCookie, id, 0)
	http.Redirect(w, r, h.takeReturn(w, r), http.StatusSeeOther)
}
