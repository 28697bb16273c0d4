package escalation

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Escalation returns the youth's running escalation, or else its last one;
// nil when it never had one. Involved professionals may read it, and so may
// a regional administrator (who records the alderman's ruling) once the
// youth had an escalation; the administrator sees the reference, never the
// youth's name.
func (s *Service) Escalation(ctx context.Context, actor usecase.Actor, ref string) (*View, error) {
	var out *View
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		now := s.Now()
		y, involved, err := s.escalationYouth(ctx, tx, actor, ref, func(y model.Youth) (bool, error) { return tx.HasEscalation(ctx, y.ID) })
		if err != nil {
			return err
		}
		e, err := tx.LatestEscalation(ctx, y.ID)
		switch err {
		case nil:
			if out, err = s.escalationView(ctx, tx, y, e, actor, involved, now); err != nil {
				return err
			}
		case storage.ErrNotFound:
		default:
			return err
		}
		return s.logEscalationRead(ctx, tx, actor, involved, "escalatie", y.Reference)
	})
	return out, err
}

// logEscalationRead records a read; an administrator who is not involved
// reads as the one who records the alderman's and brandpunt's steps.
func (s *Service) logEscalationRead(ctx context.Context, tx *storage.Tx, actor usecase.Actor, involved bool, object, ref string) error {
	purpose := "inzage door betrokken hulpverlener"
	if !involved {
		purpose = "inzage door regiobeheerder: escalatie en brandpunt"
	}
	audit.Write(ctx, tx, s.Now(), audit.Entry{
		Actor: actor.AuditActor(), Action: audit.ActionRead, ObjectType: object, ObjectID: ref,
		YouthReference: ref, Purpose: purpose,
	})
	return nil
}

// escalationListLimit bounds the administrator's lists.
const escalationListLimit = 500

// RegionalWork is what the regional administrator acts on for the alderman
// and the brandpunt officer: the running escalations and the stagnation
// reports without an instruction yet, by reference only.
type RegionalWork struct {
	Escalations []*View
	Stagnations []StagnationItem
}

// StagnationItem is a stagnation report on the administrator's list.
type StagnationItem struct {
	Reference   string
	Coordinator string // the coordinating organisation's name
	Stagnation  *StagnationView
}

// RegionalEscalations lists, for the regional administrator, every running
// escalation and every stagnation report still to handle; only they may.
func (s *Service) RegionalEscalations(ctx context.Context, actor usecase.Actor) (RegionalWork, error) {
	var out RegionalWork
	if err := usecase.MustBeAdministrator(actor); err != nil {
		return out, err
	}
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		now := s.Now()
		escalations, err := tx.RunningEscalations(ctx, 0, escalationListLimit)
		if err != nil {
			return err
		}
		for _, e := range escalations {
			y, err := tx.Youth(ctx, e.YouthID)
			if err != nil {
				return err
			}
			involved, err := tx.HasActiveRegistration(ctx, y.ID, actor.Organisation.ID)
			if err != nil {
				return err
			}
			v, err := s.escalationView(ctx, tx, y, e, actor, involved, now)
			if err != nil {
				return err
			}
			out.Escalations = append(out.Escalations, v)
		}
		stagnations, err := tx.UnfinishedStagnations(ctx, escalationListLimit)
		if err != nil {
			return err
		}
		for _, st := range stagnations {
			y, err := tx.Youth(ctx, st.YouthID)
			if err != nil {
				return err
			}
			c, err := tx.Coordination(ctx, st.CoordinationID)
			if err != nil {
				return err
			}
			org, err := tx.Organisation(ctx, c.OrganisationID)
			if err != nil {
				return err
			}
			v, err := s.stagnationView(ctx, tx, st, actor, now)
			if err != nil {
				return err
			}
			out.Stagnations = append(out.Stagnations, StagnationItem{Reference: y.Reference, Coordinator: org.Name, Stagnation: v})
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionRead, ObjectType: "escalaties", ObjectID: "regio",
			Purpose: "overzicht regiobeheerder: escalaties en brandpunt",
		})
		return nil
	})
	return out, err
}

// CoordinatedEscalation is a running escalation of a youth the
// organisation coordinates, with its waiting step, for the worklist.
type CoordinatedEscalation struct {
	YouthID int64
	Step    StepView
}

// CoordinatedEscalationsIn lists the waiting steps of the running escalations
// of the youths organisationID coordinates (for the coordinator's worklist).
func (s *Service) CoordinatedEscalationsIn(ctx context.Context, tx *storage.Tx, organisationID int64, now time.Time) ([]CoordinatedEscalation, error) {
	escalations, err := tx.RunningEscalations(ctx, organisationID, escalationListLimit)
	if err != nil {
		return nil, err
	}
	var out []CoordinatedEscalation
	for _, e := range escalations {
		for _, st := range e.Steps {
			if st.DoneAt != nil {
				continue
			}
			sv := StepView{Number: st.Step, Due: st.DueAt, Waiting: true, Overdue: st.DueAt != nil && now.After(*st.DueAt)}
			sv.Actor, sv.Task = escalationStepText(st.Step, e.Authority)
			out = append(out, CoordinatedEscalation{YouthID: e.YouthID, Step: sv})
		}
	}
	return out, nil
}
