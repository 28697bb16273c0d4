package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/escalation"
)

// getPyramid: GET /api/v1/jeugdigen/{referentie}/zorgpiramide, the level of
// the care pyramid and its deadlines (Almere); null in a region without it.
func (h *Handler) getPyramid(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	actor, err := h.actor(r, c, r.URL.Query().Get("medewerker"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.Registry.Escalations.Pyramid(r.Context(), actor, r.PathValue("referentie"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, pyramidResponse{Zorgpiramide: pyramid(r.PathValue("referentie"), p)})
}

// writePyramid answers a change of the care pyramid's deadlines.
func (h *Handler) writePyramid(w http.ResponseWriter, r *http.Request, status int, p *escalation.PyramidView, err error) {
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, status, pyramidResponse{Zorgpiramide: pyramid(r.PathValue("referentie"), p)})
}
