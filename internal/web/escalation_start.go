package web

import "net/http"

// startEscalation: POST /jeugdigen/{ref}/escalatie, the coordinator starts
// the escalation procedure.
func (h *Handler) startEscalation(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	_, err := h.Registry.Escalations.StartEscalation(r.Context(), actor(r), r.PathValue("ref"))
	h.escalationDone(w, r, f, err, "escalatie-gestart")
}
