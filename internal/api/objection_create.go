package api

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
)

type objectionRequest struct {
	Burgerservicenummer string  `json:"burgerservicenummer"`
	Gemeente            string  `json:"gemeente"`
	Ontvangen           string  `json:"ontvangen"`
	Registraties        []int64 `json:"registraties"`
}

type objectionRegistrationView struct {
	ID           int64             `json:"id"`
	Status       string            `json:"status"`
	Organisatie  *organisationView `json:"organisatie"`
	Soort        *model.Kind       `json:"soort"`
	VerwijderdOp *time.Time        `json:"verwijderdOp"`
}

type objectionView struct {
	ID           int64                       `json:"id"`
	Jeugdige     string                      `json:"jeugdige"`
	Gemeente     string                      `json:"gemeente"`
	Ontvangen    string                      `json:"ontvangen"`
	VastgelegdOp time.Time                   `json:"vastgelegdOp"`
	Uitkomst     *string                     `json:"uitkomst"`
	Besluitdatum *string                     `json:"besluitdatum"`
	Registraties []objectionRegistrationView `json:"registraties"`
}

func objection(o registration.Objection) objectionView {
	out := objectionView{
		ID: o.ID, Jeugdige: o.YouthReference, Gemeente: o.Municipality, Ontvangen: o.ReceivedOn.Format("2006-01-02"),
		VastgelegdOp: o.RecordedAt, Registraties: []objectionRegistrationView{},
	}
	if o.Outcome != "" {
		outcome, day := o.Outcome, o.DecidedOn.Format("2006-01-02")
		out.Uitkomst, out.Besluitdatum = &outcome, &day
	}
	for _, c := range o.Concerns {
		item := objectionRegistrationView{ID: c.ID, Status: "verwijderd", VerwijderdOp: c.RemovedAt}
		if c.Registration != nil {
			org := organisation(*c.Organisation)
			item.Organisatie, item.Soort, item.Status = &org, &c.Registration.Kind, "actief"
			if !c.Registration.Active() {
				item.Status = "beeindigd"
			}
		}
		out.Registraties = append(out.Registraties, item)
	}
	return out
}

// parseDay reads an optional jjjj-mm-dd field; empty gives nil.
func parseDay(field, value string) (*time.Time, error) {
	if value == "" {
		return nil, nil
	}
	d, err := time.Parse("2006-01-02", value)
	if err != nil {
		return nil, model.InvalidField(field, "Geef de datum als jjjj-mm-dd, bijvoorbeeld 2026-11-20.")
	}
	return &d, nil
}

// createObjection: POST /api/v1/bezwaren (regional administrator) records an
// objection lodged at a municipality against a youth's registrations.
func (h *Handler) createObjection(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req objectionRequest
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	received, err := parseDay("ontvangen", req.Ontvangen)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	actor, err := h.actor(r, c, "")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	o, err := h.Registry.Registrations.RecordObjection(r.Context(), actor, registration.Objecting{
		BSN: req.Burgerservicenummer, Municipality: req.Gemeente, ReceivedOn: received, Registrations: req.Registraties,
	})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/bezwaren/"+itoa(o.ID))
	writeJSON(w, http.StatusCreated, objection(o))
}
