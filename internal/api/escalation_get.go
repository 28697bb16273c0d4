package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// getEscalation: GET /api/v1/jeugdigen/{referentie}/escalatie, the running
// escalation or else the last one, with every step. Involved professionals
// may read it; the regional administrator once the youth had an escalation.
func (h *Handler) getEscalation(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	actor, err := h.actor(r, c, r.URL.Query().Get("medewerker"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.Registry.Escalations.Escalation(r.Context(), actor, r.PathValue("referentie"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, escalationResponse{Escalatie: newEscalationView(v)})
}
