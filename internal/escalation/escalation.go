package escalation

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
	"github.com/jeugdketen/jeugdketen/internal/workday"
)

// The escalation procedure of seed 002 ("Escalatieprocedure"): when the
// coordinator cannot get a plan of action made or carried out because the
// involved professionals disagree, the coordinator starts it, and it runs in
// steps with deadlines in Dutch working days. The steps are numbered here as
// in docs/coordination.md.
const (
	StepOwnManagement       = 1 // the coordinator engages its own management (done at the start)
	StepEngageManagements   = 2 // that management engages the involved managements
	StepManagementsRuling   = 3 // the managements reach a ruling
	StepToAuthority         = 4 // the bottlenecks go to the alderman (or the GI)
	StepAuthorityRuling     = 5 // the alderman (or the GI) rules and instructs the responsible director
	StepDirectorInforms     = 6 // the director informs the involved managements the same day
	StepCoordinatorExecutes = 7 // the coordinator executes the decision; the escalation ends
	escalationSteps         = 7
)

// Outcomes of step 3, the managements' ruling.
const (
	OutcomeAgreement   = "overeenstemming"
	OutcomeNoAgreement = "geen-overeenstemming"
)

// Message kinds of the escalation procedure.
const (
	KindEscalation        = "escalatie"          // an escalation started, moved on or ended
	KindEscalationOverdue = "escalatie-verlopen" // a step of an escalation is overdue
)

// escalationStepText is who takes a step and what it is, in Dutch. With the
// GI's override authority, steps 4 and 5 go to the GI instead of the alderman.
func escalationStepText(step int, authority string) (actor, task string) {
	gi := authority == model.AuthorityGI
	switch step {
	case StepOwnManagement:
		return "Zorgcoördinator", "schakelt de eigen directie in"
	case StepEngageManagements:
		return "Directie van de coördinerende organisatie", "schakelt de directies van de betrokken organisaties in, om heldere afspraken te maken over het hulpaanbod"
	case StepManagementsRuling:
		return "Directies van de betrokken organisaties", "komen tot een uitspraak: overeenstemming of geen overeenstemming"
	case StepToAuthority:
		if gi {
			return "Directie van de coördinerende organisatie", "legt de knelpunten voor aan de gecertificeerde instelling (GI), die doorzettingsmacht heeft"
		}
		return "Directie van de coördinerende organisatie", "legt de knelpunten voor aan de portefeuillehouder jeugd (wethouder)"
	case StepAuthorityRuling:
		if gi {
			return "Gecertificeerde instelling (GI)", "neemt met doorzettingsmacht een besluit en legt het als opdracht bij de verantwoordelijke directeur"
		}
		return "Portefeuillehouder jeugd (wethouder)", "doet uitspraak en legt die als opdracht terug bij de verantwoordelijke directeur"
	case StepDirectorInforms:
		return "Verantwoordelijke directeur", "informeert dezelfde dag de betrokken directies en geeft de zorgcoördinator opdracht het besluit uit te voeren"
	case StepCoordinatorExecutes:
		return "Zorgcoördinator", "voert het besluit uit in goed overleg met de betrokken hulpverleners"
	}
	return "", ""
}

// EscalationOutcomeLabel is the Dutch text for a step 3 outcome or the way an
// escalation ended.
func EscalationOutcomeLabel(code string) string {
	switch code {
	case OutcomeAgreement:
		return "overeenstemming"
	case OutcomeNoAgreement:
		return "geen overeenstemming"
	case model.EscalationExecuted:
		return "het besluit is uitgevoerd"
	case model.EscalationWithdrawn:
		return "ingetrokken door de coördinator"
	case model.EscalationLapsed:
		return "vervallen: de coördinatie is beëindigd of overgedragen"
	}
	return code
}

