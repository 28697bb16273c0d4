package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// convenedRequest records the day everyone involved was convened.
type convenedRequest struct {
	Medewerker string `json:"medewerker"`
	Datum      string `json:"datum"`
}

// recordConvened: POST /api/v1/jeugdigen/{referentie}/zorgpiramide/overleg.
// The level-3 coordinator records the meeting with everyone involved.
func (h *Handler) recordConvened(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req convenedRequest
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	actor, err := h.actor(r, c, req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.Registry.Escalations.RecordConvened(r.Context(), actor, r.PathValue("referentie"), req.Datum)
	h.writePyramid(w, r, http.StatusOK, p, err)
}
