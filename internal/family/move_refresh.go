package family

import (
	"bytes"
	"context"
	"log/slog"
	"strconv"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// refreshBatch bounds how many youths one sweep looks up in the population
// register: the register is asked once per youth, and the sweep runs every
// hour, so a region with many youths goes round in a few days. A variable
// only so that a test can make it small.
var refreshBatch = 100

// refreshSetting holds the id of the last youth the refresh looked up; the
// next sweep goes on after it, and from the start after the last one.
const refreshSetting = "brp_verversing_na"

// RefreshRegister looks the next batch of youths with an active
// registration up in the population register, keeps what the register says
// now, and tells the involved professionals and the coordinator when a
// youth moved to another municipality (issue 7). A register that no longer
// knows a youth, or refuses the question, is logged and the youth skipped;
// a register that cannot be reached ends this run after the first youth,
// so an outage costs one timeout per sweep. Neither fails the sweep or
// changes anything. It returns how many messages it sent.
func (s *Service) RefreshRegister(ctx context.Context, now time.Time) (int, error) {
	var batch []model.Youth
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		v, err := tx.Setting(ctx, refreshSetting)
		if err != nil {
			return err
		}
		after, _ := strconv.ParseInt(v, 10, 64)
		if batch, err = tx.ActiveYouthsAfter(ctx, after, refreshBatch); err != nil || len(batch) > 0 || after == 0 {
			return err
		}
		batch, err = tx.ActiveYouthsAfter(ctx, 0, refreshBatch) // past the last: round again
		return err
	})
	if err != nil {
		return 0, err
	}
	sent := 0
	var next int64
	if len(batch) == refreshBatch {
		next = batch[len(batch)-1].ID
	}
	for _, y := range batch {
		n, down, err := s.refreshYouth(ctx, y, now)
		sent += n
		if err != nil {
			return sent, err
		}
		if down {
			next = y.ID // the next run goes on after this youth, and comes back to it next round
			break
		}
	}
	return sent, s.DB.Update(ctx, func(tx *storage.Tx) error {
		return tx.SetSetting(ctx, refreshSetting, usecase.Itoa(next))
	})
}

// refreshYouth looks one youth up and stores what changed. Only a database
// failure is an error; the register's failures are logged, and down reports
// that the register could not be reached.
func (s *Service) refreshYouth(ctx context.Context, y model.Youth, now time.Time) (sent int, down bool, err error) {
	var stored model.Person
	if err := s.Keys.OpenJSON(y.Person, &stored); err != nil {
		return 0, false, err
	}
	p, err := s.Population.Lookup(ctx, stored.BSN)
	if err != nil {
		if ctx.Err() != nil {
			return 0, false, ctx.Err()
		}
		// The error names no BSN (see PopulationRegister); the reference is
		// the youth's public name.
		slog.Warn("population register refresh: youth skipped, nothing changed", "youth", y.Reference, "code", model.ErrorCode(err), "error", err)
		return 0, model.ErrorCode(err) == model.EUNAVAILABLE, nil
	}
	if samePerson(stored, p) {
		return 0, false, nil
	}
	sealed, err := s.Keys.SealJSON(p)
	if err != nil {
		return 0, false, err
	}
	err = s.DB.Update(ctx, func(tx *storage.Tx) error {
		sent = 0
		cur, err := tx.LockYouthByID(ctx, y.ID)
		if err == storage.ErrNotFound {
			return nil // deleted meanwhile
		}
		if err != nil {
			return err
		}
		if !bytes.Equal(cur.Person, y.Person) {
			return nil // a registration looked the youth up meanwhile; that lookup is newer
		}
		address := storage.PersonAddressKey(s.Keys, p)
		if err := tx.UpdateYouthPerson(ctx, y.ID, sealed, p.Municipality, address); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: usecase.SystemActor, Action: audit.ActionUpdate, ObjectType: "jeugdige", ObjectID: y.Reference,
			YouthReference: y.Reference, Purpose: "gegevens ververst uit de basisregistratie personen",
		})
		if !Moved(cur.Municipality, p.Municipality) {
			return nil
		}
		from := cur.Municipality
		cur.Person, cur.Municipality, cur.AddressHash = sealed, p.Municipality, address
		sent, err = s.NoticeMove(ctx, tx, cur, from, p.Municipality, now)
		return err
	})
	return sent, false, err
}

// samePerson reports whether the register still says what is stored.
func samePerson(a, b model.Person) bool {
	return a.BSN == b.BSN && a.GivenNames == b.GivenNames && a.Prefix == b.Prefix && a.FamilyName == b.FamilyName &&
		a.BirthDate.Equal(b.BirthDate) && a.Sex == b.Sex && a.Municipality == b.Municipality &&
		a.Postcode == b.Postcode && a.HouseNumber == b.HouseNumber && a.Secret == b.Secret
}
