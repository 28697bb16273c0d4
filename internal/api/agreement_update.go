package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/plan"
)

// agreementChange changes an agreement; a field left empty stays as it is.
type agreementChange struct {
	Status            string `json:"status"`
	Verantwoordelijke string `json:"verantwoordelijke"`
	Startdatum        string `json:"startdatum"`
	Einddatum         string `json:"einddatum"`
	Medewerker        string `json:"medewerker"`
}

// updateAgreement: POST /api/v1/jeugdigen/{referentie}/plan/afspraken/{id},
// by the coordinating organisation only; 200 with the agreement as it is now.
func (h *Handler) updateAgreement(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req agreementChange
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	var ch plan.AgreementChange
	if req.Status != "" {
		ch.Status = &req.Status
	}
	if req.Verantwoordelijke != "" {
		ch.Responsible = &req.Verantwoordelijke
	}
	var err error
	if ch.Start, err = planDay("startdatum", req.Startdatum); err != nil {
		h.fail(w, r, err)
		return
	}
	if ch.End, err = planDay("einddatum", req.Einddatum); err != nil {
		h.fail(w, r, err)
		return
	}
	actor, err := h.actor(r, c, req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	a, err := h.Registry.Plans.UpdateAgreement(r.Context(), actor, r.PathValue("referentie"), planPathID(r, "id"), ch)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, agreement(a))
}
