package registry

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/workday"
)

// coordinate runs the covenant over who is involved now and, when its
// decision differs from the running coordination, ends that and starts the
// new one, telling everyone involved.
// It returns the decision, which match messages quote.
func (s *Service) coordinate(ctx context.Context, tx *storage.Tx, y storage.Youth, involved []storage.Involvement, now time.Time) (covenant.Decision, error) {
	yv, err := s.youth(y)
	if err != nil {
		return covenant.Decision{}, err
	}
	decision := s.Covenant.Decide(situation(yv.Age, involved))
	return decision, s.applyDecision(ctx, tx, y, involved, decision, now)
}

func (s *Service) applyDecision(ctx context.Context, tx *storage.Tx, y storage.Youth, involved []storage.Involvement, decision covenant.Decision, now time.Time) error {
	current, err := tx.CurrentCoordination(ctx, y.ID)
	hasCurrent := err == nil
	if err != nil && err != storage.ErrNotFound {
		return err
	}
	if hasCurrent && current.OrganisationID == decision.OrganisationID {
		return nil
	}
	if !hasCurrent && decision.OrganisationID == 0 {
		return nil
	}
	if hasCurrent {
		reason := storage.EndByCovenant
		if decision.OrganisationID == 0 {
			reason = storage.EndNoneInvolved
		}
		if err := tx.EndCoordination(ctx, current.ID, now, reason, 0); err != nil {
			return err
		}
	}
	if decision.OrganisationID == 0 {
		return s.send(ctx, tx, coordinationEndedMessages(y, current.ID, involved, decision.Reason, s.BaseURL, now)...)
	}
	due := workday.Deadline(now, s.Covenant.Coordination.AcceptWorkdays)
	c := storage.Coordination{YouthID: y.ID, OrganisationID: decision.OrganisationID, Rule: decision.RuleID, Reason: decision.Reason, StartedAt: now, AcceptDueAt: &due}
	if err := tx.StartCoordination(ctx, &c); err != nil {
		return err
	}
	if err := audit.Write(ctx, tx, now, audit.Entry{
		Actor: systemActor, Action: audit.ActionCreate, ObjectType: "coordinatie", ObjectID: itoa(c.ID),
		YouthReference: y.Reference, Purpose: "convenant: " + s.Covenant.Name,
	}); err != nil {
		return err
	}
	if err := s.send(ctx, tx, coordinatorMessages(y, c, involved, s.BaseURL, now)...); err != nil {
		return err
	}
	return s.checkFamily(ctx, tx, y, c, involved, now)
}

// situation groups the active registrations per organisation for the covenant.
func situation(age int, involved []storage.Involvement) covenant.Situation {
	s := covenant.Situation{Age: age}
	index := map[int64]int{}
	professionals := map[int64]map[int64]bool{}
	for _, in := range involved {
		o := in.Organisation
		i, ok := index[o.ID]
		if !ok {
			role := o.Role
			if !o.Active {
				role = model.RoleSignaalgever // a deactivated organisation cannot coordinate
			}
			index[o.ID] = len(s.Involved)
			s.Involved = append(s.Involved, covenant.Involved{OrganisationID: o.ID, Type: o.Type, Role: role, Since: in.Registration.CreatedAt})
			professionals[o.ID] = map[int64]bool{}
			i = index[o.ID]
		}
		if in.Registration.CreatedAt.Before(s.Involved[i].Since) {
			s.Involved[i].Since = in.Registration.CreatedAt
		}
		professionals[o.ID][in.Professional.ID] = true
		s.Involved[i].Professionals = len(professionals[o.ID])
	}
	return s
}
