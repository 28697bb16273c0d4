package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

type decisionRequest struct {
	Uitkomst string `json:"uitkomst"`
	Datum    string `json:"datum"`
}

// decideObjection: POST /api/v1/bezwaren/{id}/besluit (regional
// administrator) records the municipality's decision; upheld, the
// registrations concerned are removed at once.
func (h *Handler) decideObjection(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var req decisionRequest
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	day, err := parseDay("datum", req.Datum)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	actor, err := h.actor(r, c, "")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	o, err := h.Registry.Registrations.DecideObjection(r.Context(), actor, id, req.Uitkomst, day)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, objection(o))
}
