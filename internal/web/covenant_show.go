package web

import "net/http"

// showCovenant: GET /beheer/convenant, the active decision rules in Dutch,
// rule by rule, as the program reads them.
func (h *Handler) showCovenant(w http.ResponseWriter, r *http.Request) {
	c := h.Covenant
	h.render(w, r, http.StatusOK, "covenant", page{Title: "Convenant", Nav: "convenant",
		Data: map[string]any{"Name": c.Name, "Summary": c.Summary(), "Rules": c.Explain(),
			"Actions": c.Coordination.Actions, "Warnings": c.Warnings}})
}