// View is an escalation as the youth's page, the API and the
// administrator's list show it.
type View struct {
	ID                    int64
	Reference             string
	Coordinator           model.Organisation
	Authority             string              // model.AuthorityGI or model.AuthorityAlderman
	AuthorityOrganisation *model.Organisation // the GI, with its authority
	StartedAt             time.Time
	StartedBy             model.Professional
	EndedAt               *time.Time
	Outcome               string // how it ended; "" while it runs
	Workdays              int    // the region's "binnen ... werkdagen"
	Steps                 []StepView
	// Next is the step waiting to be recorded; nil once it ended.
	Next *StepView
	// MayWithdraw: the viewer's organisation coordinates and it runs.
	MayWithdraw bool
}

// Running reports whether the escalation has not ended.
func (e *View) Running() bool { return e.EndedAt == nil }

// AuthorityLabel says in Dutch who has the override authority, and why.
func (e *View) AuthorityLabel() string {
	if e.Authority == model.AuthorityGI && e.AuthorityOrganisation != nil {
		return "de gecertificeerde instelling " + e.AuthorityOrganisation.Name + ": de jeugdige is cliënt van de GI (jeugdbescherming of jeugdreclassering)"
	}
	return "de portefeuillehouder jeugd (wethouder) van de gemeente: de jeugdige is geen cliënt van een gecertificeerde instelling"
}

// OutcomeLabel is how the escalation ended, in Dutch.
func (e *View) OutcomeLabel() string { return EscalationOutcomeLabel(e.Outcome) }

// Overdue reports whether the waiting step passed its deadline.
func (e *View) Overdue() bool { return e.Next != nil && e.Next.Overdue }

// StepView is one of the seven steps, done, waiting, skipped or
// still to come.
type StepView struct {
	Number  int
	Actor   string // who takes the step, in Dutch
	Task    string
	Due     *time.Time // nil: no deadline (yet)
	DoneAt  *time.Time
	DoneBy  *model.Professional
	DoneFor string // the organisation the recorder works for
	Outcome string // step 3: overeenstemming or geen-overeenstemming
	Skipped bool   // steps 4 and 5 when the managements agreed
	Waiting bool   // the step to record now
	Overdue bool   // waiting and past its deadline
	// MayRecord: the viewer may record this step now.
	MayRecord bool
}

// OutcomeLabel is the step's outcome in Dutch.
func (s StepView) OutcomeLabel() string { return EscalationOutcomeLabel(s.Outcome) }

// NeedsOutcome reports whether recording the step asks for an outcome.
func (s StepView) NeedsOutcome() bool { return s.Number == StepManagementsRuling }

// Panel is the escalation part of a youth's page.
type Panel struct {
	// Current is the running escalation, or else the last one; nil when the
	// youth never had one.
	Current *View
	// MayStart: the viewer's organisation holds the accepted coordination
	// and no escalation runs.
	MayStart bool
	Workdays int
}

var (
	errNoEscalation      = model.Errorf(model.ECONFLICT, "Er loopt geen escalatie voor deze jeugdige.")
	errEscalationRunning = model.Errorf(model.ECONFLICT, "Er loopt al een escalatie voor deze jeugdige. Leg de volgende stap vast, of trek de escalatie in.")
)

// isAdministrator reports whether the actor acts as regional administrator:
// with their own login or token, never through a client system.
func isAdministrator(actor usecase.Actor) bool {
	return actor.Professional.Admin && !actor.Professional.Monitoring && actor.TokenID == 0
}

// escalationYouth finds a youth for the escalation procedure and the care
// pyramid: an involved professional may (involvedYouth), and so may a
// regional administrator who is not involved when adminMay says the youth has
// something for them to act on. Anyone else gets "niet gevonden". It reports
// whether the actor's organisation is involved.
func (s *Service) escalationYouth(ctx context.Context, tx *storage.Tx, actor usecase.Actor, ref string, adminMay func(model.Youth) (bool, error)) (model.Youth, bool, error) {
	y, err := s.InvolvedYouth(ctx, tx, actor, ref)
	if err == nil || model.ErrorCode(err) != model.ENOTFOUND || !isAdministrator(actor) {
		return y, err == nil, err
	}
	y, err = tx.YouthByReference(ctx, ref)
	if err == storage.ErrNotFound {
		return y, false, usecase.ErrYouthNotFound
	}
	if err != nil {
		return y, false, err
	}
	if y, err = tx.LockYouthByID(ctx, y.ID); err != nil {
		return y, false, err
	}
	ok, err := adminMay(y)
	if err != nil {
		return y, false, err
	}
	if !ok {
		return y, false, usecase.ErrYouthNotFound
	}
	return y, false, nil
}

