package web

import "net/http"

// consultWrongSignal: POST /jeugdigen/{ref}/plan/signaalgevers/{registratie}/overleg-onterecht,
// the coordinator records consulting the signaller about an evidently wrong
// signal, which the removal needs first.
func (h *Handler) consultWrongSignal(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	id := planPathID(r, "registratie")
	on, err := planDay(f, "datum")
	if err == nil {
		_, err = h.Registry.Plans.ConsultWrongSignal(r.Context(), actor(r), r.PathValue("ref"), id, on)
	}
	if err != nil {
		h.planFailed(w, r, f, signallerPrefix(id)+"overleg-", err)
		return
	}
	toPlan(w, r, "overleg-onterecht")
}
