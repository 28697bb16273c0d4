package coordination

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

var errNotOffered = model.Errorf(model.EFORBIDDEN, "Alleen de organisatie aan wie de overdracht is voorgesteld, kan haar accepteren of weigeren.")

// RuleHandover is the rule a coordination started by a handover names,
// instead of a rule of the covenant.
const RuleHandover = "overdracht"

// AcceptHandover: the organisation a handover is proposed to accepts it and
// names its coordinating professional (by e-mail address; empty: the
// actor). The old coordination ends ('overdracht'), a new one starts,
// accepted at once; everyone involved is told who coordinates now.
func (s *Service) AcceptHandover(ctx context.Context, actor usecase.Actor, ref, professional string) (*usecase.Coordinator, error) {
	var out *usecase.Coordinator
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, c, h, err := s.offeredHandover(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		p, err := coordinatingProfessional(ctx, tx, actor, professional)
		if err != nil {
			return err
		}
		from, err := tx.Organisation(ctx, c.OrganisationID)
		if err != nil {
			return err
		}
		if !model.MayReceiveHandover(from.Type, actor.Organisation) {
			return model.Errorf(model.ECONFLICT, "Uw organisatie kan deze coördinatie niet overnemen: alleen een actieve zorgaanbieder kan coördineren, en een GI draagt alleen over aan een jeugdhulpaanbieder of wijkteam.")
		}
		now := s.Now()
		if err := s.decideHandover(ctx, tx, actor, y, h, model.HandoverAccepted, now); err != nil {
			return err
		}
		if err := s.endCoordination(ctx, tx, y, c, model.EndByHandover, actor.AuditActor(), actor.Professional.ID, now); err != nil {
			return err
		}
		next := model.Coordination{
			YouthID: y.ID, OrganisationID: actor.Organisation.ID, Rule: RuleHandover, Reason: "Overgedragen door " + from.Name + ".",
			StartedAt: now, Status: model.CoordinationAccepted, ProfessionalID: p.ID, DecidedAt: &now, DecidedBy: actor.Professional.ID,
		}
		if err := tx.StartCoordination(ctx, &next); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionCreate, ObjectType: "coordinatie", ObjectID: usecase.Itoa(next.ID),
			YouthReference: y.Reference, Purpose: "overdracht van organisatie " + usecase.Itoa(from.ID) + ", coördinerende professional " + usecase.Itoa(p.ID),
		})
		involved, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return err
		}
		// One handover, one e-mail each: who coordinates now, and the
		// family's other coordinator when there is one.
		err = s.OneMailEach(ctx, tx, usecase.Event{}, func(ctx context.Context) error {
			if err := s.Send(ctx, tx, handedOverMessages(y, h, from, actor.Organisation, p, involved, s.BaseURL, now)...); err != nil {
				return err
			}
			return s.Families.CheckFamily(ctx, tx, y, next, involved, now)
		})
		if err != nil {
			return err
		}
		out, err = s.viewFor(ctx, tx, actor, y)
		return err
	})
	return out, err
}

// DeclineHandover: the organisation a handover is proposed to declines it;
// the coordinator stays and is told.
func (s *Service) DeclineHandover(ctx context.Context, actor usecase.Actor, ref string) (*usecase.Coordinator, error) {
	var out *usecase.Coordinator
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, c, h, err := s.offeredHandover(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		now := s.Now()
		if err := s.decideHandover(ctx, tx, actor, y, h, model.HandoverDeclined, now); err != nil {
			return err
		}
		coordinator, err := tx.Organisation(ctx, c.OrganisationID)
		if err != nil {
			return err
		}
		people, err := professionals(ctx, tx, c.ProfessionalID, h.ProposedBy)
		if err != nil {
			return err
		}
		if err := s.Send(ctx, tx, handoverDeclinedMessages(y, h, coordinator, actor.Organisation, people, s.BaseURL, now)...); err != nil {
			return err
		}
		out, err = s.viewFor(ctx, tx, actor, y)
		return err
	})
	return out, err
}

// WithdrawHandover: the coordinator withdraws its open proposal; the
// organisation it was made to is told.
func (s *Service) WithdrawHandover(ctx context.Context, actor usecase.Actor, ref string) (*usecase.Coordinator, error) {
	var out *usecase.Coordinator
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, c, err := s.AsCoordinator(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		h, err := tx.OpenHandover(ctx, c.ID)
		if err == storage.ErrNotFound {
			return errNoHandoverOpen
		}
		if err != nil {
			return err
		}
		now := s.Now()
		if err := s.decideHandover(ctx, tx, actor, y, h, model.HandoverWithdrawn, now); err != nil {
			return err
		}
		toOrg, err := tx.Organisation(ctx, h.ToOrganisationID)
		if err != nil {
			return err
		}
		involved, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return err
		}
		if err := s.Send(ctx, tx, handoverWithdrawnMessages(y, h, actor.Organisation, toOrg, involved, s.BaseURL, now)...); err != nil {
			return err
		}
		out, err = s.viewFor(ctx, tx, actor, y)
		return err
	})
	return out, err
}

// offeredHandover finds the open proposal made to the actor's organisation.
func (s *Service) offeredHandover(ctx context.Context, tx *storage.Tx, actor usecase.Actor, ref string) (model.Youth, model.Coordination, model.Handover, error) {
	var h model.Handover
	y, err := s.InvolvedYouth(ctx, tx, actor, ref)
	if err != nil {
		return y, model.Coordination{}, h, err
	}
	c, err := tx.CurrentCoordination(ctx, y.ID)
	if err == storage.ErrNotFound {
		return y, c, h, errNoHandoverOpen
	}
	if err != nil {
		return y, c, h, err
	}
	h, err = tx.OpenHandover(ctx, c.ID)
	if err == storage.ErrNotFound {
		return y, c, h, errNoHandoverOpen
	}
	if err != nil {
		return y, c, h, err
	}
	if h.ToOrganisationID != actor.Organisation.ID {
		return y, c, h, errNotOffered
	}
	return y, c, h, nil
}

// decideHandover closes the open proposal with an outcome and audits it.
func (s *Service) decideHandover(ctx context.Context, tx *storage.Tx, actor usecase.Actor, y model.Youth, h model.Handover, outcome string, now time.Time) error {
	ok, err := tx.DecideHandover(ctx, h.ID, outcome, actor.Professional.ID, now)
	if err != nil {
		return err
	}
	if !ok {
		return errNoHandoverOpen
	}
	audit.Write(ctx, tx, now, audit.Entry{
		Actor: actor.AuditActor(), Action: audit.ActionUpdate, ObjectType: "overdracht", ObjectID: usecase.Itoa(h.ID),
		YouthReference: y.Reference, Purpose: "overdracht " + outcome,
	})
	return nil
}

// professionals reads the distinct professionals among ids, skipping 0.
func professionals(ctx context.Context, tx *storage.Tx, ids ...int64) ([]model.Professional, error) {
	seen := map[int64]bool{0: true}
	var out []model.Professional
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		p, err := tx.Professional(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
