package monitoring_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// counts are a made month's true counts, one per cell, keyed
// "municipality/organisation/measure/category".
type counts map[string]int

func cellKey(town string, org int64, measure, category string) string {
	return fmt.Sprintf("%s/%d/%s/%s", town, org, measure, category)
}

// add counts n more in a cell of the wanted counts; two youths of one
// municipality add up in one cell.
func (c counts) add(town string, org int64, measure, category string, n int) {
	c[cellKey(town, org, measure, category)] += n
}

// makeMonthsAt makes the months due at the Dutch moment at and fails
// unless exactly want were made.
func makeMonthsAt(t *testing.T, env *testenv.Env, at string, want int) {
	t.Helper()
	env.Clock.Set(testenv.WallClock(at))
	n, err := env.Registry.Monitoring.MakeMonths(ctx)
	if err != nil || n != want {
		t.Fatalf("at %s: %d months made, %v; want %d", at, n, err, want)
	}
}

// monthCounts reads a made month's cells with their true counts.
func monthCounts(t *testing.T, env *testenv.Env, month string) counts {
	t.Helper()
	var cells []model.MonitoringCell
	if err := env.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		cells, err = tx.MonitoringMonthCells(ctx, month)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	out := counts{}
	for _, c := range cells {
		out[cellKey(c.Municipality, c.OrganisationID, c.Measure, c.Category)] = c.N
	}
	return out
}

// wantCounts fails unless the month's cells of the measures named are
// exactly want: no cell missing, none more, none off by one.
func wantCounts(t *testing.T, got counts, month string, want counts, measures ...string) {
	t.Helper()
	of := func(k string) bool {
		for _, m := range measures {
			if strings.Contains(k, "/"+m+"/") {
				return true
			}
		}
		return false
	}
	var diff []string
	for k, n := range want {
		if got[k] != n {
			diff = append(diff, fmt.Sprintf("%s: %d, want %d", k, got[k], n))
		}
	}
	for k, n := range got {
		if of(k) && want[k] == 0 {
			diff = append(diff, fmt.Sprintf("%s: %d, want none", k, n))
		}
	}
	sort.Strings(diff)
	if len(diff) > 0 {
		t.Errorf("%s:\n  %s", month, strings.Join(diff, "\n  "))
	}
}

// townOf is the municipality of the youth with reference ref.
func townOf(t *testing.T, env *testenv.Env, ref string) string {
	t.Helper()
	var town string
	if err := testenv.RawDB(t, env).QueryRow(`SELECT municipality FROM youths WHERE reference = $1`, ref).Scan(&town); err != nil {
		t.Fatal(err)
	}
	return town
}

func at(env *testenv.Env, s string) { env.Clock.Set(testenv.WallClock(s)) }

func contact(t *testing.T, env *testenv.Env, coordinator usecase.Actor, ref string, signaller usecase.Actor, day string) {
	t.Helper()
	if _, err := env.Registry.Plans.RecordContact(ctx, coordinator, ref, testenv.FirstRegistration(t, env, signaller), testenv.Day(day)); err != nil {
		t.Fatalf("contact with %s on %s: %v", signaller.Organisation.Name, day, err)
	}
}