// mayRecordStep reports whether the actor may record step of a running
// escalation: the alderman's ruling the regional administrator records on
// the alderman's behalf, the GI's ruling the GI itself; every other step the
// coordinating organisation, for its management.
func mayRecordStep(actor usecase.Actor, e model.Escalation, c model.Coordination, step int) bool {
	if actor.Professional.Monitoring {
		return false
	}
	if step == StepAuthorityRuling {
		if e.Authority == model.AuthorityGI {
			return actor.Organisation.ID == e.AuthorityOrganisationID
		}
		return isAdministrator(actor)
	}
	return actor.Organisation.ID == c.OrganisationID && c.Status == model.CoordinationAccepted && c.Running()
}

// escalationView builds the view of an escalation for actor; involved says
// whether the actor's organisation is involved with the youth.
func (s *Service) escalationView(ctx context.Context, tx *storage.Tx, y model.Youth, e model.Escalation, actor usecase.Actor, involved bool, now time.Time) (*View, error) {
	c, err := tx.Coordination(ctx, e.CoordinationID)
	if err != nil {
		return nil, err
	}
	org, err := tx.Organisation(ctx, c.OrganisationID)
	if err != nil {
		return nil, err
	}
	starter, err := tx.Professional(ctx, e.StartedBy)
	if err != nil {
		return nil, err
	}
	v := &View{
		ID: e.ID, Reference: y.Reference, Coordinator: org, Authority: e.Authority, StartedAt: e.StartedAt, StartedBy: starter,
		EndedAt: e.EndedAt, Outcome: e.Outcome, Workdays: s.Covenant.Coordination.EscalationWorkdays,
	}
	running := e.Running() && c.Running()
	if e.Running() && !c.Running() { // not marked lapsed yet
		v.EndedAt, v.Outcome = c.EndedAt, model.EscalationLapsed
	}
	if e.AuthorityOrganisationID != 0 {
		gi, err := tx.Organisation(ctx, e.AuthorityOrganisationID)
		if err != nil {
			return nil, err
		}
		v.AuthorityOrganisation = &gi
	}
	stored := map[int]model.EscalationStep{}
	for _, st := range e.Steps {
		stored[st.Step] = st
	}
	agreed := stored[StepManagementsRuling].Outcome == OutcomeAgreement
	people := map[int64]model.Professional{}
	for n := 1; n <= escalationSteps; n++ {
		sv := StepView{Number: n}
		sv.Actor, sv.Task = escalationStepText(n, e.Authority)
		st, ok := stored[n]
		switch {
		case ok:
			sv.Due, sv.DoneAt, sv.Outcome = st.DueAt, st.DoneAt, st.Outcome
			if st.DoneAt != nil {
				p, found := people[st.DoneBy]
				if !found {
					if p, err = tx.Professional(ctx, st.DoneBy); err != nil {
						return nil, err
					}
					people[st.DoneBy] = p
				}
				sv.DoneBy = &p
				o, err := tx.Organisation(ctx, p.OrganisationID)
				if err != nil {
					return nil, err
				}
				sv.DoneFor = o.Name
			} else if running {
				sv.Waiting = true
				sv.Overdue = st.DueAt != nil && now.After(*st.DueAt)
				sv.MayRecord = (involved || isAdministrator(actor)) && mayRecordStep(actor, e, c, n)
			}
		case agreed && (n == StepToAuthority || n == StepAuthorityRuling):
			sv.Skipped = true
		}
		v.Steps = append(v.Steps, sv)
	}
	for i := range v.Steps {
		if v.Steps[i].Waiting {
			v.Next = &v.Steps[i]
		}
	}
	v.MayWithdraw = running && involved && actor.Organisation.ID == c.OrganisationID && c.Status == model.CoordinationAccepted && !actor.Professional.Monitoring
	return v, nil
}

