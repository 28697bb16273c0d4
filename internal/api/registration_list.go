package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// listRegistrations: GET /api/v1/registraties, the caller's organisation's
// registrations, active first. There is no search: only one's own.
func (h *Handler) listRegistrations(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	actor, err := h.actor(r, c, r.URL.Query().Get("medewerker"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Registry.Registrations.Registrations(r.Context(), actor, 500)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := make([]registrationView, 0, len(list))
	for _, l := range list {
		out = append(out, newRegistrationView(l.Registration, l.Youth))
	}
	writeJSON(w, http.StatusOK, map[string]any{"registraties": out})
}
