package api

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

type worklistYouthView struct {
	Referentie          string            `json:"referentie"`
	Naam                string            `json:"naam"`
	Status              string            `json:"status"`
	Coordinator         *professionalView `json:"coordinator"`
	Sinds               time.Time         `json:"sinds"`
	AcceptatieUiterlijk *time.Time        `json:"acceptatieUiterlijk"`
	Verstreken          bool              `json:"verstreken"`
}

type worklistAgreementView struct {
	ID                int64            `json:"id"`
	Jeugdige          string           `json:"jeugdige"`
	Actie             string           `json:"actie"`
	Verantwoordelijke professionalView `json:"verantwoordelijke"`
	Start             string           `json:"start"`
	Einde             string           `json:"einde"`
	Verstreken        bool             `json:"verstreken"`
}

type worklistSignallerView struct {
	Jeugdige    string           `json:"jeugdige"`
	Organisatie organisationView `json:"organisatie"`
	Medewerker  professionalView `json:"medewerker"`
	BellenVoor  time.Time        `json:"bellenVoor"`
	Verstreken  bool             `json:"verstreken"`
}

type worklistHandoverView struct {
	Jeugdige string           `json:"jeugdige"`
	Van      organisationView `json:"van"`
	Sinds    time.Time        `json:"sinds"`
}

type worklistEscalationView struct {
	Jeugdige   string     `json:"jeugdige"`
	Stap       string     `json:"stap"`
	Door       string     `json:"door"`
	Uiterlijk  *time.Time `json:"uiterlijk"`
	Verstreken bool       `json:"verstreken"`
}

type worklistView struct {
	Verstreken    int                      `json:"verstreken"`
	Jeugdigen     []worklistYouthView      `json:"jeugdigen"`
	Afspraken     []worklistAgreementView  `json:"afspraken"`
	Signaalgevers []worklistSignallerView  `json:"signaalgevers"`
	Overdrachten  []worklistHandoverView   `json:"overdrachten"`
	Escalaties    []worklistEscalationView `json:"escalaties"`
}

// getWorklist: GET /api/v1/werklijst, the coordinator's worklist of the
// caller (with a client system: of the named professional).
func (h *Handler) getWorklist(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	actor, err := h.actor(r, c, r.URL.Query().Get("medewerker"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Registry.Plans.Worklist(r.Context(), actor)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := worklistView{
		Verstreken: list.Overdue, Jeugdigen: []worklistYouthView{}, Afspraken: []worklistAgreementView{},
		Signaalgevers: []worklistSignallerView{}, Overdrachten: []worklistHandoverView{}, Escalaties: []worklistEscalationView{},
	}
	for _, y := range list.Youths {
		j := worklistYouthView{Referentie: y.Youth.Reference, Naam: y.Youth.Person.FullName(), Status: y.Coordination.Status,
			Sinds: y.Coordination.StartedAt, Verstreken: y.Overdue}
		if y.Coordination.Status == "toegewezen" {
			j.AcceptatieUiterlijk = y.Coordination.AcceptDueAt
		}
		if p := y.Coordinator; p != nil {
			j.Coordinator = &professionalView{Naam: p.Name, Telefoon: p.Phone, Email: p.Email}
		}
		out.Jeugdigen = append(out.Jeugdigen, j)
	}
	for _, a := range list.Agreements {
		p := a.Responsible
		out.Afspraken = append(out.Afspraken, worklistAgreementView{ID: a.Agreement.ID, Jeugdige: a.Youth.Reference, Actie: a.Agreement.Action,
			Verantwoordelijke: professionalView{Naam: p.Name, Telefoon: p.Phone, Email: p.Email},
			Start:             a.Agreement.StartOn.Format(time.DateOnly), Einde: a.Agreement.EndOn.Format(time.DateOnly), Verstreken: a.Overdue})
	}
	for _, s := range list.Signallers {
		p := s.Professional
		out.Signaalgevers = append(out.Signaalgevers, worklistSignallerView{Jeugdige: s.Youth.Reference,
			Organisatie: organisationView{ID: s.Organisation.ID, Naam: s.Organisation.Name, Type: string(s.Organisation.Type)},
			Medewerker:  professionalView{Naam: p.Name, Telefoon: p.Phone, Email: p.Email}, BellenVoor: s.Due, Verstreken: s.Overdue})
	}
	for _, o := range list.Handovers {
		out.Overdrachten = append(out.Overdrachten, worklistHandoverView{Jeugdige: o.Youth.Reference,
			Van: organisationView{ID: o.From.ID, Naam: o.From.Name, Type: string(o.From.Type)}, Sinds: o.Since})
	}
	for _, e := range list.Escalations {
		out.Escalaties = append(out.Escalaties, worklistEscalationView{Jeugdige: e.Youth.Reference, Stap: e.Step, Door: e.Actor, Uiterlijk: e.Due, Verstreken: e.Overdue})
	}
	writeJSON(w, http.StatusOK, out)
}
