package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// acceptHandover: POST /api/v1/jeugdigen/{referentie}/coordinatie/overdracht/accepteren.
func (h *Handler) acceptHandover(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req acceptanceRequest
	actor, err := h.actingWith(w, r, c, &req, &req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.Registry.Coordinations.AcceptHandover(r.Context(), actor, r.PathValue("referentie"), req.CoordinerendeMedewerker)
	h.writeCoordination(w, r, v, err, "De overdracht is geaccepteerd: uw organisatie coördineert nu. Alle betrokkenen krijgen bericht.")
}
