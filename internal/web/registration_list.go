package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/registration"
)

// listedView is one line of "Mijn registraties".
type listedView struct {
	registration.Listed
	ExpiresSoon bool // the term ends within the warning days: renew it
}

// listRegistrations: GET /registraties, "Mijn registraties": the
// organisation's own, active ones first, those whose term ends within 30
// days marked. There is no search.
func (h *Handler) listRegistrations(w http.ResponseWriter, r *http.Request) {
	if h.refuseNonRegistering(w, r) {
		return
	}
	list, err := h.Registry.Registrations.Registrations(r.Context(), actor(r), 500)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	today := h.today()
	var active, ended []listedView
	expiring := 0
	for _, l := range list {
		v := listedView{Listed: l, ExpiresSoon: expiresSoon(l.Registration, today)}
		if v.ExpiresSoon {
			expiring++
		}
		if l.Registration.Active() {
			active = append(active, v)
		} else {
			ended = append(ended, v)
		}
	}
	h.render(w, r, http.StatusOK, "registrations", page{Title: "Mijn registraties", Nav: "registraties", Notice: notice(r),
		Data: map[string]any{"Active": active, "Ended": ended, "Expiring": expiring}})
}
