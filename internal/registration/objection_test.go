package registration_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

func received(s string) *time.Time { return testenv.Day(s) }

func TestUpheldObjectionRemovesTheRegistrationsWithoutArchive(t *testing.T) {
	env := testenv.New(t)
	admin := env.Admin(t, env.Org(t, "Regio", model.TypeWijkteam))
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	smw := env.Pro(t, env.Org(t, "SMW Eindhoven", model.TypeSMW))
	gi := env.Pro(t, env.Org(t, "GI Brabant", model.TypeGI))
	signal := env.Register(t, school, population.BSNTeen, model.KindSignaal).Registration
	env.Register(t, smw, population.BSNTeen, model.KindKetenregistratie)
	r := env.Register(t, gi, population.BSNTeen, model.KindKetenregistratie)
	if r.Coordinator == nil || r.Coordinator.Organisation.ID != gi.Organisation.ID {
		t.Fatalf("coordinator = %+v, want the GI", r.Coordinator)
	}

	o, err := env.Registry.Registrations.RecordObjection(ctx, admin, registration.Objecting{
		BSN: population.BSNTeen, Municipality: "Eindhoven", ReceivedOn: received("2026-11-20"),
		Registrations: []int64{signal.ID, r.Registration.ID},
	})
	if err != nil || o.Outcome != "" || len(o.Concerns) != 2 || o.Concerns[0].Organisation == nil {
		t.Fatalf("recorded objection = %+v, %v", o, err)
	}
	if got := env.Inbox(t, school); len(testenv.MessagesOfKind(got, registration.KindWithdrawn)) != 0 {
		t.Fatal("recording an objection already withdrew something")
	}
	decided, err := env.Registry.Registrations.DecideObjection(ctx, admin, o.ID, registration.ObjectionUpheld, received("2026-11-23"))
	if err != nil || decided.Outcome != registration.ObjectionUpheld {
		t.Fatalf("decision = %+v, %v", decided, err)
	}
	for _, c := range decided.Concerns {
		if c.RemovedAt == nil || c.Registration != nil {
			t.Errorf("objected registration %d after the decision: %+v; want removed", c.ID, c)
		}
	}

	raw := testenv.RawDB(t, env)
	for _, id := range []int64{signal.ID, r.Registration.ID} {
		if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM registrations WHERE id = $1`, id); n != 0 {
			t.Errorf("registration %d is still held (archived?) after an upheld objection", id)
		}
		if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM matches WHERE registration_id = $1`, id); n != 0 {
			t.Errorf("match rows of registration %d remain", id)
		}
		if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM messages WHERE event_key = $1`, "match:"+testenv.Itoa(id)); n != 0 {
			t.Errorf("match messages of registration %d remain", id)
		}
		if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM audit_log WHERE action = 'remove' AND object_id = $1`, testenv.Itoa(id)); n != 1 {
			t.Errorf("%d audit records of removing %d, want 1", n, id)
		}
	}
	for _, org := range []int64{school.Organisation.ID, gi.Organisation.ID} {
		if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM matches WHERE organisation_a = $1 OR organisation_b = $1`, org); n != 0 {
			t.Errorf("%d match rows still pair organisation %d", n, org)
		}
		if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM coordinations WHERE organisation_id = $1`, org); n != 0 {
			t.Errorf("%d coordinations of removed organisation %d remain", n, org)
		}
	}
	// The SMW remains, sees it alone, and was told twice: that, not why nor by whom.
	v, err := env.Registry.YouthByReference(ctx, smw, r.Youth.Reference)
	if err != nil || len(v.Involved) != 1 || v.Coordinator != nil {
		t.Fatalf("picture for the SMW = %+v, %v; want only itself and no coordinator", v, err)
	}
	told := testenv.MessagesOfKind(env.Inbox(t, smw), registration.KindWithdrawn)
	if len(told) != 2 {
		t.Fatalf("SMW got %d withdrawal messages, want 2", len(told))
	}
	for _, m := range told {
		text := strings.ToLower(m.Subject + m.Body)
		for _, secret := range []string{"bezwaar", "ouder", "gemeente", "eindhoven", admin.Professional.Name} {
			if strings.Contains(text, strings.ToLower(secret)) {
				t.Errorf("withdrawal message says %q:\n%s", secret, m.Body)
			}
		}
	}
	for _, own := range []usecase.Actor{school, gi} {
		var notices int
		for _, m := range testenv.MessagesOfKind(env.Inbox(t, own), registration.KindWithdrawn) {
			if strings.Contains(m.Body, "van uw organisatie") {
				notices++
			}
		}
		if notices != 1 {
			t.Errorf("%s got %d notices that its registration was withdrawn, want 1", own.Organisation.Name, notices)
		}
		if _, err := env.Registry.YouthByReference(ctx, own, r.Youth.Reference); model.ErrorCode(err) != model.ENOTFOUND {
			t.Errorf("%s still sees the youth: %v", own.Organisation.Name, err)
		}
	}
}

