package web_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/server"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// reportsWorld is a running Jeugdketen with monitoring accounts in
// Eindhoven and Rotterdam, February 2026 made, and the sweep of 2 March
// 2026 done: one monthly report for each.
type reportsWorld struct {
	a                    *app
	eindhoven, rotterdam person
	admin                person
	ids                  map[string]int64 // municipality code → report id
}

func newReportsWorld(t *testing.T) reportsWorld {
	t.Helper()
	a := startApp(t, server.Config{})
	school := a.env.Org(t, "Stedelijk College", model.TypeOnderwijs)
	rdam, err := a.env.Region.CreateOrganisation(context.Background(), audit.Actor{Role: "beheerder", Source: "test"},
		model.Organisation{Name: "Gemeente Rotterdam", Type: model.TypeGemeente, Municipality: "Rotterdam"})
	if err != nil {
		t.Fatal(err)
	}
	w := reportsWorld{a: a, eindhoven: a.monitor(t, a.env.Org(t, "Gemeente Eindhoven", model.TypeGemeente)), rotterdam: a.monitor(t, rdam),
		admin: a.person(t, a.env.Org(t, "Regio Zuidoost-Brabant", model.TypeWijkteam), true, true), ids: map[string]int64{}}
	cells := []model.MonitoringCell{
		{Month: "2026-02", Municipality: "0772", OrganisationID: school.ID, Measure: monitoring.MeasureRegistrations, Category: "signaal", N: 35, Shown: 35},
		{Month: "2026-02", Municipality: "0599", OrganisationID: school.ID, Measure: monitoring.MeasureRegistrations, Category: "signaal", N: 710, Shown: 710},
	}
	if err := a.env.DB.Update(context.Background(), func(tx *storage.Tx) error {
		return tx.SaveMonitoringMonth(context.Background(), "2026-02", cells, a.env.Clock.Now())
	}); err != nil {
		t.Fatal(err)
	}
	a.env.Clock.Set(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC))
	if n, err := a.env.Registry.Monitoring.MakeMonthlyReports(context.Background()); err != nil || n != 2 {
		t.Fatalf("the sweep made %d reports (%v), want 2", n, err)
	}
	all, err := a.env.Registry.Monitoring.MonthlyReports(context.Background(), w.admin.Actor)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range all {
		w.ids[r.Municipality.Code] = r.ID
	}
	return w
}

func (w reportsWorld) pdf(code string) string {
	return "/monitoring/rapporten/" + strconv.FormatInt(w.ids[code], 10) + ".pdf"
}

func TestAMonitoringAccountListsAndOpensOnlyItsOwnMunicipalitysReports(t *testing.T) {
	w := newReportsWorld(t)
	c := w.a.login(t, w.eindhoven)

	list := get(t, c, w.a.base+"/monitoring/rapporten")
	if list.StatusCode != 200 {
		t.Fatalf("the list: %d", list.StatusCode)
	}
	mustContain(t, list, "Maandrapport monitoring Eindhoven februari 2026", `href="`+w.pdf("0772")+`"`, "Rapporten van uw gemeente")
	mustNotContain(t, list, "Rotterdam", w.pdf("0599"))

	own := get(t, c, w.a.base+w.pdf("0772"))
	if own.StatusCode != 200 || own.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(own.Body, "%PDF-") {
		t.Fatalf("Eindhoven's report: %d %s", own.StatusCode, own.Header.Get("Content-Type"))
	}
	mustContain(t, own, "(Maandrapport monitoring Eindhoven februari 2026)", "(35)")
	mustNotContain(t, own, "(710)")
	if n := w.a.count(t, `SELECT count(*) FROM audit_log WHERE action = 'read' AND object_type = 'monitoring-rapport' AND object_id = $1 AND professional_id = $2`,
		strconv.FormatInt(w.ids["0772"], 10), w.eindhoven.Professional.ID); n != 1 {
		t.Errorf("opening the report left %d audit records, want one read", n)
	}

	other := get(t, c, w.a.base+w.pdf("0599"))
	unknown := get(t, c, w.a.base+"/monitoring/rapporten/987654.pdf")
	if other.StatusCode != 404 || unknown.StatusCode != 404 || other.Body != unknown.Body {
		t.Errorf("Rotterdam's report for Eindhoven: %d; an unknown one: %d; want the same Dutch 404", other.StatusCode, unknown.StatusCode)
	}
	mustContain(t, other, "Niet gevonden", "Dit maandrapport bestaat niet")
}

func TestTheAdministratorListsEveryMunicipalitysReportsAndAProfessionalNone(t *testing.T) {
	w := newReportsWorld(t)

	list := get(t, w.a.login(t, w.admin), w.a.base+"/monitoring/rapporten")
	mustContain(t, list, "Rapporten van alle gemeenten", "Maandrapport monitoring Eindhoven februari 2026", "Maandrapport monitoring Rotterdam februari 2026")

	pro := w.a.person(t, w.a.env.Org(t, "Wijkteam Woensel", model.TypeWijkteam), false, true)
	c := w.a.login(t, pro)
	if p := get(t, c, w.a.base+"/monitoring/rapporten"); p.StatusCode != 403 {
		t.Errorf("a professional opens the list: %d, want 403", p.StatusCode)
	}
	if p := get(t, c, w.a.base+w.pdf("0772")); p.StatusCode != 403 {
		t.Errorf("a professional opens a report: %d, want 403", p.StatusCode)
	}
}
