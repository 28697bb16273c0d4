package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

// notNeededRequest says why coordination is not needed: a code from the
// fixed list, never words about the youth.
type notNeededRequest struct {
	Medewerker string          `json:"medewerker"`
	Reden      model.NotNeeded `json:"reden"`
}

// coordinationNotNeeded: POST /api/v1/jeugdigen/{referentie}/coordinatie/niet-nodig.
func (h *Handler) coordinationNotNeeded(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req notNeededRequest
	actor, err := h.actingWith(w, r, c, &req, &req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.Registry.Coordinations.CoordinationNotNeeded(r.Context(), actor, r.PathValue("referentie"), req.Reden)
	h.writeCoordination(w, r, v, err, "Vastgelegd dat coördinatie niet nodig is. Alle betrokkenen krijgen bericht, met de reden.")
}