func TestRegistrationsMatchedYouthsAndTheActiveStockPerMunicipality(t *testing.T) {
	env := testenv.New(t) // Monday 23 November 2026
	school := env.Pro(t, env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp))
	ggz := env.Pro(t, env.Org(t, "GGZ Oost", model.TypeGGZ))
	s, j, g := school.Organisation.ID, jh.Organisation.ID, ggz.Organisation.ID

	child := env.Register(t, school, population.BSNChild, model.KindSignaal).Youth.Reference
	env.Register(t, jh, population.BSNChild, model.KindKetenregistratie) // the child's first match
	teenSignal := env.Register(t, school, population.BSNTeen, model.KindSignaal)
	teen := teenSignal.Youth.Reference
	at(env, "2026-11-25 09:00")
	env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie)   // the teen's first match
	env.Register(t, ggz, population.BSNChild, model.KindKetenregistratie) // a match again, not a first
	// Half past midnight on 1 December in the Netherlands is still 30
	// November in UTC: the month is cut in Dutch time.
	at(env, "2026-12-01 00:30")
	adultRef := env.Register(t, school, population.BSNYoungAdult, model.KindSignaal).Youth.Reference
	at(env, "2026-12-02 09:00")
	env.Register(t, ggz, population.BSNTeen, model.KindKetenregistratie)
	if _, err := env.Registry.Registrations.End(ctx, school, teenSignal.Registration.ID); err != nil {
		t.Fatal(err)
	}
	makeMonthsAt(t, env, "2027-01-04 07:00", 2) // Monday; 1 January is a holiday
	c, tn := townOf(t, env, child), townOf(t, env, teen)
	adult := townOf(t, env, adultRef)

	nov := counts{}
	nov.add(c, s, monitoring.MeasureRegistrations, "signaal", 1)
	nov.add(c, j, monitoring.MeasureRegistrations, "ketenregistratie", 1)
	nov.add(c, g, monitoring.MeasureRegistrations, "ketenregistratie", 1)
	nov.add(tn, s, monitoring.MeasureRegistrations, "signaal", 1)
	nov.add(tn, j, monitoring.MeasureRegistrations, "ketenregistratie", 1)
	nov.add(c, 0, monitoring.MeasureMatchedYouths, "", 1)
	nov.add(tn, 0, monitoring.MeasureMatchedYouths, "", 1)
	for k, n := range nov {
		if strings.Contains(k, "/registraties/") {
			nov[strings.Replace(k, "/registraties/", "/actief/", 1)] = n
		}
	}
	nov.add(c, 0, monitoring.MeasureActiveYouths, "", 1)
	nov.add(tn, 0, monitoring.MeasureActiveYouths, "", 1)
	wantCounts(t, monthCounts(t, env, "2026-11"), "2026-11", nov, monitoring.MeasureRegistrations, monitoring.MeasureMatchedYouths,
		monitoring.MeasureActive, monitoring.MeasureActiveYouths)

	dec := counts{}
	dec.add(tn, g, monitoring.MeasureRegistrations, "ketenregistratie", 1)
	dec.add(adult, s, monitoring.MeasureRegistrations, "signaal", 1)
	dec.add(c, s, monitoring.MeasureActive, "signaal", 1)
	dec.add(c, j, monitoring.MeasureActive, "ketenregistratie", 1)
	dec.add(c, g, monitoring.MeasureActive, "ketenregistratie", 1)
	dec.add(tn, j, monitoring.MeasureActive, "ketenregistratie", 1)
	dec.add(tn, g, monitoring.MeasureActive, "ketenregistratie", 1)
	dec.add(adult, s, monitoring.MeasureActive, "signaal", 1)
	dec.add(c, 0, monitoring.MeasureActiveYouths, "", 1)
	dec.add(tn, 0, monitoring.MeasureActiveYouths, "", 1)
	dec.add(adult, 0, monitoring.MeasureActiveYouths, "", 1)
	wantCounts(t, monthCounts(t, env, "2026-12"), "2026-12", dec, monitoring.MeasureRegistrations, monitoring.MeasureMatchedYouths,
		monitoring.MeasureActive, monitoring.MeasureActiveYouths)
}

