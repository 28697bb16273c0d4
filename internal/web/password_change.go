package web

import (
	"errors"
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// changePassword: POST /account/wachtwoord. The current password, and the
// new one twice; the passwords typed are never sent back. On success every
// other session of the professional ends and they go on to the page they
// asked for before (or their start page), with a confirmation.
func (h *Handler) changePassword(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	change := auth.PasswordChange{Current: f.Value("huidig-wachtwoord"), New: f.Value("wachtwoord"), Address: clientAddress(r), Source: source(r)}
	repeat := f.Value("herhaling")
	for _, field := range []string{"huidig-wachtwoord", "wachtwoord", "herhaling"} {
		f.Values.Del(field)
	}
	if change.Current == "" {
		f.add("huidig-wachtwoord", "Vul uw huidige wachtwoord in.")
	}
	if change.New == "" {
		f.add("wachtwoord", "Vul een nieuw wachtwoord in.")
	} else if repeat != change.New {
		f.add("herhaling", "De twee nieuwe wachtwoorden zijn niet gelijk. Typ het nieuwe wachtwoord twee keer hetzelfde.")
	}
	if f.Failed() {
		h.renderPassword(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		h.toLogin(w, r)
		return
	}
	err = h.People.ChangePassword(r.Context(), c.Value, change)
	if errors.Is(err, auth.ErrNoSession) {
		h.toLogin(w, r)
		return
	}
	if err != nil {
		a, ok := answerTo(err)
		if !ok {
			h.serverError(w, r, err)
			return
		}
		f.fail(err)
		h.renderPassword(w, r, a.status, f)
		return
	}
	http.Redirect(w, r, withNoticeAt(h.takeReturn(w, r), "wachtwoord-gewijzigd"), http.StatusSeeOther)
}
