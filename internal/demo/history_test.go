package demo_test

import (
	"context"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/demo"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// A newcomer who logs in as Eindhoven's monitoring account finds a year of
// figures: the demo makes the months of its history, and in each of the
// past twelve months the municipality has registrations to show.
func TestDemoHasAYearOfMonitoringFigures(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t)
	people := &auth.People{DB: env.DB, Keys: env.Keys, Now: env.Clock.Now, Argon2: auth.Argon2{Memory: 1024, Time: 1, Threads: 1}}
	region, err := demo.Seed(ctx, env.DB, env.Keys, env.Registry, env.Region, people)
	if err != nil {
		t.Fatal(err)
	}
	h := region.History
	if h.Municipality != "0772" || h.Registrations < 12*200 || h.Months < 12 {
		t.Fatalf("history %+v; want a few hundred registrations a month in 0772 and at least 12 months made", h)
	}
	last := monitoring.MonthOf(env.Clock.Now()).Add(-1)
	first := last.Add(-11)
	var cells []model.MonitoringCell
	err = env.DB.View(ctx, func(tx *storage.Tx) error {
		made, err := tx.MonitoringMonthsMade(ctx)
		if err != nil {
			return err
		}
		have := map[string]bool{}
		for _, m := range made {
			have[m] = true
		}
		for m := first; !last.Before(m); m = m.Add(1) {
			if !have[m.String()] {
				t.Errorf("month %s not made", m)
			}
		}
		cells, err = tx.MonitoringCells(ctx, storage.CellFilter{From: first.String(), To: last.String(), Municipality: "0772",
			Measures: []string{monitoring.MeasureRegistrations, monitoring.MeasureAcceptance, monitoring.MeasureFollowUp, monitoring.MeasureAgreements}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	shown := map[string]map[string]int{} // measure, month: sum of shown
	for _, c := range cells {
		if shown[c.Measure] == nil {
			shown[c.Measure] = map[string]int{}
		}
		shown[c.Measure][c.Month] += c.Shown
	}
	for m := first; !last.Before(m); m = m.Add(1) {
		if n := shown[monitoring.MeasureRegistrations][m.String()]; n < 100 {
			t.Errorf("%s: %d registrations shown for Eindhoven, want a few hundred", m, n)
		}
	}
	for _, measure := range []string{monitoring.MeasureAcceptance, monitoring.MeasureFollowUp, monitoring.MeasureAgreements} {
		if len(shown[measure]) < 10 {
			t.Errorf("%s shown in %d of the 12 months", measure, len(shown[measure]))
		}
	}

	// The monitoring account reads them through the read model.
	var monitor usecase.Actor
	err = env.DB.View(ctx, func(tx *storage.Tx) error {
		for _, p := range region.Professionals {
			if p.Monitoring {
				pro, err := tx.ProfessionalByEmail(ctx, p.Email)
				if err != nil {
					return err
				}
				org, err := tx.Organisation(ctx, pro.OrganisationID)
				monitor = usecase.Actor{Professional: pro, Organisation: org}
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	trend, err := env.Registry.Monitoring.Trend(ctx, monitor, "")
	if err != nil {
		t.Fatal(err)
	}
	if !trend.Ready || len(trend.Periods) < 12 {
		t.Fatalf("trend ready %v with %d months", trend.Ready, len(trend.Periods))
	}
}

// The history stays out of the walkthrough: the demo's professionals see
// only the demo's own youths.
func TestDemoHistoryStaysOutOfTheDemoInboxes(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t)
	people := &auth.People{DB: env.DB, Keys: env.Keys, Now: env.Clock.Now, Argon2: auth.Argon2{Memory: 1024, Time: 1, Threads: 1}}
	region, err := demo.Seed(ctx, env.DB, env.Keys, env.Registry, env.Region, people)
	if err != nil {
		t.Fatal(err)
	}
	raw := testenv.OpenRaw(t, env.Path)
	var demoYouths, demoMessages, historyMessages int
	raw.QueryRow(`SELECT count(DISTINCT r.youth_id) FROM registrations r JOIN organisations o ON o.id = r.organisation_id
		WHERE o.name NOT LIKE '%` + demo.HistorySuffix + `'`).Scan(&demoYouths)
	raw.QueryRow(`SELECT count(*) FROM messages`).Scan(&demoMessages)
	raw.QueryRow(`SELECT count(*) FROM messages m JOIN youths y ON y.id = m.youth_id WHERE y.reference LIKE 'J-H%'`).Scan(&historyMessages)
	if demoYouths != 4 {
		t.Errorf("the demo's organisations are involved with %d youths, want the walkthrough's 4", demoYouths)
	}
	if historyMessages != 0 {
		t.Errorf("%d messages about the history's youths", historyMessages)
	}
	if demoMessages == 0 || demoMessages > 30 {
		t.Errorf("%d messages in all; the walkthrough makes a handful", demoMessages)
	}
	if region.History.Youths == 0 {
		t.Error("no history")
	}
}
