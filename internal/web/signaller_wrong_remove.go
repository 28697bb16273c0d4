package web

import "net/http"

// removeWrongSignal: POST /jeugdigen/{ref}/plan/signaalgevers/{registratie}/verwijderen,
// with the checkbox "bevestigd": the coordinator removes an evidently wrong
// signal after consulting its signaller. It cannot be undone.
func (h *Handler) removeWrongSignal(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	id := planPathID(r, "registratie")
	err := h.Registry.Plans.RemoveWrongSignal(r.Context(), actor(r), r.PathValue("ref"), id, f.Value("bevestigd") == "ja")
	if err != nil {
		h.planFailed(w, r, f, signallerPrefix(id), err)
		return
	}
	toPlan(w, r, "signaal-verwijderd")
}
