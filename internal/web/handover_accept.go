package web

import "net/http"

// acceptHandover: POST /jeugdigen/{ref}/coordinatie/overdracht/accepteren:
// the organisation the handover is proposed to takes coordination over and
// names its coordinating professional.
func (h *Handler) acceptHandover(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	if _, err := h.Registry.Coordinations.AcceptHandover(r.Context(), actor(r), r.PathValue("ref"), f.Value("coordinerendeMedewerker")); err != nil {
		h.coordinationFailed(w, r, f, "overdracht-", err)
		return
	}
	toCoordination(w, r, "overdracht-geaccepteerd")
}
