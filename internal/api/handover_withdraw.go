package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// withdrawHandover: POST /api/v1/jeugdigen/{referentie}/coordinatie/overdracht/intrekken.
func (h *Handler) withdrawHandover(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	actor, err := h.actingFor(w, r, c)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.Registry.Coordinations.WithdrawHandover(r.Context(), actor, r.PathValue("referentie"))
	h.writeCoordination(w, r, v, err, "Het voorstel tot overdracht is ingetrokken. De organisatie krijgt bericht.")
}
