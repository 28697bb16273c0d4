package web

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// loginCookieAge is how long the step between password and second factor may take.
const loginCookieAge = 10 * time.Minute

// submitLogin: POST /inloggen, the password step. From a suspect address
// (see auth.Login) every attempt goes on to the code, with a notice why.
func (h *Handler) submitLogin(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	a := auth.Attempt{Email: f.Value("email"), Password: f.Value("wachtwoord"), Address: clientAddress(r), Source: source(r)}
	f.Values.Del("wachtwoord")
	if a.Email == "" {
		f.add("email", "Vul uw e-mailadres in.")
	} else if org, passwordLogin, ok, err := h.People.ProviderFor(r.Context(), a.Email); err != nil {
		h.serverError(w, r, err)
		return
	} else if ok && (a.Password == "" || !passwordLogin) {
		// The address's domain logs in through its organisation's provider
		// (issue 21): only the domain decides, never whether an account exists.
		h.startProviderLogin(w, r, org)
		return
	}
	if a.Password == "" {
		f.add("wachtwoord", "Vul uw wachtwoord in.")
	}
	if f.Failed() {
		h.render(w, r, http.StatusUnprocessableEntity, "login", h.loginPage(r, f))
		return
	}
	half, err := h.People.Login(r.Context(), a)
	if err != nil {
		h.formError(w, r, "login", h.loginPage(r, f), err)
		return
	}
	h.setCookie(w, loginCookie, half.SessionID, loginCookieAge)
	if half.Suspect {
		http.Redirect(w, r, withNotice("/inloggen/code", "adres-verdacht"), http.StatusSeeOther)
		return
	}
	if half.Enrol {
		http.Redirect(w, r, "/inloggen/koppelen", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/inloggen/code", http.StatusSeeOther)
}

// formError shows an application error on the form it came from: at the
// fields it names, or above the form. Internal errors get the error page.
func (h *Handler) formError(w http.ResponseWriter, r *http.Request, name string, p page, err error) {
	a, ok := answerTo(err)
	if !ok {
		h.serverError(w, r, err)
		return
	}
	status := a.status
	p.Form.fail(err)
	h.render(w, r, status, name, p)
}
