package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/plan"
)

// planView is a youth's plan of action: the agreements, the signallers the
// coordinator calls, and whether the caller may change it.
type planView struct {
	Jeugdige      string          `json:"jeugdige"`
	Wijzigbaar    bool            `json:"wijzigbaar"`
	Acties        []string        `json:"acties"`
	Afspraken     []agreementView `json:"afspraken"`
	Signaalgevers []signallerView `json:"signaalgevers"`
}

type agreementView struct {
	ID                int64            `json:"id"`
	Actie             string           `json:"actie"`
	Verantwoordelijke professionalView `json:"verantwoordelijke"`
	Organisatie       organisationView `json:"organisatie"`
	Startdatum        string           `json:"startdatum"`
	Einddatum         string           `json:"einddatum"`
	Status            string           `json:"status"`
	Verlopen          bool             `json:"verlopen"`
	VastgelegdOp      time.Time        `json:"vastgelegdOp"`
	GewijzigdOp       *time.Time       `json:"gewijzigdOp"`
}

type signallerView struct {
	Registratie        int64            `json:"registratie"`
	Organisatie        organisationView `json:"organisatie"`
	Medewerker         professionalView `json:"medewerker"`
	Soort              model.Kind       `json:"soort"`
	Urgent             bool             `json:"urgent"`
	Sinds              time.Time        `json:"sinds"`
	GebeldOp           *string          `json:"gebeldOp"`
	OverlegOnterechtOp *string          `json:"overlegOnterechtOp"`
}

func newPlanView(ref string, p plan.Plan) planView {
	out := planView{Jeugdige: ref, Wijzigbaar: p.MayChange, Acties: []string{}, Afspraken: []agreementView{}, Signaalgevers: []signallerView{}}
	out.Acties = append(out.Acties, p.Actions...)
	for _, a := range p.Agreements {
		out.Afspraken = append(out.Afspraken, agreement(a))
	}
	for _, s := range p.Signallers {
		out.Signaalgevers = append(out.Signaalgevers, signaller(s))
	}
	return out
}

func agreement(a plan.PlannedAgreement) agreementView {
	return agreementView{
		ID: a.ID, Actie: a.Action, Status: a.Status, Verlopen: a.Overdue,
		Verantwoordelijke: professionalView{Naam: a.Responsible.Name, Telefoon: a.Responsible.Phone, Email: a.Responsible.Email},
		Organisatie:       organisation(a.Organisation),
		Startdatum:        a.StartOn.Format(time.DateOnly), Einddatum: a.EndOn.Format(time.DateOnly),
		VastgelegdOp: a.CreatedAt, GewijzigdOp: a.UpdatedAt,
	}
}

func signaller(s plan.Signaller) signallerView {
	return signallerView{
		Registratie: s.Registration.ID, Organisatie: organisation(s.Organisation),
		Medewerker: professionalView{Naam: s.Professional.Name, Telefoon: s.Professional.Phone, Email: s.Professional.Email},
		Soort:      s.Registration.Kind, Urgent: s.Registration.Urgent, Sinds: s.Registration.CreatedAt,
		GebeldOp: isoDay(s.ContactedOn), OverlegOnterechtOp: isoDay(s.ConsultedOn),
	}
}

func isoDay(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

// getPlan: GET /api/v1/jeugdigen/{referentie}/plan, the plan of action, for
// every professional of an involved organisation; the same 404 as for an
// unknown youth for anyone else.
func (h *Handler) getPlan(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	actor, err := h.actor(r, c, r.URL.Query().Get("medewerker"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	ref := r.PathValue("referentie")
	p, err := h.Registry.Plans.Plan(r.Context(), actor, ref)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newPlanView(ref, p))
}

// planDay reads an optional day (jjjj-mm-dd) of a plan request; nil when empty.
func planDay(field, s string) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil, model.InvalidField(field, "Geef de datum als jjjj-mm-dd, bijvoorbeeld 2026-12-01.")
	}
	return &d, nil
}

// planPathID reads a number from the path. Anything else is read as 0, which
// names nothing: the use case then answers "not found", but only after it
// checked that the caller may act on the youth at all.
func planPathID(r *http.Request, name string) int64 {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}