func TestUpheldObjectionAgainstEveryRegistrationDeletesTheYouth(t *testing.T) {
	env := testenv.New(t)
	admin := env.Admin(t, env.Org(t, "Regio", model.TypeWijkteam))
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie)

	o, err := env.Registry.Registrations.RecordObjection(ctx, admin, registration.Objecting{BSN: population.BSNTeen, Municipality: "0772", ReceivedOn: received("2026-11-23")})
	if err != nil || len(o.Concerns) != 2 {
		t.Fatalf("objection against every active registration = %+v, %v", o, err)
	}
	if _, err := env.Registry.Registrations.DecideObjection(ctx, admin, o.ID, registration.ObjectionUpheld, received("2026-11-23")); err != nil {
		t.Fatal(err)
	}
	raw := testenv.RawDB(t, env)
	for _, table := range []string{"youths", "registrations", "matches", "coordinations"} {
		if n := testenv.Count(t, raw, table); n != 0 {
			t.Errorf("%s: %d rows left after removing everything about the youth", table, n)
		}
	}
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM messages WHERE youth_id IS NOT NULL`); n != 0 {
		t.Errorf("%d messages still name the deleted youth", n)
	}
	for _, own := range []usecase.Actor{school, jh} {
		if got := testenv.MessagesOfKind(env.Inbox(t, own), registration.KindWithdrawn); len(got) != 1 {
			t.Errorf("%s got %d withdrawal notices, want 1", own.Organisation.Name, len(got))
		}
	}
	// The objection and its decision stay on record, without the youth's data.
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM objections WHERE outcome = 'toegewezen'`); n != 1 {
		t.Errorf("%d decided objections on record, want 1", n)
	}
}

func TestRejectedObjectionChangesNoRegistration(t *testing.T) {
	env := testenv.New(t)
	admin := env.Admin(t, env.Org(t, "Regio", model.TypeWijkteam))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	r := env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie)
	o, err := env.Registry.Registrations.RecordObjection(ctx, admin, registration.Objecting{BSN: population.BSNTeen, Municipality: "Eindhoven", ReceivedOn: received("2026-11-01")})
	if err != nil {
		t.Fatal(err)
	}
	decided, err := env.Registry.Registrations.DecideObjection(ctx, admin, o.ID, registration.ObjectionRejected, received("2026-11-22"))
	if err != nil || decided.Outcome != registration.ObjectionRejected || decided.Concerns[0].Registration == nil {
		t.Fatalf("rejected objection = %+v, %v", decided, err)
	}
	if v, err := env.Registry.Registrations.Registration(ctx, jh, r.Registration.ID); err != nil || !v.Registration.Active() {
		t.Fatalf("registration after a rejected objection = %+v, %v", v.Registration, err)
	}
	if _, err := env.Registry.Registrations.DecideObjection(ctx, admin, o.ID, registration.ObjectionUpheld, received("2026-11-23")); model.ErrorCode(err) != model.ECONFLICT {
		t.Fatalf("a second decision: %v, want a conflict", err)
	}
	if _, err := env.Registry.Registrations.DecideObjection(ctx, admin, o.ID+100, registration.ObjectionUpheld, received("2026-11-23")); model.ErrorCode(err) != model.ENOTFOUND {
		t.Fatalf("deciding an unknown objection: %v", err)
	}
}

