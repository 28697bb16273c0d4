package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/registration"
)

// listRegistrations: GET /registraties, "Mijn registraties": the
// organisation's own, active ones first. There is no search.
func (h *Handler) listRegistrations(w http.ResponseWriter, r *http.Request) {
	if h.refuseNonRegistering(w, r) {
		return
	}
	list, err := h.Registry.Registrations.Registrations(r.Context(), actor(r), 500)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var active, ended []registration.Listed
	for _, l := range list {
		if l.Registration.Active() {
			active = append(active, l)
		} else {
			ended = append(ended, l)
		}
	}
	h.render(w, r, http.StatusOK, "registrations", page{Title: "Mijn registraties", Nav: "registraties", Notice: notice(r),
		Data: map[string][]registration.Listed{"Active": active, "Ended": ended}})
}
