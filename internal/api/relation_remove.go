package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// removeRelation: POST /api/v1/jeugdigen/{referentie}/relaties/{id}/verwijderen,
// only by the organisation that laid the relation.
func (h *Handler) removeRelation(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	actor, err := h.actingFor(w, r, c)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Registry.Families.RemoveRelation(r.Context(), actor, r.PathValue("referentie"), id); err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, removedResponse{ID: id, Status: "verwijderd", Bericht: "De relatie is verwijderd."})
}
