package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// handoverRequest names the involved organisation to hand over to, by id.
type handoverRequest struct {
	Medewerker  string `json:"medewerker"`
	Organisatie int64  `json:"organisatie"`
}

// proposeHandover: POST /api/v1/jeugdigen/{referentie}/coordinatie/overdracht.
func (h *Handler) proposeHandover(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req handoverRequest
	actor, err := h.actingWith(w, r, c, &req, &req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.Registry.Coordinations.ProposeHandover(r.Context(), actor, r.PathValue("referentie"), req.Organisatie)
	h.writeCoordination(w, r, v, err, "De overdracht is voorgesteld. De organisatie krijgt bericht en accepteert of weigert; tot dan blijft u coördinator.")
}
