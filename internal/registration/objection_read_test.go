package registration_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// The administrator's list puts the undecided objections first; only the
// administrator reads objections, and reading them is audited.
func TestObjectionsAreListedUndecidedFirstForTheAdministratorOnly(t *testing.T) {
	env := testenv.New(t)
	ctx := t.Context()
	admin := env.Admin(t, env.Org(t, "Regio", model.TypeWijkteam))
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	env.Register(t, school, population.BSNChild, model.KindSignaal)
	regs := env.Registry.Registrations
	first, err := regs.RecordObjection(ctx, admin, registration.Objecting{BSN: population.BSNTeen, Municipality: "Helmond", ReceivedOn: received("2026-11-18")})
	if err != nil {
		t.Fatal(err)
	}
	second, err := regs.RecordObjection(ctx, admin, registration.Objecting{BSN: population.BSNChild, Municipality: "Eindhoven", ReceivedOn: received("2026-11-20")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := regs.DecideObjection(ctx, admin, first.ID, registration.ObjectionRejected, received("2026-11-22")); err != nil {
		t.Fatal(err)
	}

	list, err := regs.Objections(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != second.ID || list[1].ID != first.ID || len(list[0].Concerns) != 1 || list[0].Concerns[0].Organisation == nil {
		t.Fatalf("list = %+v, want the undecided one first, with its registration", list)
	}
	one, err := regs.Objection(ctx, admin, second.ID)
	if err != nil || one.Municipality != "Eindhoven" {
		t.Fatalf("one objection: %+v, %v", one, err)
	}
	_, err = regs.Objection(ctx, admin, 987654)
	testenv.WantCode(t, err, model.ENOTFOUND)
	_, err = regs.Objections(ctx, school)
	testenv.WantCode(t, err, model.EFORBIDDEN)
	_, err = regs.Objection(ctx, school, second.ID)
	testenv.WantCode(t, err, model.EFORBIDDEN)

	db := testenv.RawDB(t, env)
	if n := testenv.CountWhere(t, db, `SELECT count(*) FROM audit_log WHERE action = 'read' AND object_type = 'bezwaar' AND youth_reference = $1`, second.YouthReference); n != 1 {
		t.Errorf("%d audit records of reading the objection under the youth, want 1", n)
	}
	if n := testenv.CountWhere(t, db, `SELECT count(*) FROM audit_log WHERE action = 'read' AND object_type = 'bezwaren'`); n != 1 {
		t.Errorf("%d audit records of reading the list, want 1", n)
	}
}
