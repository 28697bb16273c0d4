package monitoring_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// saveMonth stores a made month with the given cells (Shown as given, N
// equal to it unless set).
func saveMonth(t *testing.T, env *testenv.Env, month string, cells ...model.MonitoringCell) {
	t.Helper()
	for i := range cells {
		cells[i].Month = month
		if cells[i].N == 0 {
			cells[i].N = max(cells[i].Shown, 1)
		}
	}
	if err := env.DB.Update(ctx, func(tx *storage.Tx) error {
		return tx.SaveMonitoringMonth(ctx, month, cells, env.Clock.Now())
	}); err != nil {
		t.Fatal(err)
	}
}

func cellOf(town, measure, category string, org int64, shown int) model.MonitoringCell {
	return model.MonitoringCell{Municipality: town, Measure: measure, Category: category, OrganisationID: org, Shown: shown}
}

// table finds a table by id and fails the test when it is missing.
func table(t *testing.T, r monitoring.Report, id string) monitoring.Table {
	t.Helper()
	for _, tb := range r.Tables {
		if tb.ID == id {
			return tb
		}
	}
	t.Fatalf("no table %q in the report", id)
	return monitoring.Table{}
}

// texts are a row's values as shown.
func texts(t *testing.T, tb monitoring.Table, key string) []string {
	t.Helper()
	for _, r := range tb.Rows {
		if r.Key == key {
			var out []string
			for _, v := range r.Values {
				out = append(out, v.Text)
			}
			return out
		}
	}
	t.Fatalf("table %s has no row %q", tb.ID, key)
	return nil
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestReportSumsRoundedCellsPerQuarterWithTotalsSharesAndMedians(t *testing.T) {
	env := testenv.New(t)
	school := env.Org(t, "Stedelijk College", model.TypeOnderwijs)
	team := env.Org(t, "Wijkteam Woensel", model.TypeWijkteam)
	admin := env.Admin(t, env.Org(t, "Regiobureau", model.TypeWijkteam))
	saveMonth(t, env, "2026-01",
		cellOf("0772", monitoring.MeasureRegistrations, "signaal", school.ID, 10),
		cellOf("0772", monitoring.MeasureRegistrations, "ketenregistratie", team.ID, 5),
		cellOf("0599", monitoring.MeasureRegistrations, "signaal", school.ID, 20),
		cellOf("0772", monitoring.MeasureFollowUp, "op-tijd", team.ID, 15),
		cellOf("0772", monitoring.MeasureFollowUp, "niet-op-tijd", team.ID, 5),
		cellOf("0772", monitoring.MeasureFollowUpDays, "1", 0, 10),
		cellOf("0772", monitoring.MeasureFollowUpDays, "3", 0, 5),
		cellOf("0772", monitoring.MeasureActive, "signaal", school.ID, 40),
		cellOf("0772", monitoring.MeasureMatchedYouths, "", 0, 10),
		cellOf("0772", monitoring.MeasureActiveYouths, "", 0, 30),
	)
	saveMonth(t, env, "2026-02",
		cellOf("0772", monitoring.MeasureRegistrations, "signaal", school.ID, 5),
		cellOf("0772", monitoring.MeasureActive, "signaal", school.ID, 45),
	)
	saveMonth(t, env, "2026-03", cellOf("0772", monitoring.MeasureActive, "signaal", school.ID, 50),
		cellOf("0772", monitoring.MeasureActiveYouths, "", 0, 35))
	saveMonth(t, env, "2026-04",
		cellOf("0772", monitoring.MeasureRegistrations, "signaal", school.ID, 5),
		cellOf("0772", monitoring.MeasureActive, "signaal", school.ID, 35),
	)

	r, err := env.Registry.Monitoring.Report(ctx, admin, monitoring.Request{Van: "2026-01", Tot: "2026-04", Groep: "kwartaal", Gemeente: "0772"})
	if err != nil {
		t.Fatal(err)
	}

	if len(r.Periods) != 2 || r.Periods[0].Label != "1e kwartaal 2026" || r.Periods[1].Label != "2e kwartaal 2026" {
		t.Fatalf("periods %+v, want the first quarter and (April of) the second", r.Periods)
	}
	if r.Scope != "Gemeente Eindhoven (0772)" {
		t.Errorf("scope %q", r.Scope)
	}
	kinds := table(t, r, "registraties-soort")
	for key, want := range map[string][]string{"signaal": {"15", "5", "20"}, "ketenregistratie": {"5", "0", "5"}, "totaal": {"20", "5", "25"}} {
		if got := texts(t, kinds, key); !equal(got, want) {
			t.Errorf("registrations %s: %v, want %v", key, got, want)
		}
	}
	byType := table(t, r, "registraties-organisatietype")
	if got := texts(t, byType, "onderwijs"); !equal(got, []string{"15", "5", "20"}) {
		t.Errorf("by type onderwijs: %v", got)
	}
	follow := table(t, r, "opvolging")
	if got := texts(t, follow, "aandeel-op-tijd"); !equal(got, []string{"75%", "–", "75%"}) {
		t.Errorf("share followed up on time: %v, want 75%% (15 of 20), too few in Q2, 75%% overall", got)
	}
	if got := texts(t, follow, "mediaan-werkdagen"); !equal(got, []string{"1 werkdag", "–", "1 werkdag"}) {
		t.Errorf("median: %v, want 1 werkdag (10 of 15 within a day)", got)
	}
	if got := texts(t, table(t, r, "jeugdigen-match"), "aantal"); !equal(got, []string{"10", "0", "10"}) {
		t.Errorf("youths with a first match: %v, want 10 in the first quarter", got)
	}
	stand := table(t, r, "stand")
	if got := texts(t, stand, "signaal"); !equal(got, []string{"50", "35"}) {
		t.Errorf("active signals at the end of each quarter: %v, want March's 50 and April's 35", got)
	}
	if got := texts(t, stand, "jeugdigen"); !equal(got, []string{"35", "0"}) {
		t.Errorf("youths with an active registration at the end of each quarter: %v, want March's 35, none in April", got)
	}
}
