package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// closeRequest confirms closing the case explicitly: it cannot be undone.
type closeRequest struct {
	Medewerker string `json:"medewerker"`
	Bevestigd  bool   `json:"bevestigd"`
}

// closedResponse is the answer to closing a case.
type closedResponse struct {
	Referentie             string `json:"referentie"`
	Status                 string `json:"status"`
	BeeindigdeRegistraties int    `json:"beeindigdeRegistraties"`
	Bericht                string `json:"bericht"`
}

// closeCoordination: POST /api/v1/jeugdigen/{referentie}/coordinatie/afsluiten
// ends the coordination and every active registration of the youth.
func (h *Handler) closeCoordination(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req closeRequest
	actor, err := h.actingWith(w, r, c, &req, &req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	closed, err := h.Registry.Coordinations.CloseCoordination(r.Context(), actor, r.PathValue("referentie"), req.Bevestigd)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, closedResponse{
		Referentie: closed.Reference, Status: "afgesloten", BeeindigdeRegistraties: closed.Registrations,
		Bericht: "De casus is afgesloten: de coördinatie en alle registraties over deze jeugdige zijn beëindigd. Alle betrokkenen krijgen bericht.",
	})
}
