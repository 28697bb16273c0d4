package monitoring_test

import (
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// trueCounts are a made month's true counts per measure and category,
// summed over municipalities and organisations.
func trueCounts(t *testing.T, env *testenv.Env, month string) map[string]int {
	t.Helper()
	var cells []model.MonitoringCell
	if err := env.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		cells, err = tx.MonitoringMonthCells(ctx, month)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, c := range cells {
		out[c.Measure+"/"+c.Category] += c.N
		if c.Shown%5 != 0 || c.Shown <= c.N-5 || c.Shown >= c.N+5 {
			t.Errorf("cell %+v: shown %d is not %d rounded to a multiple of 5", c, c.Shown, c.N)
		}
	}
	return out
}

func TestAMonthIsMadeOnTheFirstWorkingDayAfterItWithEveryMeasureCounted(t *testing.T) {
	c := testenv.NewCareCase(t) // Monday 23 November 2026: a school's signal and a care registration, a match
	env := c.Env
	c.Accept(t, c.JH)
	env.Clock.Advance(24 * time.Hour)
	regs, err := env.Registry.Registrations.Registrations(ctx, c.School, 10)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.Registry.Plans.RecordContact(ctx, c.JH, c.Ref, regs[0].Registration.ID, testenv.Day("2026-11-24")); err != nil {
		t.Fatal(err)
	}
	env.Register(t, c.School, population.BSNTeen, model.KindSignaal)

	env.Clock.Set(testenv.WallClock("2026-11-30 23:00"))
	if n, err := env.Registry.Monitoring.MakeMonths(ctx); err != nil || n != 0 {
		t.Fatalf("during November: %d months made, %v; want none", n, err)
	}
	env.Clock.Set(testenv.WallClock("2026-12-01 07:00")) // Tuesday, the first working day of December
	if n, err := env.Registry.Monitoring.MakeMonths(ctx); err != nil || n != 1 {
		t.Fatalf("on 1 December: %d months made, %v; want November", n, err)
	}
	if n, err := env.Registry.Monitoring.MakeMonths(ctx); err != nil || n != 0 {
		t.Fatalf("again: %d months made, %v; want none (a month is made once)", n, err)
	}

	got := trueCounts(t, env, "2026-11")
	for key, want := range map[string]int{
		"registraties/signaal": 2, "registraties/ketenregistratie": 1, "jeugdigen-match/": 1,
		"acceptatie/op-tijd": 1, "acceptatie-werkdagen/0": 1, "opvolging/op-tijd": 1, "opvolging-werkdagen/1": 1,
		"coordinatie-lopend/": 1, "actief/signaal": 2, "actief/ketenregistratie": 1, "actief-jeugdigen/": 2,
	} {
		if got[key] != want {
			t.Errorf("%s: %d, want %d (all: %v)", key, got[key], want, got)
		}
	}
	if got["opvolging/niet-op-tijd"] != 0 || got["acceptatie/te-laat"] != 0 {
		t.Errorf("late follow-up or acceptance counted: %v", got)
	}
}

func TestASignallerNotCalledInTimeIsAMatchNotFollowedUp(t *testing.T) {
	c := testenv.NewCareCase(t)
	env := c.Env
	c.Accept(t, c.JH) // Monday 23 November; the call is due by Wednesday 25 November
	env.Clock.Set(testenv.WallClock("2026-12-01 07:00"))
	if _, err := env.Registry.Monitoring.MakeMonths(ctx); err != nil {
		t.Fatal(err)
	}

	got := trueCounts(t, env, "2026-11")
	if got["opvolging/niet-op-tijd"] != 1 || got["opvolging/op-tijd"] != 0 || len(filter(got, "opvolging-werkdagen/")) != 0 {
		t.Errorf("follow-up %v; want one match not followed up and no days (never called)", got)
	}
}

func TestTheMonthAfterANewYearHolidayWaitsForTheFirstWorkingDay(t *testing.T) {
	c := testenv.NewCareCase(t)
	env := c.Env
	env.Clock.Set(testenv.WallClock("2027-01-02 12:00")) // Saturday; 1 January is a holiday
	if _, err := env.Registry.Monitoring.MakeMonths(ctx); err != nil {
		t.Fatal(err)
	}
	var made []string
	if err := env.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		made, err = tx.MonitoringMonthsMade(ctx)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(made) != 1 || made[0] != "2026-11" {
		t.Errorf("made %v, want November only: December waits for Monday 4 January", made)
	}
}

// TestTheSubtractionAttackRecoversNoCountBelowFive plays the attack the
// issue found: the total minus every other municipality left exactly the
// one youth of a small municipality. Now every figure is a sum of rounded
// cells, so what the subtraction leaves is a multiple of 5.
func TestTheSubtractionAttackRecoversNoCountBelowFive(t *testing.T) {
	c := testenv.NewCareCase(t)
	env := c.Env
	admin := env.Admin(t, env.Org(t, "Regiobureau", model.TypeWijkteam))
	for _, bsn := range []string{population.BSNTeen, population.BSNYoungest, population.BSNSibling1, population.BSNSibling2, population.BSNYoungAdult} {
		env.Register(t, c.School, bsn, model.KindSignaal)
	}
	env.Clock.Set(testenv.WallClock("2026-12-01 07:00"))
	if _, err := env.Registry.Monitoring.MakeMonths(ctx); err != nil {
		t.Fatal(err)
	}
	all, err := env.Registry.Monitoring.Report(ctx, admin, monitoring.Request{})
	if err != nil {
		t.Fatal(err)
	}
	total := rowN(t, table(t, all, "registraties-soort"), "totaal")
	left := total
	for _, town := range all.Municipalities {
		one, err := env.Registry.Monitoring.Report(ctx, admin, monitoring.Request{Gemeente: town.Code})
		if err != nil {
			t.Fatal(err)
		}
		n := rowN(t, table(t, one, "registraties-soort"), "totaal")
		for _, other := range all.Municipalities {
			if other.Code != town.Code {
				continue
			}
			// the attack: everything minus all the others
			rest := total
			for _, o := range all.Municipalities {
				if o.Code == town.Code {
					continue
				}
				r, err := env.Registry.Monitoring.Report(ctx, admin, monitoring.Request{Gemeente: o.Code})
				if err != nil {
					t.Fatal(err)
				}
				rest -= rowN(t, table(t, r, "registraties-soort"), "totaal")
			}
			if rest != n || rest%5 != 0 {
				t.Errorf("%s: the total minus the others leaves %d (shown %d): want the same multiple of 5", town.Label(), rest, n)
			}
		}
		left -= n
	}
	if left != 0 {
		t.Errorf("the municipalities add up to %d less than the total: the total is not a sum of the rounded cells", left)
	}
	if len(all.Municipalities) < 2 {
		t.Fatalf("municipalities %v: the test needs youths in two or more", all.Municipalities)
	}
}

func rowN(t *testing.T, tb monitoring.Table, key string) int {
	t.Helper()
	for _, r := range tb.Rows {
		if r.Key == key {
			return r.Values[0].N
		}
	}
	t.Fatalf("no row %s in %s", key, tb.ID)
	return 0
}

func filter(m map[string]int, prefix string) map[string]int {
	out := map[string]int{}
	for k, v := range m {
		if len(k) >= len(prefix) && k[:len(prefix)] == prefix {
			out[k] = v
		}
	}
	return out
}
