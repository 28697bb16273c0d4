package escalation

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// AlertEscalationsOverdue tells, once per step, the next actor and every
// regional administrator that a step of a running escalation passed its
// deadline (issue 4: "overdue steps alert the next actor and the regional
// administrator"). It first marks as lapsed the escalations whose
// coordination ended. Each step is handled in its own transaction.
func (s *Service) AlertEscalationsOverdue(ctx context.Context, now time.Time) (int, error) {
	if err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		_, err := tx.LapseEscalations(ctx, now)
		return err
	}); err != nil {
		return 0, err
	}
	return usecase.AlertEach(s.Service, ctx, func(tx *storage.Tx) ([]model.OverdueEscalationStep, error) {
		return tx.OverdueEscalationSteps(ctx, now, 100)
	},
		func(st model.OverdueEscalationStep) int64 { return st.ID },
		func(st model.OverdueEscalationStep) (int, error) {
			return s.alertEscalationStep(ctx, st.YouthID, st.ID, now)
		})
}

func (s *Service) alertEscalationStep(ctx context.Context, youthID, stepID int64, now time.Time) (int, error) {
	sent := 0
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, err := tx.LockYouthByID(ctx, youthID)
		if err != nil {
			return err
		}
		e, err := tx.RunningEscalation(ctx, y.ID)
		if err == storage.ErrNotFound {
			return nil // ended meanwhile
		}
		if err != nil {
			return err
		}
		if marked, err := tx.MarkEscalationStepAlerted(ctx, stepID, now); err != nil || !marked {
			return err // done or alerted meanwhile
		}
		v, err := s.escalationView(ctx, tx, y, e, usecase.Actor{}, false, now)
		if err != nil {
			return err
		}
		if v.Next == nil || v.Next.Due == nil || !now.After(*v.Next.Due) {
			return nil
		}
		c, err := tx.Coordination(ctx, e.CoordinationID)
		if err != nil {
			return err
		}
		coordinator, involved, admins, err := usecase.AlertAudience(ctx, tx, c)
		if err != nil {
			return err
		}
		msgs := escalationOverdueMessages(y, v, c, coordinator, involved, admins, stepID, s.BaseURL, now)
		sent = len(msgs)
		return s.Send(ctx, tx, msgs...)
	})
	return sent, err
}