// TestFollowUpIsCountedPerCoordinationInTheMonthOfTheDeadline: a unit is a
// coordination and the month its signallers' deadlines fell in; it is on
// time only when every one of them was called by their deadline, and its
// days are those of the last call.
func TestFollowUpIsCountedPerCoordinationInTheMonthOfTheDeadline(t *testing.T) {
	c := testenv.NewCareCase(t) // Monday 23 November 10:00
	env := c.Env
	c.Accept(t, c.JH)                                                            // the school's call is due by Wednesday 25 November
	wijk := c.Join(t, "Wijkteam Centrum", model.TypeWijkteam, model.KindSignaal) // joins at 10:01: due by the same Wednesday
	at(env, "2026-11-24 12:00")
	contact(t, env, c.JH, c.Ref, c.School, "2026-11-24") // 1 working day
	at(env, "2026-11-26 12:00")
	contact(t, env, c.JH, c.Ref, wijk, "2026-11-26") // 3 working days: late
	at(env, "2026-11-27 10:00")                      // Friday: due by Tuesday 1 December
	politie := c.Join(t, "Politie Eindhoven", model.TypePolitie, model.KindSignaal)
	huisarts := c.Join(t, "Huisartsenpraktijk Zuid", model.TypeHuisarts, model.KindSignaal)
	at(env, "2026-11-30 15:00")
	if _, err := env.Registry.Registrations.End(ctx, huisarts, testenv.FirstRegistration(t, env, huisarts)); err != nil {
		t.Fatal(err) // ended before its deadline: nobody left to call
	}
	at(env, "2026-12-01 16:00")
	contact(t, env, c.JH, c.Ref, politie, "2026-12-01") // on the deadline's day, 2 working days

	makeMonthsAt(t, env, "2027-01-04 07:00", 2)
	town, jh := townOf(t, env, c.Ref), c.JH.Organisation.ID
	nov := counts{}
	nov.add(town, jh, monitoring.MeasureFollowUp, "niet-op-tijd", 1)
	nov.add(town, 0, monitoring.MeasureFollowUpDays, "3", 1)
	nov.add(town, jh, monitoring.MeasureAcceptance, "op-tijd", 1)
	nov.add(town, 0, monitoring.MeasureAcceptanceDays, "0", 1)
	got := monthCounts(t, env, "2026-11")
	wantCounts(t, got, "2026-11", nov, monitoring.MeasureFollowUp, monitoring.MeasureFollowUpDays, monitoring.MeasureAcceptance,
		monitoring.MeasureAcceptanceDays, monitoring.MeasureAcceptanceOverdue)

	dec := counts{}
	dec.add(town, jh, monitoring.MeasureFollowUp, "op-tijd", 1) // the police only: the GP's registration ended first
	dec.add(town, 0, monitoring.MeasureFollowUpDays, "2", 1)
	wantCounts(t, monthCounts(t, env, "2026-12"), "2026-12", dec, monitoring.MeasureFollowUp, monitoring.MeasureFollowUpDays,
		monitoring.MeasureAcceptance, monitoring.MeasureAcceptanceDays)
}

// TestALateAcceptanceIsCountedOnceInTheMonthItCame: assigned on 23
// November and due by 30 November, the coordination is overdue stock at
// the end of November and a late acceptance of 7 working days in December;
// naming another professional in January is no acceptance again.
func TestALateAcceptanceIsCountedOnceInTheMonthItCame(t *testing.T) {
	c := testenv.NewCareCase(t)
	env := c.Env
	at(env, "2026-12-02 10:00") // Wednesday
	c.Accept(t, c.JH)
	at(env, "2026-12-04 10:00")
	contact(t, env, c.JH, c.Ref, c.School, "2026-12-04") // due Friday 4 December: on time, 2 working days
	colleague := env.Pro(t, c.JH.Organisation)
	at(env, "2027-01-05 10:00")
	if _, err := env.Registry.Coordinations.AcceptCoordination(ctx, c.JH, c.Ref, colleague.Professional.Email); err != nil {
		t.Fatal(err)
	}

	makeMonthsAt(t, env, "2027-02-01 07:00", 3)
	town, jh := townOf(t, env, c.Ref), c.JH.Organisation.ID
	measures := []string{monitoring.MeasureAcceptance, monitoring.MeasureAcceptanceDays, monitoring.MeasureAcceptanceOverdue,
		monitoring.MeasureFollowUp, monitoring.MeasureFollowUpDays, monitoring.MeasureCoordinationsRunning}

	nov := counts{}
	nov.add(town, jh, monitoring.MeasureAcceptanceOverdue, "", 1)
	nov.add(town, jh, monitoring.MeasureCoordinationsRunning, "", 1)
	wantCounts(t, monthCounts(t, env, "2026-11"), "2026-11", nov, measures...)

	dec := counts{}
	dec.add(town, jh, monitoring.MeasureAcceptance, "te-laat", 1)
	dec.add(town, 0, monitoring.MeasureAcceptanceDays, "7", 1)
	dec.add(town, jh, monitoring.MeasureFollowUp, "op-tijd", 1)
	dec.add(town, 0, monitoring.MeasureFollowUpDays, "2", 1)
	dec.add(town, jh, monitoring.MeasureCoordinationsRunning, "", 1)
	wantCounts(t, monthCounts(t, env, "2026-12"), "2026-12", dec, measures...)

	jan := counts{}
	jan.add(town, jh, monitoring.MeasureCoordinationsRunning, "", 1)
	wantCounts(t, monthCounts(t, env, "2027-01"), "2027-01", jan, measures...)
}
