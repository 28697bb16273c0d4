package monitoring

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/workday"
)

// countAcceptance: the assigned coordinations accepted in the month, by
// their acceptance deadline or after it, and the working days from
// assignment to acceptance.
func (s *Service) countAcceptance(ctx context.Context, tx *storage.Tx, m Month, t tally) error {
	accepted, err := tx.AcceptancesIn(ctx, m.Start(), m.End())
	if err != nil {
		return err
	}
	for _, a := range accepted {
		cat := "op-tijd"
		if a.DecidedAt.After(a.DueAt) {
			cat = "te-laat"
		}
		t[cellKey{a.Municipality, a.OrganisationID, MeasureAcceptance, cat}]++
		t[cellKey{a.Municipality, 0, MeasureAcceptanceDays, DayBucket(workday.Between(a.StartedAt, a.DecidedAt))}]++
	}
	return nil
}

// followUnit is one follow-up unit: a coordination and the month in which
// the contact deadlines of some of its signallers fell.
type followUnit struct {
	municipality string
	organisation int64
	onTime       bool // every signaller contacted by their deadline
	allContacted bool // every signaller contacted at all
	days         int  // the most working days any of them took
}

// countFollowUp: per coordination, whether the coordinator contacted every
// signaller whose contact deadline fell in the month by that deadline, and
// how many working days it took until the last of them. The deadline is
// the one plan.RemindSignallers reminds at: covenant
// "terugkoppelingWerkdagen" after the later of acceptance and registration.
// A signaller whose registration or coordination ended before the deadline
// is not counted: there was no one left to call, or no coordinator to call.
func (s *Service) countFollowUp(ctx context.Context, tx *storage.Tx, m Month, t tally) error {
	n := s.Covenant.Coordination.ContactWorkdays
	// A deadline in m starts at most n working days before m: n working
	// days span at most 2n+10 calendar days (weekends, the Easter and
	// Christmas holidays).
	signallers, err := tx.SignallersToFollow(ctx, m.Start().AddDate(0, 0, -(2*n+10)), m.End())
	if err != nil {
		return err
	}
	units := map[int64]*followUnit{}
	for _, sg := range signallers {
		start := sg.AcceptedAt
		if sg.RegisteredAt.After(start) {
			start = sg.RegisteredAt
		}
		deadline := workday.Deadline(start, n)
		if MonthOf(deadline) != m || endedBefore(sg.CoordinationEnd, deadline) || endedBefore(sg.RegistrationEnd, deadline) {
			continue
		}
		u := units[sg.CoordinationID]
		if u == nil {
			u = &followUnit{municipality: sg.Municipality, organisation: sg.OrganisationID, onTime: true, allContacted: true}
			units[sg.CoordinationID] = u
		}
		if sg.ContactedOn == "" {
			u.onTime, u.allContacted = false, false
			continue
		}
		// contacted_on is a calendar day: on time when it is the deadline's
		// day or before (the deadline is that day's last moment).
		if sg.ContactedOn > deadline.In(amsterdam).Format(time.DateOnly) {
			u.onTime = false
		}
		day, err := time.ParseInLocation(time.DateOnly, sg.ContactedOn, amsterdam)
		if err != nil {
			return err
		}
		u.days = max(u.days, workday.Between(start, day))
	}
	for _, u := range units {
		cat := "op-tijd"
		if !u.onTime {
			cat = "niet-op-tijd"
		}
		t[cellKey{u.municipality, u.organisation, MeasureFollowUp, cat}]++
		if u.allContacted {
			t[cellKey{u.municipality, 0, MeasureFollowUpDays, DayBucket(u.days)}]++
		}
	}
	return nil
}

// endedBefore tells whether something that ended at end (nil: not ended)
// ended before the moment at.
func endedBefore(end *time.Time, at time.Time) bool {
	return end != nil && end.Before(at)
}
