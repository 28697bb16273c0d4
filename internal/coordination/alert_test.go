package coordination_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// acceptCase: a coordination assigned on Thursday 26 November 2026 at 10:00;
// the brabant covenant gives 5 working days, so the deadline is the end of
// Thursday 3 December (the weekend does not count).
func acceptCase(t *testing.T) (env *testenv.Env, school, jh, colleague, admin usecase.Actor, youth int64) {
	t.Helper()
	env = testenv.New(t)
	env.Clock.Set(testenv.WallClock("2026-11-26 10:00"))
	school = env.Pro(t, env.Org(t, "Basisschool", model.TypeOnderwijs))
	jhOrg := env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp)
	jh, colleague = env.Pro(t, jhOrg), env.Pro(t, jhOrg)
	admin = env.Admin(t, env.Org(t, "Regio Zuidoost-Brabant", model.TypeWijkteam))
	env.Register(t, school, population.BSNChild, model.KindSignaal)
	r := env.Register(t, jh, population.BSNChild, model.KindKetenregistratie)
	env.Register(t, colleague, population.BSNChild, model.KindSignaal)
	return env, school, jh, colleague, admin, r.Youth.ID
}

func TestAcceptanceDeadlineCountsWorkingDaysAndAlertsOnce(t *testing.T) {
	env, school, jh, colleague, admin, youth := acceptCase(t)
	due := testenv.MustCurrent(t, env, youth).AcceptDueAt
	if want := testenv.WallClock("2026-12-04 00:00").Add(-1_000_000); due == nil || !due.Equal(want) {
		t.Fatalf("accept due at %v, want %v (end of the fifth working day)", due, want)
	}

	// Five calendar days have passed on Tuesday; five working days have not.
	for _, at := range []string{"2026-12-01 12:00", "2026-12-03 23:00"} {
		env.Clock.Set(testenv.WallClock(at))
		if _, err := env.Registry.SweepDeadlines(ctx); err != nil {
			t.Fatal(err)
		}
		if n := len(testenv.MessagesOfKind(env.Inbox(t, admin), coordination.KindAcceptOverdue)); n != 0 {
			t.Fatalf("at %s the administrator got %d overdue messages, want none yet", at, n)
		}
	}

	env.Clock.Set(testenv.WallClock("2026-12-04 08:00"))
	if _, err := env.Registry.SweepDeadlines(ctx); err != nil {
		t.Fatal(err)
	}
	got := testenv.MessagesOfKind(env.Inbox(t, admin), coordination.KindAcceptOverdue)
	if len(got) != 1 || !strings.Contains(got[0].Body, "Jeugdhulp Brabant") || !strings.Contains(got[0].Body, "3 december 2026") {
		t.Fatalf("administrator messages %+v, want one naming the organisation and the deadline", got)
	}
	if strings.Contains(got[0].Body, "Charbon") || strings.Contains(got[0].Body, population.BSNChild) {
		t.Errorf("the administrator's message identifies the youth:\n%s", got[0].Body)
	}
	for _, who := range []usecase.Actor{jh, colleague} {
		if n := len(testenv.MessagesOfKind(env.Inbox(t, who), coordination.KindAcceptOverdue)); n != 1 {
			t.Errorf("%s got %d overdue messages, want 1", who.Professional.Name, n)
		}
	}
	if n := len(testenv.MessagesOfKind(env.Inbox(t, school), coordination.KindAcceptOverdue)); n != 0 {
		t.Errorf("the school, not assigned, got %d overdue messages", n)
	}
	if c := testenv.MustCurrent(t, env, youth); c.AcceptAlertedAt == nil {
		t.Error("accept_alerted_at not set")
	}

	env.Clock.Set(testenv.WallClock("2026-12-07 09:00"))
	if _, err := env.Registry.SweepDeadlines(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(testenv.MessagesOfKind(env.Inbox(t, admin), coordination.KindAcceptOverdue)); n != 1 {
		t.Errorf("after a second sweep the administrator has %d overdue messages, want still 1", n)
	}
}

func TestAcceptedOrNotNeededCoordinationIsNeverOverdue(t *testing.T) {
	env, _, jh, _, admin, youth := acceptCase(t)
	ref := mustYouthRef(t, env, jh, youth)
	if _, err := env.Registry.Coordinations.AcceptCoordination(ctx, jh, ref, ""); err != nil {
		t.Fatal(err)
	}
	env.Clock.Set(testenv.WallClock("2026-12-10 09:00"))
	if _, err := env.Registry.SweepDeadlines(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(testenv.MessagesOfKind(env.Inbox(t, admin), coordination.KindAcceptOverdue)); n != 0 {
		t.Errorf("an accepted coordination was reported overdue (%d messages)", n)
	}
}

// mustYouthRef reads the reference of a youth a is involved with.
func mustYouthRef(t *testing.T, env *testenv.Env, a usecase.Actor, youth int64) string {
	t.Helper()
	list, err := env.Registry.Registrations.Registrations(ctx, a, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range list {
		if l.Youth.ID == youth {
			return l.Youth.Reference
		}
	}
	t.Fatalf("%s is not involved with youth %d", a.Organisation.Name, youth)
	return ""
}
