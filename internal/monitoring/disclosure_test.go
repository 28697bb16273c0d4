package monitoring_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// smallRegion is a region whose months hold many small counts: two
// databases with the same organisations and the same rounded cells, but
// different true counts behind them.
type smallRegion struct {
	env            *testenv.Env
	admin, monitor usecase.Actor
}

func newSmallRegion(t *testing.T, trueCount func(shown int) int) smallRegion {
	env := testenv.New(t)
	orgs := []model.Organisation{
		env.Org(t, "Stedelijk College", model.TypeOnderwijs),
		env.Org(t, "Wijkteam Woensel", model.TypeWijkteam),
		env.Org(t, "Politie Eindhoven", model.TypePolitie),
	}
	r := smallRegion{env: env, admin: env.Admin(t, orgs[1]), monitor: env.Monitor(t, env.Org(t, "Gemeente Eindhoven", model.TypeGemeente))}
	rng := rand.New(rand.NewPCG(15, 15)) // the same cells in both databases
	cat := func(m string) []string {
		switch m {
		case monitoring.MeasureRegistrations, monitoring.MeasureActive:
			return []string{"signaal", "ketenregistratie"}
		case monitoring.MeasureFollowUp:
			return []string{"op-tijd", "niet-op-tijd"}
		case monitoring.MeasureFollowUpDays, monitoring.MeasureAcceptanceDays:
			return monitoring.DayBuckets
		case monitoring.MeasureNotNeeded:
			return []string{"adequate-hulp", "buiten-regio"}
		}
		return []string{""}
	}
	measures := []string{monitoring.MeasureRegistrations, monitoring.MeasureMatchedYouths, monitoring.MeasureFollowUp,
		monitoring.MeasureFollowUpDays, monitoring.MeasureAcceptanceDays, monitoring.MeasureNotNeeded, monitoring.MeasureActive, monitoring.MeasureActiveYouths}
	for m := (monitoring.Month{Year: 2025, Month: 1}); m.Before(monitoring.Month{Year: 2026, Month: 11}); m = m.Add(1) {
		var cells []model.MonitoringCell
		for _, town := range []string{"0772", "0599", "0518"} {
			for _, measure := range measures {
				for _, c := range cat(measure) {
					for _, o := range orgs {
						if rng.IntN(3) == 0 {
							continue
						}
						n := 1 + rng.IntN(12) // a third of the cells hold 1 to 4
						shown := 5 * (n / 5)
						if rng.IntN(5) < n%5 {
							shown += 5
						}
						cells = append(cells, model.MonitoringCell{Municipality: town, OrganisationID: o.ID, Measure: measure, Category: c,
							N: trueCount(shown), Shown: shown})
					}
				}
			}
		}
		saveMonth(t, env, m.String(), cells...)
	}
	return r
}

// reports are every report an attacker with both accounts could ask for:
// every grouping, overlapping and nested periods, each municipality and
// all together, and the trends.
func (r smallRegion) reports(t *testing.T) map[string]monitoring.Report {
	t.Helper()
	out := map[string]monitoring.Report{}
	periods := [][2]string{{"2025-01", "2026-10"}, {"2025-01", "2025-12"}, {"2025-02", "2025-12"}, {"2025-01", "2025-11"},
		{"2026-03", "2026-03"}, {"2026-01", "2026-06"}, {"2025-12", "2026-02"}}
	for _, who := range []struct {
		name  string
		actor usecase.Actor
		towns []string
	}{{"beheerder", r.admin, []string{"", "0772", "0599", "0518"}}, {"gemeente", r.monitor, []string{""}}} {
		for _, town := range who.towns {
			for _, p := range periods {
				for _, g := range []string{"maand", "kwartaal", "jaar"} {
					req := monitoring.Request{Van: p[0], Tot: p[1], Groep: g, Gemeente: town}
					rep, err := r.env.Registry.Monitoring.Report(ctx, who.actor, req)
					if err != nil {
						t.Fatalf("%s %+v: %v", who.name, req, err)
					}
					out[fmt.Sprintf("%s %+v", who.name, req)] = rep
				}
			}
			rep, err := r.env.Registry.Monitoring.Trend(ctx, who.actor, town)
			if err != nil {
				t.Fatal(err)
			}
			out[who.name+" trend "+town] = rep
		}
	}
	return out
}

