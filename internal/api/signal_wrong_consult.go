package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// consultWrongSignal: POST /api/v1/jeugdigen/{referentie}/signaalgevers/{registratie}/overleg-onterecht
// records that the coordinator consulted the signaller about an evidently
// wrong signal, which must precede its removal.
func (h *Handler) consultWrongSignal(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	actor, on, err := h.readContact(w, r, c)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	s, err := h.Registry.Plans.ConsultWrongSignal(r.Context(), actor, r.PathValue("referentie"), planPathID(r, "registratie"), on)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, signaller(s))
}
