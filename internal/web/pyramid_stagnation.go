package web

import "net/http"

// reportStagnation: POST /jeugdigen/{ref}/zorgpiramide/stagnatie, any
// involved professional reports that care stagnates.
func (h *Handler) reportStagnation(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	_, err := h.Registry.Escalations.ReportStagnation(r.Context(), actor(r), r.PathValue("ref"))
	h.escalationDone(w, r, f, err, "stagnatie-gemeld")
}

// recordBrandpuntConvened: POST .../zorgpiramide/stagnatie/bijeengeroepen,
// the regional administrator for the brandpunt officer.
func (h *Handler) recordBrandpuntConvened(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	_, err := h.Registry.Escalations.RecordBrandpuntConvened(r.Context(), actor(r), r.PathValue("ref"))
	h.escalationDone(w, r, f, err, "brandpunt-bijeengeroepen")
}

// recordBrandpuntInstruction: POST .../zorgpiramide/stagnatie/opdracht,
// the regional administrator for the brandpunt officer.
func (h *Handler) recordBrandpuntInstruction(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	_, err := h.Registry.Escalations.RecordBrandpuntInstruction(r.Context(), actor(r), r.PathValue("ref"))
	h.escalationDone(w, r, f, err, "brandpunt-opdracht")
}
