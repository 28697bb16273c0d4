package api

import (
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
)

// historyView is the history on a youth's page: which organisations
// joined and left, and who coordinated when.
type historyView struct {
	Registraties []historyRegistrationView `json:"registraties"`
	Coordinatie  []coordinationPeriodView  `json:"coordinatie"`
}

// historyRegistrationView is one registration, active or ended; the
// professional only while it is active.
type historyRegistrationView struct {
	Registratie     int64             `json:"registratie"`
	Organisatie     organisationView  `json:"organisatie"`
	Soort           model.Kind        `json:"soort"`
	Urgent          bool              `json:"urgent"`
	Status          string            `json:"status"`
	Sinds           time.Time         `json:"sinds"`
	BeeindigdOp     *time.Time        `json:"beeindigdOp"`
	RedenEinde      *string           `json:"redenEinde"`
	RedenEindeTekst *string           `json:"redenEindeTekst"`
	Medewerker      *professionalView `json:"medewerker"`
}

type coordinationPeriodView struct {
	Organisatie organisationView `json:"organisatie"`
	Regel       string           `json:"regel"`
	Reden       string           `json:"reden"`
	Van         time.Time        `json:"van"`
	Tot         *time.Time       `json:"tot"`
}

func history(h registration.History) historyView {
	out := historyView{
		Registraties: make([]historyRegistrationView, 0, len(h.Registrations)),
		Coordinatie:  make([]coordinationPeriodView, 0, len(h.Coordination)),
	}
	for _, e := range h.Registrations {
		r := e.Registration
		x := historyRegistrationView{
			Registratie: r.ID, Organisatie: organisation(e.Organisation), Soort: r.Kind, Urgent: r.Urgent,
			Status: "actief", Sinds: r.CreatedAt,
		}
		if r.EndedAt != nil {
			code, text := string(r.EndReason), e.EndReason()
			x.Status, x.BeeindigdOp, x.RedenEinde, x.RedenEindeTekst = "beeindigd", r.EndedAt, &code, &text
		} else if p := e.Professional; p != nil {
			x.Medewerker = &professionalView{Naam: p.Name, Telefoon: p.Phone, Email: p.Email}
		}
		out.Registraties = append(out.Registraties, x)
	}
	for _, c := range h.Coordination {
		out.Coordinatie = append(out.Coordinatie, coordinationPeriodView{
			Organisatie: organisation(c.Organisation), Regel: c.Rule, Reden: c.Reason, Van: c.Started, Tot: c.Ended,
		})
	}
	return out
}
