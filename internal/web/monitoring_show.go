package web

import "net/http"

// showMonitoring: GET /monitoring, the aggregated figures for a
// municipality's monitoring account and the regional administrator.
func (h *Handler) showMonitoring(w http.ResponseWriter, r *http.Request) {
	f, err := h.Registry.Monitoring.Figures(r.Context(), actor(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "monitoring", page{Title: "Monitoring", Nav: "monitoring", Notice: notice(r), Data: f})
}
