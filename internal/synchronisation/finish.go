package synchronisation

import (
	"context"
	"fmt"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// finish ends a synchronisation in one transaction: it queues the e-mails
// its batches held (one per professional), writes the one audit record of
// the synchronisation with its counts, marks it done and keeps the
// organisation's last Keep. A dry run only writes its audit record: it
// changed nothing, but it did look BSNs up.
func (s *Service) finish(ctx context.Context, c Caller, rep *model.SyncReport, dry bool) error {
	now := s.Now()
	entry := audit.Entry{Actor: c.auditActor(), Action: audit.ActionCreate, ObjectType: "synchronisatie", ObjectID: usecase.Itoa(rep.ID),
		Purpose: "synchronisatie koppeling: " + countsText(rep.Counts)}
	if dry {
		entry.Action, entry.ObjectType, entry.ObjectID = audit.ActionRead, "synchronisatie-proef", ""
		rep.Status = model.SyncDone
		return s.DB.Update(ctx, func(tx *storage.Tx) error {
			audit.Write(ctx, tx, now, entry)
			return nil
		})
	}
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		if ok, err := tx.FinishSync(ctx, rep.ID, now); err != nil || !ok {
			return err // !ok: another worker finished it
		}
		if err := s.mailHeld(ctx, tx, rep.OrganisationID); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, entry)
		return tx.KeepLastSyncs(ctx, rep.OrganisationID, Keep)
	})
	if err != nil {
		return err
	}
	rep.Status, rep.FinishedAt = model.SyncDone, &now
	return nil
}

// mailHeld queues what the organisation's synchronisations held back: this
// one's, and any left by one cut off and never sent again.
func (s *Service) mailHeld(ctx context.Context, tx *storage.Tx, organisationID int64) error {
	held, err := tx.HeldSyncMail(ctx, organisationID)
	if err != nil || len(held) == 0 {
		return err
	}
	mails := make([]usecase.Held, len(held))
	for i, h := range held {
		mails[i] = usecase.Held{Email: h.Email, Msg: h.Msg}
	}
	texts := func(msgs []model.Message) error { return tx.MessageTexts(ctx, msgs) }
	if err := s.MailHeld(ctx, tx, mailEvent(), mails, texts); err != nil {
		return err
	}
	return tx.ReleaseSyncMail(ctx, organisationID)
}

func countsText(c model.SyncCounts) string {
	return fmt.Sprintf("%d aangemaakt, %d ongewijzigd, %d bijgewerkt, %d beëindigd, %d geweigerd", c.Created, c.Unchanged, c.Updated, c.Ended, c.Refused)
}
