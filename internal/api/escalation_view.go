package api

import (
	"time"

	"github.com/jeugdketen/jeugdketen/internal/escalation"
)

// The JSON shapes of the escalation procedure and the care pyramid.

type escalationView struct {
	ID                int64                 `json:"id"`
	Referentie        string                `json:"referentie"`
	Status            string                `json:"status"`
	Coordinator       organisationView      `json:"coordinator"`
	Doorzettingsmacht decisiveAuthorityView `json:"doorzettingsmacht"`
	GestartOp         time.Time             `json:"gestartOp"`
	GestartDoor       recordedByView        `json:"gestartDoor"`
	BeeindigdOp       *time.Time            `json:"beeindigdOp"`
	Werkdagen         int                   `json:"werkdagen"`
	VolgendeStap      *int                  `json:"volgendeStap"`
	Verlopen          bool                  `json:"verlopen"`
	Stappen           []escalationStepView  `json:"stappen"`
}

type decisiveAuthorityView struct {
	Soort        string            `json:"soort"`
	Organisatie  *organisationView `json:"organisatie"`
	Omschrijving string            `json:"omschrijving"`
}

type recordedByView struct {
	Naam        string `json:"naam"`
	Organisatie string `json:"organisatie"`
}

type escalationStepView struct {
	Stap       int             `json:"stap"`
	Wie        string          `json:"wie"`
	Taak       string          `json:"taak"`
	Status     string          `json:"status"`
	Uiterlijk  *time.Time      `json:"uiterlijk"`
	GedaanOp   *time.Time      `json:"gedaanOp"`
	GedaanDoor *recordedByView `json:"gedaanDoor"`
	Uitkomst   *string         `json:"uitkomst"`
	Verlopen   bool            `json:"verlopen"`
}

// escalationResponse answers every escalation route; escalatie is null
// when the youth never had one.
type escalationResponse struct {
	Escalatie *escalationView `json:"escalatie"`
}

func newEscalationView(v *escalation.View) *escalationView {
	if v == nil {
		return nil
	}
	out := &escalationView{
		ID: v.ID, Referentie: v.Reference, Status: "lopend", Coordinator: organisation(v.Coordinator),
		Doorzettingsmacht: decisiveAuthorityView{Soort: v.Authority, Omschrijving: v.AuthorityLabel()},
		GestartOp:         v.StartedAt, GestartDoor: recordedByView{Naam: v.StartedBy.Name, Organisatie: v.Coordinator.Name},
		BeeindigdOp: v.EndedAt, Werkdagen: v.Workdays, Verlopen: v.Overdue(), Stappen: []escalationStepView{},
	}
	if !v.Running() {
		out.Status = v.Outcome
	}
	if o := v.AuthorityOrganisation; o != nil {
		gi := organisation(*o)
		out.Doorzettingsmacht.Organisatie = &gi
	}
	if v.Next != nil {
		n := v.Next.Number
		out.VolgendeStap = &n
	}
	for _, s := range v.Steps {
		st := escalationStepView{Stap: s.Number, Wie: s.Actor, Taak: s.Task, Status: "nog-niet", Uiterlijk: s.Due, GedaanOp: s.DoneAt, Verlopen: s.Overdue}
		switch {
		case s.DoneAt != nil:
			st.Status = "gedaan"
		case s.Waiting:
			st.Status = "aan-de-beurt"
		case s.Skipped:
			st.Status = "overgeslagen"
		}
		if s.DoneBy != nil {
			st.GedaanDoor = &recordedByView{Naam: s.DoneBy.Name, Organisatie: s.DoneFor}
		}
		if s.Outcome != "" {
			o := s.Outcome
			st.Uitkomst = &o
		}
		out.Stappen = append(out.Stappen, st)
	}
	return out
}

type pyramidView struct {
	Referentie   string         `json:"referentie"`
	Niveau       *int           `json:"niveau"`
	Omschrijving string         `json:"omschrijving"`
	Regel        string         `json:"regel"`
	Bijeenroepen *conveningView `json:"bijeenroepen"`
	Brandpunt    *brandpuntView `json:"brandpunt"`
}

type conveningView struct {
	Werkdagen      int        `json:"werkdagen"`
	Uiterlijk      time.Time  `json:"uiterlijk"`
	BelegdOp       *string    `json:"belegdOp"`
	VastgelegdDoor *string    `json:"vastgelegdDoor"`
	VastgelegdOp   *time.Time `json:"vastgelegdOp"`
	Verlopen       bool       `json:"verlopen"`
	TeLaat         bool       `json:"teLaat"`
}

type brandpuntView struct {
	Uren      int             `json:"uren"`
	Stagnatie *stagnationView `json:"stagnatie"`
}

type stagnationView struct {
	ID               int64          `json:"id"`
	GemeldOp         time.Time      `json:"gemeldOp"`
	GemeldDoor       recordedByView `json:"gemeldDoor"`
	Uiterlijk        time.Time      `json:"uiterlijk"`
	BijeengeroepenOp *time.Time     `json:"bijeengeroepenOp"`
	OpdrachtOp       *time.Time     `json:"opdrachtOp"`
	Verlopen         bool           `json:"verlopen"`
}

// pyramidResponse answers GET .../zorgpiramide: null when the region
// has no care pyramid.
type pyramidResponse struct {
	Zorgpiramide *pyramidView `json:"zorgpiramide"`
}

func pyramid(ref string, p *escalation.PyramidView) *pyramidView {
	if p == nil {
		return nil
	}
	out := &pyramidView{Referentie: ref, Omschrijving: p.LevelLabel(), Regel: p.Rule}
	level := p.Level
	if p.Escalated() {
		level = 4
	}
	if level > 0 {
		out.Niveau = &level
	}
	if c := p.Convene; c != nil {
		b := &conveningView{Werkdagen: c.Workdays, Uiterlijk: c.Due, VastgelegdOp: c.RecordedAt, Verlopen: c.Overdue, TeLaat: c.Late()}
		if c.ConvenedOn != nil {
			d := c.ConvenedOn.Format(time.DateOnly)
			b.BelegdOp = &d
		}
		if c.RecordedBy != nil {
			b.VastgelegdDoor = &c.RecordedBy.Name
		}
		out.Bijeenroepen = b
	}
	if p.StagnationHours > 0 {
		out.Brandpunt = &brandpuntView{Uren: p.StagnationHours}
		if s := p.Stagnation; s != nil {
			out.Brandpunt.Stagnatie = &stagnationView{
				ID: s.ID, GemeldOp: s.ReportedAt, GemeldDoor: recordedByView{Naam: s.ReportedBy.Name, Organisatie: s.ReportedFor},
				Uiterlijk: s.Due, BijeengeroepenOp: s.ConvenedAt, OpdrachtOp: s.InstructedAt, Verlopen: s.Overdue,
			}
		}
	}
	return out
}
