package coordination

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
	"github.com/jeugdketen/jeugdketen/internal/workday"
)

// Coordinate runs the covenant over who is involved now and, when the
// running coordination must give way (see succession), ends that and starts
// the new one, telling everyone involved.
// It returns who coordinates now and why, which match messages quote: the
// covenant's decision, or the running coordination that stays.
func (s *Service) Coordinate(ctx context.Context, tx *storage.Tx, y model.Youth, involved []model.Involvement, now time.Time) (covenant.Decision, error) {
	yv, err := s.ViewYouth(y)
	if err != nil {
		return covenant.Decision{}, err
	}
	decision := s.Covenant.Decide(Situation(yv.Age, involved))
	return s.applyDecision(ctx, tx, y, involved, decision, now)
}

func (s *Service) applyDecision(ctx context.Context, tx *storage.Tx, y model.Youth, involved []model.Involvement, decision covenant.Decision, now time.Time) (covenant.Decision, error) {
	current, err := tx.CurrentCoordination(ctx, y.ID)
	hasCurrent := err == nil
	if err != nil && err != storage.ErrNotFound {
		return decision, err
	}
	if !hasCurrent && decision.OrganisationID == 0 {
		return decision, nil
	}
	if hasCurrent {
		reason := succession(current, involved, decision)
		if reason == "" {
			if decision.OrganisationID == current.OrganisationID && decision.RuleID != current.Rule {
				// Same coordinator, another rule (Almere: more professionals,
				// a level up): the rule's duties count from now.
				if err := tx.ChangeCoordinationRule(ctx, current.ID, decision.RuleID, decision.Reason, now); err != nil {
					return decision, err
				}
				audit.Write(ctx, tx, now, audit.Entry{
					Actor: usecase.SystemActor, Action: audit.ActionUpdate, ObjectType: "coordinatie", ObjectID: usecase.Itoa(current.ID),
					YouthReference: y.Reference, Purpose: "convenant: " + s.Covenant.Name + ", regel " + decision.RuleID,
				})
				return decision, nil
			}
			return covenant.Decision{OrganisationID: current.OrganisationID, RuleID: current.Rule, Reason: current.Reason}, nil
		}
		if err := s.endCoordination(ctx, tx, y, current, reason, usecase.SystemActor, 0, now); err != nil {
			return decision, err
		}
	}
	if decision.OrganisationID == 0 {
		return decision, s.Send(ctx, tx, coordinationEndedMessages(y, current.ID, involved, decision.Reason, s.BaseURL, now)...)
	}
	due := workday.Deadline(now, s.Covenant.Coordination.AcceptWorkdays)
	c := model.Coordination{YouthID: y.ID, OrganisationID: decision.OrganisationID, Rule: decision.RuleID, Reason: decision.Reason, StartedAt: now, AcceptDueAt: &due}
	if err := tx.StartCoordination(ctx, &c); err != nil {
		return decision, err
	}
	audit.Write(ctx, tx, now, audit.Entry{
		Actor: usecase.SystemActor, Action: audit.ActionCreate, ObjectType: "coordinatie", ObjectID: usecase.Itoa(c.ID),
		YouthReference: y.Reference, Purpose: "convenant: " + s.Covenant.Name,
	})
	if err := s.Send(ctx, tx, coordinatorMessages(y, c, involved, s.BaseURL, now)...); err != nil {
		return decision, err
	}
	return decision, s.Families.CheckFamily(ctx, tx, y, c, involved, now)
}

// succession says why the running coordination c must end now that the
// covenant decided d, or "" when it stays.
//
// While c waits for acceptance the covenant decides, as it always did. Once
// the organisation accepted (or stated that coordination is not needed), the
// coordination stays: every other change goes through an explicit handover
// (issue 4). Except when
//   - too few organisations are involved any more for a coordinator (seed
//     002: coordination ends when nobody else is involved);
//   - the coordinating organisation is no longer involved or was
//     deactivated: the covenant decides afresh;
//   - a certified institution (GI) joins and the coordinator is no GI: the
//     GI takes over (seed 000: "Zodra er sprake is van een geaccepteerde
//     aanmelding van een jeugdige bij Bureau Jeugdzorg, wordt
//     zorgcoördinatie overgedragen aan Bureau Jeugdzorg");
//   - coordination was declared not needed and an organisation joined since:
//     the situation changed, so the covenant decides again.
func succession(c model.Coordination, involved []model.Involvement, d covenant.Decision) string {
	if d.OrganisationID == 0 {
		return model.EndNoneInvolved
	}
	if c.Status == model.CoordinationAssigned {
		if d.OrganisationID == c.OrganisationID {
			return ""
		}
		return model.EndByCovenant
	}
	coordinator, ok := involvedOrganisation(involved, c.OrganisationID)
	if !ok || !coordinator.MayCoordinate() {
		return model.EndByCovenant
	}
	if gi, ok := involvedOrganisation(involved, d.OrganisationID); ok && gi.Type == model.TypeGI && coordinator.Type != model.TypeGI &&
		since(involved, gi.ID).After(c.StartedAt) {
		return model.EndByGI
	}
	if c.Status == model.CoordinationNotNeeded && c.DecidedAt != nil {
		for _, in := range involved {
			if since(involved, in.Organisation.ID).After(*c.DecidedAt) {
				return model.EndByCovenant
			}
		}
	}
	return ""
}

// involvedOrganisation finds an organisation among the involved.
func involvedOrganisation(involved []model.Involvement, id int64) (model.Organisation, bool) {
	for _, in := range involved {
		if in.Organisation.ID == id {
			return in.Organisation, true
		}
	}
	return model.Organisation{}, false
}

// since is when an organisation's oldest active registration was made: when
// it joined, as far as the youth's involvement now goes.
func since(involved []model.Involvement, org int64) time.Time {
	var first time.Time
	for _, in := range involved {
		if in.Organisation.ID == org && (first.IsZero() || in.Registration.CreatedAt.Before(first)) {
			first = in.Registration.CreatedAt
		}
	}
	return first
}

// endCoordination ends a running coordination for reason and lets its open
// handover proposal, if any, lapse. by is the professional who ended it, 0
// when the system did.
func (s *Service) endCoordination(ctx context.Context, tx *storage.Tx, y model.Youth, c model.Coordination, reason string, who audit.Actor, by int64, now time.Time) error {
	if err := tx.EndCoordination(ctx, c.ID, now, reason, by); err != nil {
		return err
	}
	if err := tx.LapseHandovers(ctx, c.ID, now); err != nil {
		return err
	}
	audit.Write(ctx, tx, now, audit.Entry{
		Actor: who, Action: audit.ActionEnd, ObjectType: "coordinatie", ObjectID: usecase.Itoa(c.ID),
		YouthReference: y.Reference, Purpose: "einde coördinatie: " + reason,
	})
	return nil
}

// Situation groups the active registrations per organisation for the covenant.
func Situation(age int, involved []model.Involvement) covenant.Situation {
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
