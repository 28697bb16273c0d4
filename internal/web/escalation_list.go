package web

import "net/http"

// showEscalations: GET /beheer/escalaties, the regional administrator's list
// of running escalations and stagnation reports, by reference only: here
// the administrator records the alderman's ruling and the brandpunt
// officer's steps.
func (h *Handler) showEscalations(w http.ResponseWriter, r *http.Request) {
	h.renderEscalations(w, r, http.StatusOK, nil)
}

func (h *Handler) renderEscalations(w http.ResponseWriter, r *http.Request, status int, f *form) {
	work, err := h.Registry.Escalations.RegionalEscalations(r.Context(), actor(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, status, "escalations", page{Title: "Escalaties en brandpunt", Nav: "escalaties", Notice: notice(r), Form: f, Data: work})
}
