package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// withdrawEscalation: POST /api/v1/jeugdigen/{referentie}/escalatie/intrekken.
func (h *Handler) withdrawEscalation(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req onBehalfRequest
	actor, err := h.actingWith(w, r, c, &req, &req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.Registry.Escalations.WithdrawEscalation(r.Context(), actor, r.PathValue("referentie"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, escalationResponse{Escalatie: newEscalationView(v)})
}
