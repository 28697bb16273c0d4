package registration

import (
	"context"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Retention (issue 5, item 4): a registration runs MaxDuration unless its
// organisation renews it; an ended registration stays ArchiveYears in the
// historic archive and is then deleted, with the messages and, when nothing
// is left, the youth; audit records are kept AuditYears.

// SweepExpired ends the active registrations whose term has passed (reason
// verlopen), each in its own transaction, as an ending by the organisation
// would: the covenant decides again who coordinates.
func (s *Service) SweepExpired(ctx context.Context) (int, error) {
	return s.endAllDue(ctx, (*storage.Tx).RegistrationsExpired, model.EndExpired)
}

// WarnExpiring tells the professional who made a registration, ExpiryWarningDays
// before its term ends, that it will end unless renewed. Each term is warned of once.
func (s *Service) WarnExpiring(ctx context.Context) (int, error) {
	now := s.Now()
	lastDay := usecase.Today(now).AddDate(0, 0, usecase.ExpiryWarningDays)
	warned := 0
	for {
		var n int
		err := s.DB.Update(ctx, func(tx *storage.Tx) error {
			due, err := tx.RegistrationsToWarn(ctx, lastDay, 100)
			if err != nil {
				return err
			}
			n = len(due)
			for _, r := range due {
				if err := s.warnExpiring(ctx, tx, r, now); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil || n == 0 {
			return warned, err
		}
		warned += n
	}
}

func (s *Service) warnExpiring(ctx context.Context, tx *storage.Tx, r model.Registration, now time.Time) error {
	y, err := tx.Youth(ctx, r.YouthID)
	if err != nil {
		return err
	}
	to, err := s.Contacts(ctx, tx, r.OrganisationID, r.ProfessionalID)
	if err != nil {
		return err
	}
	if r.EndDate != nil && !r.EndDate.After(r.ExpiresOn) {
		return tx.MarkExpiryWarned(ctx, r.ID, now) // its own end date comes first
	}
	event := "verloopt:" + usecase.Itoa(r.ID) + ":" + r.ExpiresOn.Format("2006-01-02")
	for _, p := range to {
		body := "Uw " + r.Kind.Label(r.Urgent) + " bij jeugdige " + y.Reference + " (vastgelegd op " + nltime.Date(r.CreatedAt) + ") loopt tot en met " +
			nltime.Date(r.ExpiresOn) + ".\n\nIs uw organisatie dan nog bij deze jeugdige betrokken, verleng de registratie dan " +
			"op haar pagina in Jeugdketen (" + s.BaseURL + "/registraties/" + usecase.Itoa(r.ID) + "; in de API: POST /api/v1/registraties/" + usecase.Itoa(r.ID) + "/verlengen). Anders eindigt zij vanzelf en gaat zij naar het historisch archief." +
			usecase.Footer(s.BaseURL, y)
		m := model.Message{
			ProfessionalID: p.ID, YouthID: y.ID, Kind: KindExpiring, EventKey: event,
			Subject: "Registratie bij jeugdige " + y.Reference + " verloopt op " + nltime.Date(r.ExpiresOn), Body: body, CreatedAt: now,
		}
		if err := s.Send(ctx, tx, usecase.Outgoing{Msg: m, Email: p.Email}); err != nil {
			return err
		}
	}
	return tx.MarkExpiryWarned(ctx, r.ID, now)
}

// Purged counts what the archive sweep deleted.
type Purged struct {
	Registrations, Youths, Messages, Objections int
}

// archiveCutoff is the moment before which the archive period has passed.
func (s *Service) archiveCutoff() time.Time {
	return usecase.Today(s.Now()).AddDate(-s.EffectiveArchiveYears(), 0, 0)
}

// SweepArchive deletes what the archive period has passed: registrations that
// ended before it (with their match rows), messages about youths made before
// it, youths with no registration left, and objections decided before it.
func (s *Service) SweepArchive(ctx context.Context) (Purged, error) {
	var p Purged
	cutoff := s.archiveCutoff()
	for {
		var due []model.Registration
		err := s.DB.View(ctx, func(tx *storage.Tx) error {
			var err error
			due, err = tx.ArchivedBefore(ctx, cutoff, 100)
			return err
		})
		if err != nil {
			return p, err
		}
		if len(due) == 0 {
			break
		}
		for _, r := range due {
			deleted, gone, err := s.deleteArchived(ctx, r.ID, cutoff)
			if err != nil {
				return p, err
			}
			if deleted {
				p.Registrations++
			}
			if gone {
				p.Youths++
			}
		}
	}
	for {
		var n int
		err := s.DB.Update(ctx, func(tx *storage.Tx) error {
			var err error
			n, err = tx.DeleteMessagesAboutYouthsBefore(ctx, cutoff, 500)
			return err
		})
		if err != nil {
			return p, err
		}
		p.Messages += n
		if n < 500 {
			break
		}
	}
	n, err := s.deleteEmptyYouths(ctx)
	p.Youths += n
	if err != nil {
		return p, err
	}
	err = s.DB.Update(ctx, func(tx *storage.Tx) error {
		var err error
		p.Objections, err = tx.DeleteObjectionsDecidedBefore(ctx, cutoff)
		return err
	})
	return p, err
}

// deleteArchived deletes one archived registration whose period has passed,
// and the youth when nothing is left; it reports whether it deleted the
// registration, and whether the youth went too.
func (s *Service) deleteArchived(ctx context.Context, id int64, cutoff time.Time) (deleted, gone bool, err error) {
	now := s.Now()
	err = s.DB.Update(ctx, func(tx *storage.Tx) error {
		r, err := tx.Registration(ctx, id)
		if err == storage.ErrNotFound {
			return nil // another instance deleted it meanwhile
		}
		if err != nil {
			return err
		}
		if r.EndedAt == nil || !r.EndedAt.Before(cutoff) {
			return nil
		}
		y, err := tx.LockYouthByID(ctx, r.YouthID)
		if err != nil {
			return err
		}
		if err := tx.DeleteRegistration(ctx, r.ID); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: usecase.SystemActor, Action: audit.ActionRemove, ObjectType: "registratie", ObjectID: usecase.Itoa(r.ID),
			YouthReference: y.Reference, Purpose: fmt.Sprintf("bewaartermijn historisch archief (%d jaar) verstreken", s.EffectiveArchiveYears()),
		})
		if _, err := tx.ForgetOrganisation(ctx, y.ID, r.OrganisationID); err != nil {
			return err
		}
		deleted = true
		gone, err = tx.DeleteYouthIfEmpty(ctx, y.ID)
		return err
	})
	return deleted, gone, err
}

// deleteEmptyYouths deletes youths nobody holds a registration about.
func (s *Service) deleteEmptyYouths(ctx context.Context) (int, error) {
	var ids []int64
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		ids, err = tx.YouthsWithoutRegistrations(ctx, 1000)
		return err
	})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		err := s.DB.Update(ctx, func(tx *storage.Tx) error {
			if _, err := tx.LockYouthByID(ctx, id); err == storage.ErrNotFound {
				return nil
			} else if err != nil {
				return err
			}
			gone, err := tx.DeleteYouthIfEmpty(ctx, id)
			if gone {
				n++
			}
			return err
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// PurgeAudit removes audit records older than AuditYears and logs the purge
// itself; the purge record holds the checkpoint that keeps the chain verifiable.
func (s *Service) PurgeAudit(ctx context.Context) (int64, error) {
	now := s.Now()
	cutoff := usecase.Today(now).AddDate(-s.EffectiveAuditYears(), 0, 0)
	var n int64
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		var err error
		n, err = audit.Purge(ctx, tx, now, cutoff, usecase.SystemActor,
			fmt.Sprintf("bewaartermijn logboek (%d jaar) verstreken: records van vóór %s verwijderd", s.EffectiveAuditYears(), cutoff.Format("2006-01-02")))
		return err
	})
	return n, err
}
