package web

import "net/http"

// declineHandover: POST /jeugdigen/{ref}/coordinatie/overdracht/weigeren.
func (h *Handler) declineHandover(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	if _, err := h.Registry.Coordinations.DeclineHandover(r.Context(), actor(r), r.PathValue("ref")); err != nil {
		h.coordinationFailed(w, r, f, "overdracht-", err)
		return
	}
	toCoordination(w, r, "overdracht-geweigerd")
}
