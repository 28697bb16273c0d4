package web

import "net/http"

// withdrawEscalation: POST /jeugdigen/{ref}/escalatie/intrekken.
func (h *Handler) withdrawEscalation(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	_, err := h.Registry.Escalations.WithdrawEscalation(r.Context(), actor(r), r.PathValue("ref"))
	h.escalationDone(w, r, f, err, "escalatie-ingetrokken")
}
