package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/plan"
)

// agreementRequest is a new agreement: an action from the region's list, the
// responsible professional's e-mail address and the days. No free text.
type agreementRequest struct {
	Actie             string `json:"actie"`
	Verantwoordelijke string `json:"verantwoordelijke"`
	Startdatum        string `json:"startdatum"`
	Einddatum         string `json:"einddatum"`
	Medewerker        string `json:"medewerker"`
}

// createAgreement: POST /api/v1/jeugdigen/{referentie}/plan/afspraken, by
// the coordinating organisation only; 201 with the agreement.
func (h *Handler) createAgreement(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req agreementRequest
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	in := plan.Agreeing{Action: req.Actie, Responsible: req.Verantwoordelijke}
	var err error
	if in.Start, err = planDay("startdatum", req.Startdatum); err != nil {
		h.fail(w, r, err)
		return
	}
	if in.End, err = planDay("einddatum", req.Einddatum); err != nil {
		h.fail(w, r, err)
		return
	}
	actor, err := h.actor(r, c, req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	a, err := h.Registry.Plans.CreateAgreement(r.Context(), actor, r.PathValue("referentie"), in)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, agreement(a))
}
