package api

import (
	"time"

	"github.com/jeugdketen/jeugdketen/internal/registry"
)

// The JSON shapes of the escalation procedure and the care pyramid.

type escalatieJSON struct {
	ID                int64                 `json:"id"`
	Referentie        string                `json:"referentie"`
	Status            string                `json:"status"`
	Coordinator       organisatieJSON       `json:"coordinator"`
	Doorzettingsmacht doorzettingsmachtJSON `json:"doorzettingsmacht"`
	GestartOp         time.Time             `json:"gestartOp"`
	GestartDoor       vastgelegdDoorJSON    `json:"gestartDoor"`
	BeeindigdOp       *time.Time            `json:"beeindigdOp"`
	Werkdagen         int                   `json:"werkdagen"`
	VolgendeStap      *int                  `json:"volgendeStap"`
	Verlopen          bool                  `json:"verlopen"`
	Stappen           []escalatieStapJSON   `json:"stappen"`
}

type doorzettingsmachtJSON struct {
	Soort        string           `json:"soort"`
	Organisatie  *organisatieJSON `json:"organisatie"`
	Omschrijving string           `json:"omschrijving"`
}

type vastgelegdDoorJSON struct {
	Naam        string `json:"naam"`
	Organisatie string `json:"organisatie"`
}

type escalatieStapJSON struct {
	Stap       int                 `json:"stap"`
	Wie        string              `json:"wie"`
	Taak       string              `json:"taak"`
	Status     string              `json:"status"`
	Uiterlijk  *time.Time          `json:"uiterlijk"`
	GedaanOp   *time.Time          `json:"gedaanOp"`
	GedaanDoor *vastgelegdDoorJSON `json:"gedaanDoor"`
	Uitkomst   *string             `json:"uitkomst"`
	Verlopen   bool                `json:"verlopen"`
}

// escalatieAntwoord answers every escalation route; escalatie is null
// when the youth never had one.
type escalatieAntwoord struct {
	Escalatie *escalatieJSON `json:"escalatie"`
}

func escalation(v *registry.EscalationView) *escalatieJSON {
	if v == nil {
		return nil
	}
	out := &escalatieJSON{
		ID: v.ID, Referentie: v.Reference, Status: "lopend", Coordinator: organisation(v.Coordinator),
		Doorzettingsmacht: doorzettingsmachtJSON{Soort: v.Authority, Omschrijving: v.AuthorityLabel()},
		GestartOp:         v.StartedAt, GestartDoor: vastgelegdDoorJSON{Naam: v.StartedBy.Name, Organisatie: v.Coordinator.Name},
		BeeindigdOp: v.EndedAt, Werkdagen: v.Workdays, Verlopen: v.Overdue(), Stappen: []escalatieStapJSON{},
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
		st := escalatieStapJSON{Stap: s.Number, Wie: s.Actor, Taak: s.Task, Status: "nog-niet", Uiterlijk: s.Due, GedaanOp: s.DoneAt, Verlopen: s.Overdue}
		switch {
		case s.DoneAt != nil:
			st.Status = "gedaan"
		case s.Waiting:
			st.Status = "aan-de-beurt"
		case s.Skipped:
			st.Status = "overgeslagen"
		}
		if s.DoneBy != nil {
			st.GedaanDoor = &vastgelegdDoorJSON{Naam: s.DoneBy.Name, Organisatie: s.DoneFor}
		}
		if s.Outcome != "" {
			o := s.Outcome
			st.Uitkomst = &o
		}
		out.Stappen = append(out.Stappen, st)
	}
	return out
}

type zorgpiramideJSON struct {
	Referentie   string            `json:"referentie"`
	Niveau       *int              `json:"niveau"`
	Omschrijving string            `json:"omschrijving"`
	Regel        string            `json:"regel"`
	Bijeenroepen *bijeenroepenJSON `json:"bijeenroepen"`
	Brandpunt    *brandpuntJSON    `json:"brandpunt"`
}

type bijeenroepenJSON struct {
	Werkdagen      int        `json:"werkdagen"`
	Uiterlijk      time.Time  `json:"uiterlijk"`
	BelegdOp       *string    `json:"belegdOp"`
	VastgelegdDoor *string    `json:"vastgelegdDoor"`
	VastgelegdOp   *time.Time `json:"vastgelegdOp"`
	Verlopen       bool       `json:"verlopen"`
	TeLaat         bool       `json:"teLaat"`
}

type brandpuntJSON struct {
	Uren      int            `json:"uren"`
	Stagnatie *stagnatieJSON `json:"stagnatie"`
}

type stagnatieJSON struct {
	ID               int64              `json:"id"`
	GemeldOp         time.Time          `json:"gemeldOp"`
	GemeldDoor       vastgelegdDoorJSON `json:"gemeldDoor"`
	Uiterlijk        time.Time          `json:"uiterlijk"`
	BijeengeroepenOp *time.Time         `json:"bijeengeroepenOp"`
	OpdrachtOp       *time.Time         `json:"opdrachtOp"`
	Verlopen         bool               `json:"verlopen"`
}

// zorgpiramideAntwoord answers GET .../zorgpiramide: null when the region
// has no care pyramid.
type zorgpiramideAntwoord struct {
	Zorgpiramide *zorgpiramideJSON `json:"zorgpiramide"`
}

func pyramid(ref string, p *registry.PyramidView) *zorgpiramideJSON {
	if p == nil {
		return nil
	}
	out := &zorgpiramideJSON{Referentie: ref, Omschrijving: p.LevelLabel(), Regel: p.Rule}
	level := p.Level
	if p.Escalated() {
		level = 4
	}
	if level > 0 {
		out.Niveau = &level
	}
	if c := p.Convene; c != nil {
		b := &bijeenroepenJSON{Werkdagen: c.Workdays, Uiterlijk: c.Due, VastgelegdOp: c.RecordedAt, Verlopen: c.Overdue, TeLaat: c.Late()}
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
		out.Brandpunt = &brandpuntJSON{Uren: p.StagnationHours}
		if s := p.Stagnation; s != nil {
			out.Brandpunt.Stagnatie = &stagnatieJSON{
				ID: s.ID, GemeldOp: s.ReportedAt, GemeldDoor: vastgelegdDoorJSON{Naam: s.ReportedBy.Name, Organisatie: s.ReportedFor},
				Uiterlijk: s.Due, BijeengeroepenOp: s.ConvenedAt, OpdrachtOp: s.InstructedAt, Verlopen: s.Overdue,
			}
		}
	}
	return out
}
