package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// reportStagnation: POST /api/v1/jeugdigen/{referentie}/zorgpiramide/stagnatie.
// Any involved professional reports that care stagnates; the brandpunt
// officer must convene everyone within the region's hours.
func (h *Handler) reportStagnation(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req onBehalfRequest
	actor, err := h.actingWith(w, r, c, &req, &req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.Registry.Escalations.ReportStagnation(r.Context(), actor, r.PathValue("referentie"))
	h.writePyramid(w, r, http.StatusCreated, p, err)
}

// recordBrandpuntConvened: POST .../zorgpiramide/stagnatie/bijeengeroepen,
// the regional administrator for the brandpunt officer.
func (h *Handler) recordBrandpuntConvened(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	actor, err := h.actor(r, c, "")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.Registry.Escalations.RecordBrandpuntConvened(r.Context(), actor, r.PathValue("referentie"))
	h.writePyramid(w, r, http.StatusOK, p, err)
}

// recordBrandpuntInstruction: POST .../zorgpiramide/stagnatie/opdracht,
// the regional administrator for the brandpunt officer.
func (h *Handler) recordBrandpuntInstruction(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	actor, err := h.actor(r, c, "")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.Registry.Escalations.RecordBrandpuntInstruction(r.Context(), actor, r.PathValue("referentie"))
	h.writePyramid(w, r, http.StatusOK, p, err)
}
