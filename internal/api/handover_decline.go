package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// declineHandover: POST /api/v1/jeugdigen/{referentie}/coordinatie/overdracht/weigeren.
func (h *Handler) declineHandover(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	actor, err := h.actingFor(w, r, c)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.Registry.Coordinations.DeclineHandover(r.Context(), actor, r.PathValue("referentie"))
	h.writeCoordination(w, r, v, err, "De overdracht is geweigerd. De coördinator krijgt bericht en blijft coördinator.")
}
