package coordination

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// AlertAcceptOverdue tells every regional administrator, and the assigned
// organisation's professionals involved with the youth, about each running
// coordination still waiting for acceptance after its deadline (the
// covenant's acceptatieWerkdagen, in Dutch working days). Each coordination
// is reported once, in its own transaction.
func (s *Service) AlertAcceptOverdue(ctx context.Context, now time.Time) (int, error) {
	sent := 0
	for {
		var due []model.Coordination
		err := s.DB.View(ctx, func(tx *storage.Tx) error {
			var err error
			due, err = tx.AcceptOverdue(ctx, now, 100)
			return err
		})
		if err != nil || len(due) == 0 {
			return sent, err
		}
		for _, c := range due {
			n, err := s.alertAccept(ctx, c.ID, now)
			if err != nil {
				return sent, err
			}
			sent += n
		}
	}
}

func (s *Service) alertAccept(ctx context.Context, id int64, now time.Time) (int, error) {
	sent := 0
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		sent = 0
		c, err := tx.Coordination(ctx, id)
		if err != nil {
			return err
		}
		y, err := tx.LockYouthByID(ctx, c.YouthID)
		if err != nil {
			return err
		}
		marked, err := tx.MarkAcceptAlerted(ctx, c.ID, now)
		if err != nil || !marked {
			return err // accepted, ended or reported meanwhile
		}
		org, err := tx.Organisation(ctx, c.OrganisationID)
		if err != nil {
			return err
		}
		admins, err := tx.Administrators(ctx)
		if err != nil {
			return err
		}
		involved, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return err
		}
		msgs := acceptOverdueMessages(y, c, org, admins, involved, s.BaseURL, now)
		if err := s.Send(ctx, tx, msgs...); err != nil {
			return err
		}
		sent = len(msgs)
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: usecase.SystemActor, Action: audit.ActionUpdate, ObjectType: "coordinatie", ObjectID: usecase.Itoa(c.ID),
			YouthReference: y.Reference, Purpose: "acceptatietermijn verstreken, regiobeheerder geïnformeerd",
		})
		return nil
	})
	return sent, err
}
