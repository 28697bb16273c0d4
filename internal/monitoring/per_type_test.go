package monitoring_test

import (
	"strconv"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// The tables per type of organisation are read summed per type (a page's
// rows do not grow with the organisations); they must say what the sum of
// each organisation of that type says, for a municipality's account and
// for the administrator, whose report also has the table per organisation.
func TestTablesPerTypeAreTheSumOfTheirOrganisations(t *testing.T) {
	env := testenv.New(t)
	college := env.Org(t, "Stedelijk College", model.TypeOnderwijs)
	lyceum := env.Org(t, "Van Maerlant Lyceum", model.TypeOnderwijs)
	team := env.Org(t, "Wijkteam Woensel", model.TypeWijkteam)
	monitor := env.Monitor(t, env.Org(t, "Gemeente Eindhoven", model.TypeGemeente))
	admin := env.Admin(t, env.Org(t, "Regiobureau", model.TypeWijkteam))
	saveMonth(t, env, "2026-01",
		cellOf("0772", monitoring.MeasureRegistrations, "signaal", college.ID, 10),
		cellOf("0772", monitoring.MeasureRegistrations, "ketenregistratie", lyceum.ID, 5),
		cellOf("0772", monitoring.MeasureRegistrations, "signaal", team.ID, 20),
		cellOf("0599", monitoring.MeasureRegistrations, "signaal", lyceum.ID, 30),
		cellOf("0772", monitoring.MeasureFollowUp, "op-tijd", college.ID, 10),
		cellOf("0772", monitoring.MeasureFollowUp, "op-tijd", lyceum.ID, 5),
		cellOf("0772", monitoring.MeasureFollowUp, "niet-op-tijd", lyceum.ID, 5),
		cellOf("0772", monitoring.MeasureFollowUp, "op-tijd", team.ID, 10),
	)

	own, err := env.Registry.Monitoring.Report(ctx, monitor, monitoring.Request{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := table(t, own, "registraties-organisatietype")
	if got := texts(t, kinds, "onderwijs"); !equal(got, []string{"15"}) {
		t.Errorf("Eindhoven's registrations by schools: %v, want 10 + 5", got)
	}
	if got := texts(t, kinds, "wijkteam"); !equal(got, []string{"20"}) {
		t.Errorf("Eindhoven's registrations by district teams: %v, want 20", got)
	}
	if got := texts(t, table(t, own, "deelname-opvolging-organisatietype"), "onderwijs"); !equal(got, []string{"75%"}) {
		t.Errorf("schools' share on time: %v, want 75%% (15 of 20, two schools together)", got)
	}
	for _, tb := range own.Tables {
		if tb.ID == "deelname-organisatie" {
			t.Error("a municipality's account sees the table per organisation")
		}
	}

	all, err := env.Registry.Monitoring.Report(ctx, admin, monitoring.Request{})
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(t, table(t, all, "registraties-organisatietype"), "onderwijs"); !equal(got, []string{"45"}) {
		t.Errorf("every municipality's registrations by schools: %v, want 10 + 5 + 30", got)
	}
	each := table(t, all, "deelname-organisatie")
	perSchool := []string{texts(t, each, itoa(college.ID))[0], texts(t, each, itoa(lyceum.ID))[0]}
	if !equal(perSchool, []string{"10", "35"}) {
		t.Errorf("the administrator's table per organisation: college %s, lyceum %s, want 10 and 35", perSchool[0], perSchool[1])
	}

	trend, err := env.Registry.Monitoring.Trend(ctx, admin, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range trend.Tables {
		if tb.ID == "deelname-organisatie" {
			t.Error("the administrator's charts have the table per organisation: a chart with a line per organisation")
		}
	}
	if got := texts(t, table(t, trend, "registraties-organisatietype"), "onderwijs"); !equal(got, []string{"45"}) {
		t.Errorf("the chart of registrations by schools: %v, want 45", got)
	}
}

// The administrator's table per organisation has three columns over the
// whole period (registrations, matches it coordinated whose follow-up
// deadline passed, the share in time): a column per month for every
// organisation of a large region made the page megabytes. Its counts are
// the months added up.
func TestTablePerOrganisationCountsTheWholePeriod(t *testing.T) {
	env := testenv.New(t)
	college := env.Org(t, "Stedelijk College", model.TypeOnderwijs)
	team := env.Org(t, "Wijkteam Woensel", model.TypeWijkteam)
	admin := env.Admin(t, env.Org(t, "Regiobureau", model.TypeWijkteam))
	saveMonth(t, env, "2026-01", cellOf("0772", monitoring.MeasureRegistrations, "signaal", college.ID, 10),
		cellOf("0772", monitoring.MeasureFollowUp, "op-tijd", team.ID, 10))
	saveMonth(t, env, "2026-02", cellOf("0772", monitoring.MeasureRegistrations, "ketenregistratie", college.ID, 5),
		cellOf("0599", monitoring.MeasureRegistrations, "signaal", college.ID, 20),
		cellOf("0599", monitoring.MeasureFollowUp, "op-tijd", team.ID, 5),
		cellOf("0772", monitoring.MeasureFollowUp, "niet-op-tijd", team.ID, 5))

	r, err := env.Registry.Monitoring.Report(ctx, admin, monitoring.Request{Van: "2026-01", Tot: "2026-02"})
	if err != nil {
		t.Fatal(err)
	}
	each := table(t, r, "deelname-organisatie")
	cols := r.ColumnsOf(each)
	if len(cols) != 3 || cols[0].From.String() != "2026-01" || cols[2].To.String() != "2026-02" {
		t.Fatalf("columns of the table per organisation: %+v, want three over the whole period", cols)
	}
	if got := texts(t, each, itoa(college.ID)); !equal(got, []string{"35", "0", "–"}) {
		t.Errorf("the college: %v, want 10 + 5 + 20 registrations, no matches to follow up", got)
	}
	if got := texts(t, each, itoa(team.ID)); !equal(got, []string{"0", "20", "75%"}) {
		t.Errorf("the district team: %v, want 20 matches of which 15 in time", got)
	}
	if got := texts(t, each, "totaal"); !equal(got, []string{"35", "20", "75%"}) {
		t.Errorf("the sum row: %v", got)
	}
	if cols := r.ColumnsOf(table(t, r, "registraties-soort")); len(cols) != 2 {
		t.Errorf("the other tables have %d columns, want one per month", len(cols))
	}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
