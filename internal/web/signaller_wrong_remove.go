package web

import (
	"net/http"
	"strconv"
)

// removeWrongSignal: POST /jeugdigen/{ref}/plan/signaalgevers/{registratie}/verwijderen:
// the coordinator removes an evidently wrong signal after consulting its
// signaller. The use case refuses without bevestigd=ja after its other
// checks (the consultation first), so that refusal alone brings the
// confirmation page. It cannot be undone.
func (h *Handler) removeWrongSignal(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	ref := r.PathValue("ref")
	id := planPathID(r, "registratie")
	err := h.Registry.Plans.RemoveWrongSignal(r.Context(), actor(r), ref, id, confirmed(r))
	if needsConfirmation(err) {
		back := "/jeugdigen/" + ref
		h.confirm(w, r, "", confirmation{
			Title: "Signaal verwijderen?",
			Lead:  "U heeft met de signaalgever overlegd: het signaal (registratie " + strconv.FormatInt(id, 10) + ") over jeugdige " + ref + " is evident onterecht.",
			Effects: []string{
				"Het signaal wordt direct en volledig verwijderd, zonder historisch archief.",
				"De signaalgever en de andere betrokkenen krijgen bericht dat het is ingetrokken, niet waarom.",
			},
			Warning: "Verwijderen kan niet ongedaan worden gemaakt.",
			Action:  r.URL.Path, Button: "Ja, signaal verwijderen", Cancel: back + "#signaalgevers",
		})
		return
	}
	if err != nil {
		h.planFailed(w, r, f, signallerPrefix(id), err)
		return
	}
	toPlan(w, r, "signaal-verwijderd")
}
