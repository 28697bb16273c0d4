package web

import "net/http"

// showWorklist: GET /werklijst, the coordinator's worklist: the youths the
// organisation coordinates, open agreements by due date, signallers not yet
// contacted, handovers offered and running escalations, overdue items marked.
func (h *Handler) showWorklist(w http.ResponseWriter, r *http.Request) {
	if h.refuseMonitoringWorklist(w, r) {
		return
	}
	list, err := h.Registry.Plans.Worklist(r.Context(), actor(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "worklist", page{Title: "Werklijst", Nav: "werklijst", Notice: notice(r), Data: list})
}
