package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// coordinationNotNeeded: POST /jeugdigen/{ref}/coordinatie/niet-nodig, with
// a reason from the fixed list.
func (h *Handler) coordinationNotNeeded(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	if _, err := h.Registry.Coordinations.CoordinationNotNeeded(r.Context(), actor(r), r.PathValue("ref"), model.NotNeeded(f.Value("reden"))); err != nil {
		h.coordinationFailed(w, r, f, "coordinatie-", err)
		return
	}
	toCoordination(w, r, "coordinatie-niet-nodig")
}
