package monitoring_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestOnlyMonitoringAccountsAndTheAdministratorSeeFigures(t *testing.T) {
	env := testenv.New(t)
	pro := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))

	_, err := env.Registry.Monitoring.Report(ctx, pro, monitoring.Request{})

	if model.ErrorCode(err) != model.EFORBIDDEN {
		t.Fatalf("a professional: %v, want EFORBIDDEN", err)
	}
}

func TestAMunicipalitySeesOnlyItsOwnYouths(t *testing.T) {
	env := testenv.New(t)
	school := env.Org(t, "Stedelijk College", model.TypeOnderwijs)
	monitor := env.Monitor(t, env.Org(t, "Gemeente Eindhoven", model.TypeGemeente))
	admin := env.Admin(t, env.Org(t, "Regiobureau", model.TypeWijkteam))
	saveMonth(t, env, "2026-10",
		cellOf("0772", monitoring.MeasureRegistrations, "signaal", school.ID, 10),
		cellOf("0599", monitoring.MeasureRegistrations, "signaal", school.ID, 700))

	own, err := env.Registry.Monitoring.Report(ctx, monitor, monitoring.Request{})
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(t, table(t, own, "registraties-soort"), "signaal"); !equal(got, []string{"10"}) {
		t.Errorf("Eindhoven's monitoring account sees %v signals, want only its own 10", got)
	}
	if len(own.Municipalities) != 1 || own.Municipalities[0].Code != "0772" {
		t.Errorf("it may choose %+v, want only Eindhoven", own.Municipalities)
	}
	for _, tb := range own.Tables {
		if tb.ID == "deelname-organisatie" {
			t.Error("a municipality sees the participation per organisation, which is for the regional administrator only")
		}
	}

	_, err = env.Registry.Monitoring.Report(ctx, monitor, monitoring.Request{Gemeente: "0599"})
	if model.ErrorCode(err) != model.EFORBIDDEN || model.ErrorMessage(err) != "U ziet alleen de cijfers van uw eigen gemeente." {
		t.Errorf("Eindhoven asking for Rotterdam: %v, want EFORBIDDEN", err)
	}

	every, err := env.Registry.Monitoring.Report(ctx, admin, monitoring.Request{})
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(t, table(t, every, "registraties-soort"), "signaal"); !equal(got, []string{"710"}) {
		t.Errorf("the administrator sees %v signals, want 710 over every municipality", got)
	}
	if got := texts(t, table(t, every, "deelname-organisatie"), "totaal"); !equal(got, []string{"710", "0", "–"}) {
		t.Errorf("participation total %v, want 710", got)
	}
	if every.Scope != "Alle gemeenten" || len(every.Municipalities) != 2 {
		t.Errorf("scope %q, municipalities %+v", every.Scope, every.Municipalities)
	}
}

func TestAQueryOutsideTheMonthsMadeIsRefusedNamingTheField(t *testing.T) {
	env := testenv.New(t)
	admin := env.Admin(t, env.Org(t, "Regiobureau", model.TypeWijkteam))
	saveMonth(t, env, "2026-10")

	for _, c := range []struct {
		req   monitoring.Request
		field string
	}{
		{monitoring.Request{Van: "2026-10-01"}, "van"},
		{monitoring.Request{Tot: "oktober"}, "tot"},
		{monitoring.Request{Tot: "2026-11"}, "tot"},
		{monitoring.Request{Van: "2026-10", Tot: "2026-09"}, "tot"},
		{monitoring.Request{Groep: "week"}, "groep"},
		{monitoring.Request{Van: "2020-01"}, "van"},
		{monitoring.Request{Gemeente: "9999"}, "gemeente"},
	} {
		_, err := env.Registry.Monitoring.Report(ctx, admin, c.req)
		params := model.ErrorParams(err)
		if model.ErrorCode(err) != model.EINVALID || len(params) == 0 || params[0].Name != c.field {
			t.Errorf("%+v: %v %+v, want EINVALID on %s", c.req, err, params, c.field)
		}
	}
}

func TestBeforeTheFirstMonthIsMadeTheReportSaysSo(t *testing.T) {
	env := testenv.New(t)
	admin := env.Admin(t, env.Org(t, "Regiobureau", model.TypeWijkteam))

	r, err := env.Registry.Monitoring.Report(ctx, admin, monitoring.Request{})

	if err != nil || r.Ready || len(r.Tables) != 0 {
		t.Fatalf("no month made: ready %v, %d tables, %v; want not ready and no tables", r.Ready, len(r.Tables), err)
	}
}

func TestEveryReadOfTheFiguresIsLogged(t *testing.T) {
	env := testenv.New(t)
	monitor := env.Monitor(t, env.Org(t, "Gemeente Eindhoven", model.TypeGemeente))
	saveMonth(t, env, "2026-10")

	if _, err := env.Registry.Monitoring.Report(ctx, monitor, monitoring.Request{}); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Registry.Monitoring.Trend(ctx, monitor, ""); err != nil {
		t.Fatal(err)
	}
	_, _ = env.Registry.Monitoring.Report(ctx, monitor, monitoring.Request{Groep: "week"})

	n := testenv.CountWhere(t, testenv.RawDB(t, env), `SELECT count(*) FROM audit_log WHERE action = 'read' AND object_type = 'monitoring'
		AND object_id = '0772' AND professional_id = $1`, monitor.Professional.ID)
	if n != 2 {
		t.Errorf("%d audit records, want one per answered read (2; a refused query is not answered)", n)
	}
}
