package registration_test

import (
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestAccessReportListsRegistrationsAndEveryoneWhoLooked(t *testing.T) {
	env := testenv.New(t)
	admin := env.Admin(t, env.Org(t, "Regio", model.TypeWijkteam))
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp Noord", model.TypeJeugdhulp))
	signal := env.Register(t, school, population.BSNTeen, model.KindSignaal)
	env.Clock.Advance(time.Hour)
	care := env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie)
	if _, err := env.Registry.YouthByReference(ctx, jh, care.Youth.Reference); err != nil {
		t.Fatal(err)
	}
	env.Clock.Advance(time.Hour)
	if _, err := env.Registry.Registrations.Registration(ctx, school, signal.Registration.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Registry.Registrations.End(ctx, school, signal.Registration.ID); err != nil {
		t.Fatal(err)
	}
	env.Register(t, jh, population.BSNChild, model.KindKetenregistratie) // another youth: not in the report

	rep, err := env.Registry.Registrations.AccessReport(ctx, admin, population.BSNTeen, "json")
	if err != nil || !rep.Found || rep.Youth.Reference != care.Youth.Reference {
		t.Fatalf("report = %+v, %v", rep, err)
	}
	if len(rep.Registrations) != 2 || rep.Registrations[0].Organisation.Name != "Stedelijk College" ||
		rep.Registrations[0].Registration.Active() || rep.Registrations[1].Registration.Kind != model.KindKetenregistratie {
		t.Fatalf("registrations in the report = %+v; want the ended signal and the care registration", rep.Registrations)
	}
	if len(rep.Accesses) != 2 ||
		rep.Accesses[0].ProfessionalName != jh.Professional.Name || rep.Accesses[0].OrganisationName != "Jeugdhulp Noord" || rep.Accesses[0].ObjectType != "jeugdige" ||
		rep.Accesses[1].ProfessionalName != school.Professional.Name || rep.Accesses[1].ObjectType != "registratie" {
		t.Fatalf("accesses = %+v; want the youth page by Jeugdhulp Noord, then the registration by the school", rep.Accesses)
	}

	// Making the report is recorded, and shows in the next one.
	raw := testenv.RawDB(t, env)
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM audit_log WHERE action = 'export' AND object_type = 'inzagerapport' AND youth_reference = $1 AND professional_id = $2`,
		care.Youth.Reference, admin.Professional.ID); n != 1 {
		t.Fatalf("%d audit records of the report, want 1", n)
	}
	again, _ := env.Registry.Registrations.AccessReport(ctx, admin, population.BSNTeen, "pdf")
	if len(again.Accesses) != 3 || again.Accesses[2].Action != "export" || again.Accesses[2].ProfessionalName != admin.Professional.Name {
		t.Fatalf("second report's accesses = %+v; want the first report last", again.Accesses)
	}
}

func TestAccessReportForAYouthNobodyRegisteredIsEmpty(t *testing.T) {
	env := testenv.New(t)
	admin := env.Admin(t, env.Org(t, "Regio", model.TypeWijkteam))
	rep, err := env.Registry.Registrations.AccessReport(ctx, admin, population.BSNTeen, "html")
	if err != nil || rep.Found || len(rep.Registrations) != 0 || len(rep.Accesses) != 0 {
		t.Fatalf("report for a youth nobody registered = %+v, %v", rep, err)
	}
	if n := testenv.CountWhere(t, testenv.RawDB(t, env), `SELECT count(*) FROM audit_log WHERE action = 'export'`); n != 1 {
		t.Fatalf("%d audit records of the empty report, want 1", n)
	}
	_, err = env.Registry.Registrations.AccessReport(ctx, admin, "12345", "json")
	testenv.AssertInvalid(t, err, "burgerservicenummer", "9 cijfers")
}

func TestAccessReportShowsObjections(t *testing.T) {
	env := testenv.New(t)
	admin := env.Admin(t, env.Org(t, "Regio", model.TypeWijkteam))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie)
	if _, err := env.Registry.Registrations.RecordObjection(ctx, admin, registration.Objecting{BSN: population.BSNTeen, Municipality: "Helmond", ReceivedOn: testenv.Day("2026-11-20")}); err != nil {
		t.Fatal(err)
	}
	rep, err := env.Registry.Registrations.AccessReport(ctx, admin, population.BSNTeen, "json")
	if err != nil || len(rep.Objections) != 1 || rep.Objections[0].Municipality != "Helmond" || rep.Objections[0].Outcome != "" {
		t.Fatalf("objections in the report = %+v, %v", rep.Objections, err)
	}
}