// escalationPanel is the escalation part of the youth's page for actor.
func (s *Service) escalationPanel(ctx context.Context, tx *storage.Tx, y model.Youth, actor usecase.Actor, now time.Time) (*Panel, error) {
	p := &Panel{Workdays: s.Covenant.Coordination.EscalationWorkdays}
	e, err := tx.LatestEscalation(ctx, y.ID)
	switch err {
	case nil:
		if p.Current, err = s.escalationView(ctx, tx, y, e, actor, true, now); err != nil {
			return nil, err
		}
	case storage.ErrNotFound:
	default:
		return nil, err
	}
	c, err := tx.CurrentCoordination(ctx, y.ID)
	switch err {
	case nil:
		p.MayStart = c.OrganisationID == actor.Organisation.ID && c.Status == model.CoordinationAccepted &&
			!actor.Professional.Monitoring && (p.Current == nil || !p.Current.Running())
	case storage.ErrNotFound:
	default:
		return nil, err
	}
	return p, nil
}

// nextEscalationStep is the step that follows one done now, with its
// deadline: "binnen twee werkdagen" counted from today, the director's step
// before the end of the same day, the execution without a deadline.
func (s *Service) nextEscalationStep(done int, outcome string, now time.Time) (int, *time.Time) {
	next := done + 1
	if done == StepManagementsRuling && outcome == OutcomeAgreement {
		next = StepDirectorInforms
	}
	var due time.Time
	switch next {
	case StepDirectorInforms:
		due = workday.Deadline(now, 0)
	case StepCoordinatorExecutes:
		return next, nil
	default:
		due = workday.Deadline(now, s.Covenant.Coordination.EscalationWorkdays)
	}
	return next, &due
}

// escalationStepOrder explains why step cannot be recorded now.
func escalationStepOrder(e model.Escalation, step int) error {
	var waiting model.EscalationStep
	for _, st := range e.Steps {
		if st.Step == step && st.DoneAt != nil {
			return model.Errorf(model.ECONFLICT, "Stap %d is al vastgelegd op %s.", step, nltime.DateTime(*st.DoneAt))
		}
		if st.DoneAt == nil {
			waiting = st
		}
		if st.Step == StepManagementsRuling && st.Outcome == OutcomeAgreement && (step == StepToAuthority || step == StepAuthorityRuling) {
			return model.Errorf(model.ECONFLICT, "Stap %d is overgeslagen: de directies kwamen in stap 3 tot overeenstemming.", step)
		}
	}
	if waiting.Step == step {
		return nil
	}
	if step < waiting.Step {
		return model.Errorf(model.ECONFLICT, "Stap %d is niet meer aan de beurt: de escalatie wacht op stap %d.", step, waiting.Step)
	}
	actor, task := escalationStepText(waiting.Step, e.Authority)
	return model.Errorf(model.ECONFLICT, "Stap %d kan nog niet worden vastgelegd. Eerst stap %d: %s %s.", step, waiting.Step, lowerFirst(actor), task)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'A' && r[0] <= 'Z' {
		r[0] += 'a' - 'A'
	}
	return string(r)
}

// EscalationAndPyramid fills the youth's page for an involved actor.
func (s *Service) EscalationAndPyramid(ctx context.Context, tx *storage.Tx, y model.Youth, actor usecase.Actor) (*Panel, *PyramidView, error) {
	now := s.Now()
	e, err := s.escalationPanel(ctx, tx, y, actor, now)
	if err != nil {
		return nil, nil, err
	}
	p, err := s.pyramidView(ctx, tx, y, actor, true, now)
	return e, p, err
}
