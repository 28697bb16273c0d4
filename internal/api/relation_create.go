package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/family"
)

type relationRequest struct {
	Burgerservicenummer string `json:"burgerservicenummer"`
	Relatie             string `json:"relatie"`
	Medewerker          string `json:"medewerker"`
}

// createRelation: POST /api/v1/jeugdigen/{referentie}/relaties links the
// youth to a person of the population register. 201 with the relation; 409
// when the youth has it already.
func (h *Handler) createRelation(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req relationRequest
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	actor, err := h.actor(r, c, req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rel, err := h.Registry.Families.Relate(r.Context(), actor, r.PathValue("referentie"),
		family.Relating{BSN: req.Burgerservicenummer, Kind: family.RelationKind(req.Relatie)})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, relation(rel))
}
