package web

import (
	"net/http"
	"strconv"
)

// signallerPrefix is the prefix of the ids of one signaller's form fields.
func signallerPrefix(id int64) string { return "signaalgever-" + strconv.FormatInt(id, 10) + "-" }

// recordContact: POST /jeugdigen/{ref}/plan/signaalgevers/{registratie}/gebeld,
// the coordinator records calling the signaller (seed 002).
func (h *Handler) recordContact(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	id := planPathID(r, "registratie")
	on, err := planDay(f, "datum")
	if err == nil {
		_, err = h.Registry.Plans.RecordContact(r.Context(), actor(r), r.PathValue("ref"), id, on)
	}
	if err != nil {
		h.planFailed(w, r, f, signallerPrefix(id), err)
		return
	}
	toPlan(w, r, "signaalgever-gebeld")
}
