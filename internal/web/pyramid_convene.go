package web

import "net/http"

// recordConvened: POST /jeugdigen/{ref}/zorgpiramide/overleg, the level-3
// coordinator records the day of the meeting with everyone involved.
func (h *Handler) recordConvened(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	_, err := h.Registry.Escalations.RecordConvened(r.Context(), actor(r), r.PathValue("ref"), f.Value("datum"))
	h.escalationDone(w, r, f, err, "overleg-belegd")
}
