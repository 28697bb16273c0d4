package escalation

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// WithdrawEscalation: the coordinator withdraws the running escalation (the
// disagreement was resolved another way). Everyone involved is told.
func (s *Service) WithdrawEscalation(ctx context.Context, actor usecase.Actor, ref string) (*View, error) {
	var out *View
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		now := s.Now()
		y, _, err := s.AsCoordinator(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		e, err := tx.RunningEscalation(ctx, y.ID)
		if err == storage.ErrNotFound {
			return errNoEscalation
		}
		if err != nil {
			return err
		}
		if err := tx.EndEscalation(ctx, e.ID, now, model.EscalationWithdrawn, actor.Professional.ID); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionEnd, ObjectType: "escalatie", ObjectID: usecase.Itoa(e.ID),
			YouthReference: y.Reference, Purpose: "escalatie ingetrokken",
		})
		if e, err = tx.Escalation(ctx, e.ID); err != nil {
			return err
		}
		if out, err = s.escalationView(ctx, tx, y, e, actor, true, now); err != nil {
			return err
		}
		involved, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return err
		}
		return s.Send(ctx, tx, escalationEndedMessages(y, out, involved, s.BaseURL, now)...)
	})
	return out, err
}
