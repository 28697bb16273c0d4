package web

import "net/http"

// acceptCoordination: POST /jeugdigen/{ref}/coordinatie/accepteren. The
// assigned organisation accepts and names its coordinating professional
// (coordinerendeMedewerker, an e-mail address; empty: the one logged in).
func (h *Handler) acceptCoordination(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	if _, err := h.Registry.Coordinations.AcceptCoordination(r.Context(), actor(r), r.PathValue("ref"), f.Value("coordinerendeMedewerker")); err != nil {
		h.coordinationFailed(w, r, f, "coordinatie-", err)
		return
	}
	toCoordination(w, r, "coordinatie-geaccepteerd")
}
