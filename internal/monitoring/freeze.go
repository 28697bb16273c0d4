package monitoring

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/workday"
)

// MaxBackfill is how many months back MakeMonths goes at most, for a
// region that starts monitoring with a history.
const MaxBackfill = 36

// MakeMonths makes the figures of every month that has ended and whose next
// month has reached its first working day, and that is not made yet: from
// the month of the first registration (at most MaxBackfill months back).
// Each month is saved in one transaction, so a crash leaves whole months
// only and the next sweep makes the rest; a month another instance made
// meanwhile is left as it is. It returns how many months it made.
func (s *Service) MakeMonths(ctx context.Context) (int, error) {
	now := s.Now()
	due := lastDue(now)
	var made []string
	var at time.Time
	var any bool
	if err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		if made, err = tx.MonitoringMonthsMade(ctx); err != nil {
			return err
		}
		at, any, err = tx.FirstRegistrationAt(ctx)
		return err
	}); err != nil || !any {
		return 0, err
	}
	first := MonthOf(at)
	if first.Before(due.Add(1 - MaxBackfill)) {
		first = due.Add(1 - MaxBackfill)
	}
	done := map[string]bool{}
	for _, m := range made {
		done[m] = true
	}
	n := 0
	for m := first; !due.Before(m); m = m.Add(1) {
		if done[m.String()] {
			continue
		}
		ok, err := s.makeMonth(ctx, m, now)
		if err != nil {
			return n, fmt.Errorf("monitoring: month %s: %w", m, err)
		}
		if ok {
			n++
		}
	}
	return n, nil
}

// makeMonth counts, rounds and saves one month; false when another
// instance saved it first.
//
// The counting reads a snapshot and the saving is a transaction of its
// own: on SQLite a write transaction holds the only writer, and counting a
// national data set's month takes seconds that registrations should not
// wait for. The month is past, so the snapshot's counts are the month's.
func (s *Service) makeMonth(ctx context.Context, m Month, now time.Time) (bool, error) {
	var cells []model.MonitoringCell
	if err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		cells, err = s.computeMonth(ctx, tx, m)
		return err
	}); err != nil {
		return false, err
	}
	if err := roundCells(cells, rand.Reader); err != nil {
		return false, err
	}
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		return tx.SaveMonitoringMonth(ctx, m.String(), cells, now)
	})
	if errors.Is(err, storage.ErrMonthMade) {
		return false, nil
	}
	return err == nil, err
}

// lastDue is the last month whose figures may be made at now: the month
// before the current one once the current one has reached its first
// working day, else the month before that.
func lastDue(now time.Time) Month {
	cur := MonthOf(now)
	d := cur.Start()
	for !workday.IsWorkday(d) {
		d = d.AddDate(0, 0, 1)
	}
	if now.Before(d) {
		return cur.Add(-2)
	}
	return cur.Add(-1)
}
