package monitoring

import (
	"context"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/workday"
)

// MaxBackfill is how many months back MakeMonths goes at most, for a
// region that starts monitoring with a history.
const MaxBackfill = 36

// MakeMonths makes the figures of every month that has ended and whose next
// month has reached its first working day, and that is not made yet: from
// the month of the first registration (at most MaxBackfill months back).
// Each month is made in one transaction, so a crash leaves whole months
// only and the next sweep makes the rest; a month another instance made
// meanwhile is left as it is. It returns how many months it made.
func (s *Service) MakeMonths(ctx context.Context) (int, error) {
	now := s.Now()
	due := MonthOf(now).Add(-1) // the last month that may be due
	if !firstWorkdayReached(MonthOf(now), now) {
		due = due.Add(-1)
	}
	var made []string
	var first Month
	var any bool
	if err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		if made, err = tx.MonitoringMonthsMade(ctx); err != nil {
			return err
		}
		at, ok, err := tx.FirstRegistrationAt(ctx)
		first, any = MonthOf(at), ok
		return err
	}); err != nil || !any {
		return 0, err
	}
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
		err := s.DB.Update(ctx, func(tx *storage.Tx) error {
			if ok, err := tx.MonitoringMonthMade(ctx, m.String()); err != nil || ok {
				return err
			}
			t, err := s.computeMonth(ctx, tx, m)
			if err != nil {
				return err
			}
			cells, err := t.cells(m)
			if err != nil {
				return err
			}
			n++
			return tx.SaveMonitoringMonth(ctx, m.String(), cells, now)
		})
		if err != nil {
			return n, fmt.Errorf("monitoring: month %s: %w", m, err)
		}
	}
	return n, nil
}

// firstWorkdayReached tells whether, at now, month m has reached its first
// working day.
func firstWorkdayReached(m Month, now time.Time) bool {
	d := m.Start()
	for !workday.IsWorkday(d) {
		d = d.AddDate(0, 0, 1)
	}
	return !now.Before(d)
}
