package web

import (
	"net/http"
	"strconv"
)

// proposeHandover: POST /jeugdigen/{ref}/coordinatie/overdracht, naming the
// involved organisation (its id) to hand over to.
func (h *Handler) proposeHandover(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	to, _ := strconv.ParseInt(f.Value("organisatie"), 10, 64) // anything else is 0: "choose one"
	if _, err := h.Registry.Coordinations.ProposeHandover(r.Context(), actor(r), r.PathValue("ref"), to); err != nil {
		h.coordinationFailed(w, r, f, "overdracht-", err)
		return
	}
	toCoordination(w, r, "overdracht-voorgesteld")
}
