package synchronisation

import (
	"context"
	"errors"
	"fmt"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// endAbsent ends, for a complete list, the organisation's active
// registrations of the list's kinds that are not on it, a batch at a time
// and each batch with the report's progress. It runs only after every line
// was applied; a line refused still keeps its registration (listFacts).
func (s *Service) endAbsent(ctx context.Context, c Caller, rep *model.SyncReport, f listFacts, dry bool) error {
	if rep.DoneLines != rep.Lines { // the final check: never end for a list not wholly applied
		return fmt.Errorf("synchronisation: %d of %d lines applied before ending", rep.DoneLines, rep.Lines)
	}
	if len(f.kinds) == 0 {
		return nil
	}
	for after := int64(0); ; {
		var page []storage.RegistrationKey
		err := s.view(ctx, func(tx *storage.Tx) error {
			var err error
			page, err = tx.ActiveRegistrationKeys(ctx, rep.OrganisationID, after, 1000)
			return err
		})
		if err != nil || len(page) == 0 {
			return err
		}
		after = page[len(page)-1].ID
		var absent []int64
		for _, k := range page {
			if f.kinds[k.Kind] && !f.onList[listKey(k.BSNHash, k.Kind)] {
				absent = append(absent, k.ID)
			}
		}
		for len(absent) > 0 {
			n := min(s.batch(), len(absent))
			err := s.endBatch(ctx, c, rep, absent[:n], dry)
			if errors.Is(err, errLostRace) {
				// Another worker ended this batch; what it left is read again.
				if *rep, err = s.reload(ctx, *rep); err != nil {
					return err
				}
				continue
			}
			if err != nil {
				return err
			}
			absent = absent[n:]
		}
	}
}

// endBatch ends registrations ids, those still active, as one event: each
// ends as its organisation ending it would (registration.EndInTx), with
// the reason 'koppeling'.
func (s *Service) endBatch(ctx context.Context, c Caller, rep *model.SyncReport, ids []int64, dry bool) error {
	var add model.SyncCounts
	by := int64(0)
	if c.Uploader != nil {
		by = c.Uploader.ID
	}
	if dry { // nothing but this would end them: count them
		rep.Counts.Ended += len(ids)
		return nil
	}
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		add = model.SyncCounts{}
		return s.OneMailEach(ctx, tx, s.event(rep.ID, dry), func(ctx context.Context) error {
			for _, id := range ids {
				r, err := tx.Registration(ctx, id)
				if err != nil {
					return err
				}
				if !r.Active() {
					continue
				}
				if _, err := s.Registrations.EndInTx(ctx, tx, r, model.EndByClientSystem, by, c.auditActor()); err != nil {
					return err
				}
				add.Ended++
			}
			next := *rep
			next.Status = model.SyncEnding
			return s.advance(ctx, tx, next, rep.Step, add)
		})
	})
	if err != nil {
		return err
	}
	rep.Step++
	rep.Status = model.SyncEnding
	rep.Counts.Add(add)
	return nil
}
