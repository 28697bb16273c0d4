package plan

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
	"github.com/jeugdketen/jeugdketen/internal/workday"
)

// Plan is a youth's plan of action ("één gezin, één plan", seed 002) as an
// involved professional sees it: every agreement made about the youth, under
// whichever coordinator, and the signallers the coordinator is to call.
// Only the coordinator changes it (MayChange).
type Plan struct {
	Agreements []PlannedAgreement
	// Signallers are the active registrations of the other organisations
	// while an accepted coordination runs; empty otherwise.
	Signallers []Signaller
	// MayChange: the viewer's organisation holds the running, accepted
	// coordination. Then Actions and Assignees are filled for the forms.
	MayChange bool
	// Actions is the region's list of agreement actions.
	Actions []string
	// Assignees are who may be made responsible for an agreement: the
	// active professionals of the organisations involved.
	Assignees []Assignee
	// Today is the Dutch day, what the forms offer as the day of a contact.
	Today time.Time
}

// PlannedAgreement is one agreement with its responsible professional.
type PlannedAgreement struct {
	model.Agreement
	Responsible  model.Professional
	Organisation model.Organisation
	// Overdue: still open after its end date ("verlopen").
	Overdue bool
}

// StatusLabel is the agreement's status in Dutch, for people.
func (a PlannedAgreement) StatusLabel() string {
	if a.Status == model.AgreementNotKept {
		return "niet nagekomen"
	}
	return a.Status
}

// Signaller is another organisation's active registration, which the
// coordinator calls (seed 002: "alle signaalgevers worden door de
// zorgcoördinator gebeld").
type Signaller struct {
	Registration model.Registration
	Organisation model.Organisation
	Professional model.Professional // whom to call
	ContactedOn  *time.Time         // nil: not called yet in this coordination
	// ConsultedOn is when the coordinator consulted the signaller about an
	// evidently wrong signal; only the coordinator is shown it.
	ConsultedOn *time.Time
}

// Removable reports whether the coordinator may now remove the signal as
// evidently wrong: a signal whose signaller was consulted.
func (s Signaller) Removable() bool {
	return s.Registration.Kind == model.KindSignaal && s.ConsultedOn != nil
}

// Assignee is a professional who may be responsible for an agreement.
type Assignee struct {
	Professional model.Professional
	Organisation model.Organisation
}

// Plan returns the plan of action of a youth the actor's organisation is
// involved with; an empty plan when there is none.
func (s *Service) Plan(ctx context.Context, actor usecase.Actor, ref string) (Plan, error) {
	var out Plan
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, err := s.InvolvedYouth(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		involved, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return err
		}
		p, err := s.PlanOf(ctx, tx, y, actor, involved)
		if err != nil {
			return err
		}
		if p != nil {
			out = *p
		}
		return s.LogRead(ctx, tx, actor, "plan-van-aanpak", y.Reference, y.Reference)
	})
	return out, err
}

// PlanOf builds the plan as the actor sees it; nil when the youth has no
// agreements and no accepted coordination runs, so there is nothing to show.
func (s *Service) PlanOf(ctx context.Context, tx *storage.Tx, y model.Youth, actor usecase.Actor, involved []model.Involvement) (*Plan, error) {
	agreements, err := tx.AgreementsOfYouth(ctx, y.ID)
	if err != nil {
		return nil, err
	}
	c, err := tx.CurrentCoordination(ctx, y.ID)
	accepted := err == nil && c.Status == model.CoordinationAccepted
	if err != nil && err != storage.ErrNotFound {
		return nil, err
	}
	if len(agreements) == 0 && !accepted {
		return nil, nil
	}
	p := &Plan{MayChange: accepted && c.OrganisationID == actor.Organisation.ID && !actor.Professional.Monitoring, Today: usecase.Today(s.Now())}
	today := planDay(s.Now())
	for _, a := range agreements {
		pa := PlannedAgreement{Agreement: a, Overdue: agreementOverdue(a, today)}
		if pa.Responsible, err = tx.Professional(ctx, a.ProfessionalID); err != nil {
			return nil, err
		}
		if pa.Organisation, err = tx.Organisation(ctx, pa.Responsible.OrganisationID); err != nil {
			return nil, err
		}
		p.Agreements = append(p.Agreements, pa)
	}
	if accepted {
		if p.Signallers, err = signallers(ctx, tx, c, involved, p.MayChange); err != nil {
			return nil, err
		}
	}
	if p.MayChange {
		p.Actions = s.Covenant.Coordination.Actions
		if p.Assignees, err = assignees(ctx, tx, involved); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// planDay is the Amsterdam day of now as YYYY-MM-DD, to compare agreements'
// days with.
func planDay(now time.Time) string { return workday.Day(now).Format(time.DateOnly) }

// agreementOverdue: open and its end date before today (YYYY-MM-DD).
func agreementOverdue(a model.Agreement, today string) bool {
	return a.Status == model.AgreementOpen && a.EndOn.Format(time.DateOnly) < today
}

// signallers lists the other organisations' active registrations with what
// was recorded about contacting them in coordination c.
func signallers(ctx context.Context, tx *storage.Tx, c model.Coordination, involved []model.Involvement, coordinator bool) ([]Signaller, error) {
	contacts, err := tx.SignallerContacts(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	var out []Signaller
	for _, in := range involved {
		if in.Organisation.ID == c.OrganisationID {
			continue
		}
		sg := Signaller{Registration: in.Registration, Organisation: in.Organisation, Professional: in.Professional}
		for _, k := range contacts {
			if k.RegistrationID != in.Registration.ID {
				continue
			}
			on := k.ContactedOn
			switch {
			case k.Kind == model.ContactCalled:
				sg.ContactedOn = &on
			case k.Kind == model.ContactWrongSignal && coordinator:
				sg.ConsultedOn = &on
			}
		}
		out = append(out, sg)
	}
	return out, nil
}

// assignees are the active professionals of every involved organisation,
// organisation by organisation in the order they got involved. Monitoring
// accounts never are.
func assignees(ctx context.Context, tx *storage.Tx, involved []model.Involvement) ([]Assignee, error) {
	var out []Assignee
	seen := map[int64]bool{}
	for _, in := range involved {
		if seen[in.Organisation.ID] {
			continue
		}
		seen[in.Organisation.ID] = true
		pros, err := tx.ProfessionalsOf(ctx, in.Organisation.ID)
		if err != nil {
			return nil, err
		}
		for _, p := range pros {
			if p.Active && !p.Monitoring {
				out = append(out, Assignee{Professional: p, Organisation: in.Organisation})
			}
		}
	}
	return out, nil
}
