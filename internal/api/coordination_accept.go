package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// acceptanceRequest is the body of accepting coordination or a handover:
// whom the organisation names as its coordinating professional (an e-mail
// address; empty: the professional acting).
type acceptanceRequest struct {
	Medewerker              string `json:"medewerker"`
	CoordinerendeMedewerker string `json:"coordinerendeMedewerker"`
}

// coordinationResponse is the answer to a change of the coordination: who
// coordinates now, what the caller may do next, and a Dutch confirmation.
type coordinationResponse struct {
	Referentie  string           `json:"referentie"`
	Coordinator *coordinatorView `json:"coordinator"`
	Bericht     string           `json:"bericht"`
}

// acceptCoordination: POST /api/v1/jeugdigen/{referentie}/coordinatie/accepteren.
func (h *Handler) acceptCoordination(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req acceptanceRequest
	actor, err := h.actingWith(w, r, c, &req, &req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.Registry.Coordinations.AcceptCoordination(r.Context(), actor, r.PathValue("referentie"), req.CoordinerendeMedewerker)
	h.writeCoordination(w, r, v, err, "De coördinatie is geaccepteerd. Alle betrokkenen krijgen bericht wie coördineert en hoe zij die professional bereiken.")
}

// actingWith reads the optional body into req and returns the professional
// acting, named in *medewerker for a client system.
func (h *Handler) actingWith(w http.ResponseWriter, r *http.Request, c auth.Caller, req any, medewerker *string) (usecase.Actor, error) {
	if r.ContentLength != 0 {
		if err := decode(w, r, req); err != nil {
			return usecase.Actor{}, err
		}
	}
	return h.actor(r, c, *medewerker)
}

// writeCoordination answers a coordination action with the coordination as
// it is now, or with the problem.
func (h *Handler) writeCoordination(w http.ResponseWriter, r *http.Request, v *usecase.Coordinator, err error, message string) {
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, coordinationResponse{Referentie: r.PathValue("referentie"), Coordinator: coordinator(v, true), Bericht: message})
}
