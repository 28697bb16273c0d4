package api

import (
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registry"
)

// geschiedenisJSON is the history on a youth's page: which organisations
// joined and left, and who coordinated when.
type geschiedenisJSON struct {
	Registraties []historieRegistratieJSON `json:"registraties"`
	Coordinatie  []coordinatiePeriodeJSON  `json:"coordinatie"`
}

// historieRegistratieJSON is one registration, active or ended; the
// professional only while it is active.
type historieRegistratieJSON struct {
	Registratie     int64           `json:"registratie"`
	Organisatie     organisatieJSON `json:"organisatie"`
	Soort           model.Kind      `json:"soort"`
	Urgent          bool            `json:"urgent"`
	Status          string          `json:"status"`
	Sinds           time.Time       `json:"sinds"`
	BeeindigdOp     *time.Time      `json:"beeindigdOp"`
	RedenEinde      *string         `json:"redenEinde"`
	RedenEindeTekst *string         `json:"redenEindeTekst"`
	Medewerker      *medewerkerJSON `json:"medewerker"`
}

type coordinatiePeriodeJSON struct {
	Organisatie organisatieJSON `json:"organisatie"`
	Regel       string          `json:"regel"`
	Reden       string          `json:"reden"`
	Van         time.Time       `json:"van"`
	Tot         *time.Time      `json:"tot"`
}

func history(h registry.History) geschiedenisJSON {
	out := geschiedenisJSON{
		Registraties: make([]historieRegistratieJSON, 0, len(h.Registrations)),
		Coordinatie:  make([]coordinatiePeriodeJSON, 0, len(h.Coordination)),
	}
	for _, e := range h.Registrations {
		r := e.Registration
		x := historieRegistratieJSON{
			Registratie: r.ID, Organisatie: organisation(e.Organisation), Soort: r.Kind, Urgent: r.Urgent,
			Status: "actief", Sinds: r.CreatedAt,
		}
		if r.EndedAt != nil {
			code, text := string(r.EndReason), e.EndReason()
			x.Status, x.BeeindigdOp, x.RedenEinde, x.RedenEindeTekst = "beeindigd", r.EndedAt, &code, &text
		} else if p := e.Professional; p != nil {
			x.Medewerker = &medewerkerJSON{Naam: p.Name, Telefoon: p.Phone, Email: p.Email}
		}
		out.Registraties = append(out.Registraties, x)
	}
	for _, c := range h.Coordination {
		out.Coordinatie = append(out.Coordinatie, coordinatiePeriodeJSON{
			Organisatie: organisation(c.Organisation), Regel: c.Rule, Reden: c.Reason, Van: c.Started, Tot: c.Ended,
		})
	}
	return out
}
