package web

import (
	"errors"
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// recoveryView is the recovery codes, and the page the professional asked
// for before logging in, to go on to once they have them.
type recoveryView struct {
	Codes []string
	Next  string
}

// submitEnrol: POST /inloggen/koppelen. The first code from the app proves
// it has the secret; the recovery codes are shown once, then never again.
func (h *Handler) submitEnrol(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(loginCookie)
	if err != nil {
		http.Redirect(w, r, withNotice("/inloggen", "sessie-verlopen"), http.StatusSeeOther)
		return
	}
	f := newForm(r)
	code := f.Value("code")
	f.Values.Del("code")
	if code == "" {
		f.add("code", "Vul de code van 6 cijfers in die uw authenticator-app nu toont.")
		h.renderEnrol(w, r, http.StatusUnprocessableEntity, f, nil)
		return
	}
	id, recovery, err := h.People.FinishEnrolment(r.Context(), c.Value, auth.Attempt{Code: code, Address: clientAddress(r), Source: source(r)})
	if errors.Is(err, auth.ErrNoSession) {
		h.clearCookie(w, loginCookie)
		http.Redirect(w, r, withNotice("/inloggen", "sessie-verlopen"), http.StatusSeeOther)
		return
	}
	if err != nil {
		h.renderEnrol(w, r, http.StatusUnprocessableEntity, f, err)
		return
	}
	h.clearCookie(w, loginCookie)
	h.setCookie(w, sessionCookie, id, 0)
	h.render(w, r, http.StatusOK, "recovery", page{Title: "Uw herstelcodes", Data: recoveryView{Codes: recovery, Next: h.takeReturn(w, r)}})
}
