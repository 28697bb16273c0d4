package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// removeSignalRequest confirms the removal of a wrong signal explicitly:
// it cannot be undone.
type removeSignalRequest struct {
	Bevestigd  bool   `json:"bevestigd"`
	Medewerker string `json:"medewerker"`
}

// removeWrongSignal: POST /api/v1/jeugdigen/{referentie}/signaalgevers/{registratie}/verwijderen
// deletes another organisation's evidently wrong signal, after the
// coordinator recorded consulting its signaller; everyone involved, the
// signaller's organisation included, is told that it was withdrawn.
func (h *Handler) removeWrongSignal(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req removeSignalRequest
	if r.ContentLength != 0 {
		if err := decode(w, r, &req); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	actor, err := h.actor(r, c, req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	id := planPathID(r, "registratie")
	if err := h.Registry.Plans.RemoveWrongSignal(r.Context(), actor, r.PathValue("referentie"), id, req.Bevestigd); err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, removedResponse{ID: id, Status: "verwijderd",
		Bericht: "Het signaal is verwijderd, zonder archief. De signaalgever en wie nog bij de jeugdige betrokken is, krijgen bericht dat het is ingetrokken."})
}
