package api

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// contactRequest is the day the coordinator spoke with a signaller; empty:
// today.
type contactRequest struct {
	Datum      string `json:"datum"`
	Medewerker string `json:"medewerker"`
}

// readContact reads the optional body of a contact with a signaller and
// returns the professional acting and the day.
func (h *Handler) readContact(w http.ResponseWriter, r *http.Request, c auth.Caller) (usecase.Actor, *time.Time, error) {
	var req contactRequest
	if r.ContentLength != 0 {
		if err := decode(w, r, &req); err != nil {
			return usecase.Actor{}, nil, err
		}
	}
	on, err := planDay("datum", req.Datum)
	if err != nil {
		return usecase.Actor{}, nil, err
	}
	if on == nil {
		today := usecase.Today(h.now())
		on = &today
	}
	actor, err := h.actor(r, c, req.Medewerker)
	return actor, on, err
}

// recordContact: POST /api/v1/jeugdigen/{referentie}/signaalgevers/{registratie}/gebeld
// records that the coordinator called the signaller (seed 002).
func (h *Handler) recordContact(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	actor, on, err := h.readContact(w, r, c)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	s, err := h.Registry.Plans.RecordContact(r.Context(), actor, r.PathValue("referentie"), planPathID(r, "registratie"), on)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, signaller(s))
}
