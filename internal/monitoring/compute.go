package monitoring

import (
	"context"
	"sort"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// groupedMeasures are counted by one GROUP BY each (storage.MonitoringCounts);
// the rest need working days, counted in Go (compute_coordination.go).
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
// The cells carry their true counts (N); Shown is left to roundCells.
// A measure with nothing to count (the care pyramid outside Almere) has no
// cells at all.
func (s *Service) computeMonth(ctx context.Context, tx *storage.Tx, m Month) ([]model.MonitoringCell, error) {
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
	if err := s.countAcceptance(ctx, tx, m, t); err != nil {
		return nil, err
	}
	if err := s.countFollowUp(ctx, tx, m, t); err != nil {
		return nil, err
	}
	return t.cells(m), nil
}

// cells lists the month's counts above zero, in a stable order (the same
// month stores the same way).
func (t tally) cells(m Month) []model.MonitoringCell {
	out := make([]model.MonitoringCell, 0, len(t))
	for k, n := range t {
		if n > 0 {
			out = append(out, model.MonitoringCell{Month: m.String(), Municipality: k.municipality, OrganisationID: k.organisation,
				Measure: k.measure, Category: k.category, N: n})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Municipality != b.Municipality {
			return a.Municipality < b.Municipality
		}
		if a.Measure != b.Measure {
			return a.Measure < b.Measure
		}
		if a.Category != b.Category {
			return a.Category < b.Category
		}
		return a.OrganisationID < b.OrganisationID
	})
	return out
}
