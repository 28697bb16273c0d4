package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// startEscalation: POST /api/v1/jeugdigen/{referentie}/escalatie. The
// coordinating organisation starts the escalation procedure.
func (h *Handler) startEscalation(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req onBehalfRequest
	actor, err := h.actingWith(w, r, c, &req, &req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.Registry.Escalations.StartEscalation(r.Context(), actor, r.PathValue("referentie"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, escalationResponse{Escalatie: newEscalationView(v)})
}
