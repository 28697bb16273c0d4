package escalation

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// StartEscalation: the coordinator starts the escalation procedure because
// disagreement with the involved professionals blocks the plan of action
// (seed 002). Step 1, engaging its own management, is done with the start;
// step 2 is due within the region's working days. The override authority is
// fixed now: the GI when a GI is involved (the youth is its client in youth
// protection or probation), the alderman otherwise. Everyone involved is told.
func (s *Service) StartEscalation(ctx context.Context, actor usecase.Actor, ref string) (*View, error) {
	var out *View
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		now := s.Now()
		if _, err := tx.LapseEscalations(ctx, now); err != nil {
			return err
		}
		y, c, err := s.mayStart(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		involved, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return err
		}
		e := model.Escalation{YouthID: y.ID, CoordinationID: c.ID, Authority: model.AuthorityAlderman, StartedBy: actor.Professional.ID, StartedAt: now}
		if gi := overrideGI(involved); gi != 0 {
			e.Authority, e.AuthorityOrganisationID = model.AuthorityGI, gi
		}
		if err := tx.StartEscalation(ctx, &e); err != nil {
			return err
		}
		first := model.EscalationStep{EscalationID: e.ID, Step: StepOwnManagement, DoneAt: &now, DoneBy: actor.Professional.ID}
		if err := tx.AddEscalationStep(ctx, &first); err != nil {
			return err
		}
		step, due := s.nextEscalationStep(StepOwnManagement, "", now)
		if err := tx.AddEscalationStep(ctx, &model.EscalationStep{EscalationID: e.ID, Step: step, DueAt: due}); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionCreate, ObjectType: "escalatie", ObjectID: usecase.Itoa(e.ID),
			YouthReference: y.Reference, Purpose: "escalatieprocedure gestart, doorzettingsmacht: " + e.Authority,
		})
		if e, err = tx.Escalation(ctx, e.ID); err != nil {
			return err
		}
		if out, err = s.escalationView(ctx, tx, y, e, actor, true, now); err != nil {
			return err
		}
		return s.Send(ctx, tx, escalationStartedMessages(y, out, involved, s.BaseURL, now)...)
	})
	return out, err
}

// CheckStart answers as StartEscalation would, without starting: nil when
// the actor may start the escalation procedure for the youth now, otherwise
// the same error. The web application asks it before it shows the
// confirmation page, so that the page never promises what would be refused.
func (s *Service) CheckStart(ctx context.Context, actor usecase.Actor, ref string) error {
	// A writing transaction that writes nothing: the checks lock the youth
	// as starting would, which PostgreSQL refuses in a read-only one.
	return s.DB.Update(ctx, func(tx *storage.Tx) error {
		_, _, err := s.mayStart(ctx, tx, actor, ref)
		return err
	})
}

// mayStart checks that the actor coordinates the youth and that no
// escalation runs (one whose coordination ended does not run, lapsed or not).
func (s *Service) mayStart(ctx context.Context, tx *storage.Tx, actor usecase.Actor, ref string) (model.Youth, model.Coordination, error) {
	y, c, err := s.AsCoordinator(ctx, tx, actor, ref)
	if err != nil {
		return y, c, err
	}
	if _, err := tx.RunningEscalation(ctx, y.ID); err == nil {
		return y, c, errEscalationRunning
	} else if err != storage.ErrNotFound {
		return y, c, err
	}
	return y, c, nil
}

// overrideGI is the GI that has the override authority: the involved
// organisation of type gi with the oldest active registration, or 0.
func overrideGI(involved []model.Involvement) int64 {
	for _, in := range involved { // oldest first
		if in.Organisation.Type == model.TypeGI && in.Organisation.Active {
			return in.Organisation.ID
		}
	}
	return 0
}