// TestNoFigureDependsOnACountBelowTheRoundingNorCanBeWorkedBack is the
// disclosure control's proof. Two regions have the same rounded cells but
// different true counts behind them (in one every true count is the
// rounded one plus 4, in the other minus 4 where that stays positive):
// every report either gives must be identical, so no table, total,
// period, combination or pair of requests tells which true counts lie
// behind them, and every count shown is a multiple of 5, so no sum or
// difference of them (the subtraction attack) is a count from 1 to 4.
// The totals and periods are sums of the rounded cells: the attack can at
// best recover a rounded cell, which is 0 or 5 for a true 1 to 4 alike.
func TestNoFigureDependsOnACountBelowTheRoundingNorCanBeWorkedBack(t *testing.T) {
	high := newSmallRegion(t, func(shown int) int { return shown + 4 })
	low := newSmallRegion(t, func(shown int) int { return max(1, shown-4) })

	a, b := high.reports(t), low.reports(t)

	for name, ra := range a {
		if !reflect.DeepEqual(ra, b[name]) {
			t.Fatalf("%s: the reports differ while only the true counts differ: a figure depends on a true count", name)
		}
		for _, tb := range ra.Tables {
			for _, row := range tb.Rows {
				for _, v := range row.Values {
					if v.Kind == monitoring.Count && v.N%5 != 0 {
						t.Fatalf("%s, %s, %s: count %d is not a multiple of 5", name, tb.ID, row.Label, v.N)
					}
				}
			}
		}
	}
}

// TestTotalsAndPeriodsAreSumsOfTheRoundedCells checks the other half:
// the sum row is the sum of its rows, the Totaal column the sum of the
// periods, and a quarter the sum of its months. A total rounded on its own
// would let a difference of totals show a cell's true count.
func TestTotalsAndPeriodsAreSumsOfTheRoundedCells(t *testing.T) {
	r := newSmallRegion(t, func(shown int) int { return max(1, shown) })
	months, err := r.env.Registry.Monitoring.Report(ctx, r.admin, monitoring.Request{Van: "2025-01", Tot: "2025-12", Groep: "maand"})
	if err != nil {
		t.Fatal(err)
	}
	quarters, err := r.env.Registry.Monitoring.Report(ctx, r.admin, monitoring.Request{Van: "2025-01", Tot: "2025-12", Groep: "kwartaal"})
	if err != nil {
		t.Fatal(err)
	}
	for ti, tb := range months.Tables {
		if !tb.Total {
			continue
		}
		sum := make([]int, len(months.Periods)+1)
		for ri, row := range tb.Rows {
			if row.Values[0].Kind != monitoring.Count {
				continue
			}
			total := 0
			for i, v := range row.Values[:len(months.Periods)] {
				total += v.N
				if !row.Sum {
					sum[i] += v.N
				}
				if q := quarters.Tables[ti].Rows[ri].Values[i/3]; i%3 == 2 {
					three := row.Values[i-2].N + row.Values[i-1].N + v.N
					if q.N != three {
						t.Errorf("%s, %s, quarter %d: %d, want the sum of its months %d", tb.ID, row.Label, i/3+1, q.N, three)
					}
				}
			}
			if got := row.Values[len(months.Periods)].N; got != total {
				t.Errorf("%s, %s: total %d, want the sum of the months %d", tb.ID, row.Label, got, total)
			}
			if row.Sum && tb.ID == "registraties-soort" {
				for i := range months.Periods {
					if row.Values[i].N != sum[i] {
						t.Errorf("%s: sum row %d in %s, want %d", tb.ID, row.Values[i].N, months.Periods[i].Label, sum[i])
					}
				}
			}
		}
	}
}

// TestAllMunicipalitiesAreTheSumOfEach checks the sums kept for the pages
// of every municipality at once (migration 0018): each count the
// administrator sees for all municipalities is the sum of the counts of
// each municipality, in every table, row and period.
func TestAllMunicipalitiesAreTheSumOfEach(t *testing.T) {
	r := newSmallRegion(t, func(shown int) int { return max(1, shown) })
	req := monitoring.Request{Van: "2025-01", Tot: "2026-10", Groep: "kwartaal"}
	all, err := r.env.Registry.Monitoring.Report(ctx, r.admin, req)
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Municipalities) != 3 {
		t.Fatalf("municipalities to choose from: %+v, want the three with figures", all.Municipalities)
	}
	sum := map[string]int{}
	for _, town := range []string{"0772", "0599", "0518"} {
		req.Gemeente = town
		rep, err := r.env.Registry.Monitoring.Report(ctx, r.admin, req)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range rep.Tables {
			for _, row := range tb.Rows {
				for i, v := range row.Values {
					if v.Kind == monitoring.Count {
						sum[fmt.Sprintf("%s|%s|%d", tb.ID, row.Label, i)] += v.N
					}
				}
			}
		}
	}
	counts := 0
	for _, tb := range all.Tables {
		for _, row := range tb.Rows {
			for i, v := range row.Values {
				if v.Kind != monitoring.Count {
					continue
				}
				counts++
				if k := fmt.Sprintf("%s|%s|%d", tb.ID, row.Label, i); v.N != sum[k] {
					t.Errorf("%s, %s, column %d: %d for all municipalities, want the sum of each %d", tb.ID, row.Label, i, v.N, sum[k])
				}
			}
		}
	}
	if counts < 50 {
		t.Fatalf("only %d counts compared", counts)
	}
}