func TestObjectionInputIsCheckedAndChangesNothing(t *testing.T) {
	env := testenv.New(t)
	admin := env.Admin(t, env.Org(t, "Regio", model.TypeWijkteam))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie)
	other := env.Register(t, jh, population.BSNChild, model.KindKetenregistratie).Registration
	cases := []struct {
		name, field, reason string
		in                  registration.Objecting
	}{
		{"bad BSN", "burgerservicenummer", "elfproef", registration.Objecting{BSN: "123456789", Municipality: "Eindhoven", ReceivedOn: received("2026-11-20")}},
		{"youth nobody registered", "burgerservicenummer", "geen registraties", registration.Objecting{BSN: population.BSNYoungAdult, Municipality: "Eindhoven", ReceivedOn: received("2026-11-20")}},
		{"no municipality", "gemeente", "gemeente", registration.Objecting{BSN: population.BSNTeen, Municipality: " ", ReceivedOn: received("2026-11-20")}},
		{"no date", "ontvangen", "datum", registration.Objecting{BSN: population.BSNTeen, Municipality: "Eindhoven"}},
		{"date in the future", "ontvangen", "toekomst", registration.Objecting{BSN: population.BSNTeen, Municipality: "Eindhoven", ReceivedOn: received("2026-11-24")}},
		{"another youth's registration", "registraties", "niet over deze jeugdige", registration.Objecting{BSN: population.BSNTeen, Municipality: "Eindhoven", ReceivedOn: received("2026-11-20"), Registrations: []int64{other.ID}}},
		{"twice the same", "registraties", "één keer", registration.Objecting{BSN: population.BSNTeen, Municipality: "Eindhoven", ReceivedOn: received("2026-11-20"), Registrations: []int64{other.ID, other.ID}}},
	}
	raw := testenv.RawDB(t, env)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := env.Registry.Registrations.RecordObjection(ctx, admin, c.in)
			testenv.AssertInvalid(t, err, c.field, c.reason)
			if n := testenv.Count(t, raw, "objections"); n != 0 {
				t.Fatalf("%d objections stored after refused input", n)
			}
		})
	}
	o, err := env.Registry.Registrations.RecordObjection(ctx, admin, registration.Objecting{BSN: population.BSNTeen, Municipality: "Eindhoven", ReceivedOn: received("2026-11-20")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = env.Registry.Registrations.DecideObjection(ctx, admin, o.ID, "misschien", received("2026-11-19"))
	testenv.AssertInvalid(t, err, "uitkomst", "toegewezen")
	_, err = env.Registry.Registrations.DecideObjection(ctx, admin, o.ID, registration.ObjectionUpheld, received("2026-11-19"))
	testenv.AssertInvalid(t, err, "datum", "ontvangst")
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM objections WHERE outcome IS NOT NULL`); n != 0 || testenv.Count(t, raw, "registrations") != 2 {
		t.Fatalf("a refused decision changed something")
	}
}

func TestOnlyTheRegionalAdministratorHandlesObjectionsAndReports(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie)
	if _, err := env.Registry.Registrations.RecordObjection(ctx, jh, registration.Objecting{BSN: population.BSNTeen, Municipality: "Eindhoven", ReceivedOn: received("2026-11-20")}); model.ErrorCode(err) != model.EFORBIDDEN {
		t.Errorf("a professional recorded an objection: %v", err)
	}
	if _, err := env.Registry.Registrations.DecideObjection(ctx, jh, 1, registration.ObjectionUpheld, received("2026-11-20")); model.ErrorCode(err) != model.EFORBIDDEN {
		t.Errorf("a professional decided an objection: %v", err)
	}
	if _, err := env.Registry.Registrations.AccessReport(ctx, jh, population.BSNTeen, "json"); model.ErrorCode(err) != model.EFORBIDDEN {
		t.Errorf("a professional made an access report: %v", err)
	}
}

func TestRegistrationMadeInErrorIsDeletedAtOnceAndOthersAreTold(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	smw := env.Pro(t, env.Org(t, "SMW", model.TypeSMW))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie)
	wrong := env.Register(t, smw, population.BSNTeen, model.KindKetenregistratie)
	if wrong.Coordinator == nil || wrong.Coordinator.Organisation.ID != smw.Organisation.ID {
		t.Fatalf("coordinator = %+v, want the SMW", wrong.Coordinator)
	}

	if err := env.Registry.Registrations.RemoveInError(ctx, school, wrong.Registration.ID, model.RemovalWrongYouth); model.ErrorCode(err) != model.ENOTFOUND {
		t.Fatalf("another organisation removed the registration: %v", err)
	}
	if err := env.Registry.Registrations.RemoveInError(ctx, smw, wrong.Registration.ID, model.RemovalWrongYouth); err != nil {
		t.Fatal(err)
	}
	if n := testenv.CountWhere(t, testenv.RawDB(t, env), `SELECT count(*) FROM registrations WHERE id = $1`, wrong.Registration.ID); n != 0 {
		t.Fatal("the registration made in error is still held")
	}
	p, err := env.Registry.YouthByReference(ctx, jh, wrong.Youth.Reference)
	if err != nil || p.Coordinator == nil || p.Coordinator.Organisation.ID != jh.Organisation.ID {
		t.Fatalf("after removing the coordinator's registration the coordinator is %+v, %v; want the covenant's next choice", p.Coordinator, err)
	}
	for _, who := range []usecase.Actor{school, jh} {
		got := testenv.MessagesOfKind(env.Inbox(t, who), registration.KindWithdrawn)
		if len(got) != 1 || !strings.Contains(got[0].Body, "SMW") {
			t.Errorf("%s was not told of the withdrawal: %+v", who.Organisation.Name, got)
		}
	}
	if got := testenv.MessagesOfKind(env.Inbox(t, smw), coordination.KindCoordinator); len(got) != 0 {
		t.Errorf("the announcement that the removed SMW coordinated is still in its inbox")
	}
}
