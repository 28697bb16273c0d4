package monitoring

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/workday"
)

// groupedMeasures are counted by one GROUP BY each (storage.MonitoringCounts).
var groupedMeasures = []string{
	MeasureRegistrations, MeasureMatchedYouths, MeasureAcceptanceOverdue, MeasureNotNeeded, MeasureHandovers,
	MeasureCoordinationEnds, MeasureCoordinationsRunning, MeasureAgreements, MeasureAgreementsOpen,
	MeasureEscalationsStarted, MeasureEscalationsEnded, MeasureEscalationSteps, MeasurePyramid,
	MeasureActive, MeasureActiveYouths,
}

// cellKey is a cell without its counts.
type cellKey struct {
	municipality string
	organisation int64
	measure      string
	category     string
}

// tally adds counts up per cell.
type tally map[cellKey]int

// computeMonth counts every measure of month m, as measures.go defines
// them, from the registrations, coordinations and plans as they are now.
func (s *Service) computeMonth(ctx context.Context, tx *storage.Tx, m Month) (tally, error) {
	t := tally{}
	b := storage.MonthBounds{From: m.Start(), To: m.End(), FirstDay: m.String() + "-01", NextDay: m.Add(1).String() + "-01"}
	for _, measure := range groupedMeasures {
		rows, _, err := tx.MonitoringCounts(ctx, measure, b)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			t[cellKey{r.Municipality, r.OrganisationID, measure, r.Category}] += r.N
		}
	}
	if err := s.countAcceptance(ctx, tx, b, t); err != nil {
		return nil, err
	}
	if err := s.countFollowUp(ctx, tx, m, t); err != nil {
		return nil, err
	}
	return t, nil
}

// countAcceptance: coordinations accepted in the month, on time or late,
// and the working days from assignment to acceptance.
func (s *Service) countAcceptance(ctx context.Context, tx *storage.Tx, b storage.MonthBounds, t tally) error {
	accepted, err := tx.AcceptancesIn(ctx, b.From, b.To)
	if err != nil {
		return err
	}
	for _, a := range accepted {
		cat := "op-tijd"
		if a.DueAt != nil && a.DecidedAt.After(*a.DueAt) {
			cat = "te-laat"
		}
		t[cellKey{a.Municipality, a.OrganisationID, MeasureAcceptance, cat}]++
		t[cellKey{a.Municipality, 0, MeasureAcceptanceDays, DayBucket(workday.Between(a.StartedAt, a.DecidedAt))}]++
	}
	return nil
}

// countFollowUp: per coordination, whether the coordinator contacted every
// signaller whose contact deadline fell in the month by that deadline, and
// how many working days it took until the last of them.
func (s *Service) countFollowUp(ctx context.Context, tx *storage.Tx, m Month, t tally) error {
	n := s.Covenant.Coordination.ContactWorkdays
	// A deadline in m starts at most n working days (plus weekends and
	// holidays) before it: two months back is ample.
	signallers, err := tx.SignallersToFollow(ctx, m.Add(-2).Start(), m.End())
	if err != nil {
		return err
	}
	type unit struct {
		municipality string
		organisation int64
		onTime, all  bool
		days         int
	}
	units := map[int64]*unit{}
	for _, sg := range signallers {
		start := sg.AcceptedAt
		if sg.RegisteredAt.After(start) {
			start = sg.RegisteredAt
		}
		deadline := workday.Deadline(start, n)
		if MonthOf(deadline) != m ||
			(sg.CoordinationEnd != nil && sg.CoordinationEnd.Before(deadline)) ||
			(sg.RegistrationEnd != nil && sg.RegistrationEnd.Before(deadline)) {
			continue
		}
		u := units[sg.CoordinationID]
		if u == nil {
			u = &unit{municipality: sg.Municipality, organisation: sg.OrganisationID, onTime: true, all: true}
			units[sg.CoordinationID] = u
		}
		if sg.FirstContactedOn == "" {
			u.onTime, u.all = false, false
			continue
		}
		day, err := time.ParseInLocation("2006-01-02", sg.FirstContactedOn, amsterdam)
		if err != nil {
			return fmt.Errorf("monitoring: contact day %q: %w", sg.FirstContactedOn, err)
		}
		if day.After(deadline) {
			u.onTime = false
		}
		u.days = max(u.days, workday.Between(start, day))
	}
	for _, u := range units {
		cat := "op-tijd"
		if !u.onTime {
			cat = "niet-op-tijd"
		}
		t[cellKey{u.municipality, u.organisation, MeasureFollowUp, cat}]++
		if u.all {
			t[cellKey{u.municipality, 0, MeasureFollowUpDays, DayBucket(u.days)}]++
		}
	}
	return nil
}

// cells rounds a month's counts, once, into the cells that are stored.
func (t tally) cells(m Month) ([]model.MonitoringCell, error) {
	keys := make([]cellKey, 0, len(t))
	for k, n := range t {
		if n > 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { // a stable order: the same month stores the same way
		a, b := keys[i], keys[j]
		if a.municipality != b.municipality {
			return a.municipality < b.municipality
		}
		if a.measure != b.measure {
			return a.measure < b.measure
		}
		if a.category != b.category {
			return a.category < b.category
		}
		return a.organisation < b.organisation
	})
	out := make([]model.MonitoringCell, 0, len(keys))
	for _, k := range keys {
		shown, err := roundCell(t[k], randomness)
		if err != nil {
			return nil, err
		}
		out = append(out, model.MonitoringCell{Month: m.String(), Municipality: k.municipality, OrganisationID: k.organisation,
			Measure: k.measure, Category: k.category, N: t[k], Shown: shown})
	}
	return out, nil
}
