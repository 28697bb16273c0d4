package web

import "net/http"

// withdrawHandover: POST /jeugdigen/{ref}/coordinatie/overdracht/intrekken.
func (h *Handler) withdrawHandover(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	if _, err := h.Registry.Coordinations.WithdrawHandover(r.Context(), actor(r), r.PathValue("ref")); err != nil {
		h.coordinationFailed(w, r, f, "overdracht-", err)
		return
	}
	toCoordination(w, r, "overdracht-ingetrokken")
}
