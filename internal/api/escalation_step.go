package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// escalationStepRequest records a step: its number, and with step 3 the
// managements' ruling.
type escalationStepRequest struct {
	Medewerker string `json:"medewerker"`
	Stap       int    `json:"stap"`
	Uitkomst   string `json:"uitkomst"`
}

// recordEscalationStep: POST /api/v1/jeugdigen/{referentie}/escalatie/stappen.
// Steps go in order; one out of turn or recorded twice is 409.
func (h *Handler) recordEscalationStep(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req escalationStepRequest
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	actor, err := h.actor(r, c, req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.Registry.Escalations.RecordEscalationStep(r.Context(), actor, r.PathValue("referentie"), req.Stap, req.Uitkomst)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, escalationResponse{Escalatie: newEscalationView(v)})
}
