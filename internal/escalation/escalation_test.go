package escalation_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/escalation"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// escAt is a moment in Dutch time, "2026-11-26 10:00".
func escAt(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.ParseInLocation("2006-01-02 15:04", s, nltime.Amsterdam)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

// endOf is the last moment of a day in Dutch time, as working-day deadlines are.
func endOf(t *testing.T, day string) time.Time {
	t.Helper()
	return escAt(t, day+" 00:00").AddDate(0, 0, 1).Add(-time.Millisecond)
}

// escalationCase is the care case (a school and a youth-care provider that
// coordinates, brabant) with the coordination accepted and a regional
// administrator who is not involved.
type escalationCase struct {
	testenv.CareCase
	admin usecase.Actor
}

func newEscalationCase(t *testing.T) escalationCase {
	t.Helper()
	c := escalationCase{CareCase: testenv.NewCareCase(t)}
	c.Accept(t, c.JH)
	c.admin = c.Env.Admin(t, c.Env.Org(t, "Regio Zuidoost-Brabant", model.TypeWijkteam))
	return c
}

func (c escalationCase) start(t *testing.T) *escalation.View {
	t.Helper()
	v, err := c.Env.Registry.Escalations.StartEscalation(ctx, c.JH, c.Ref)
	if err != nil {
		t.Fatalf("start escalation: %v", err)
	}
	return v
}

func (c escalationCase) step(t *testing.T, by usecase.Actor, step int, outcome string) *escalation.View {
	t.Helper()
	v, err := c.Env.Registry.Escalations.RecordEscalationStep(ctx, by, c.Ref, step, outcome)
	if err != nil {
		t.Fatalf("step %d by %s: %v", step, by.Organisation.Name, err)
	}
	return v
}

func (c escalationCase) sweep(t *testing.T, at string) {
	t.Helper()
	c.Env.Clock.Set(escAt(t, at))
	if _, err := c.Env.Registry.SweepDeadlines(ctx); err != nil {
		t.Fatal(err)
	}
}

func (c escalationCase) count(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := testenv.RawDB(t, c.Env).QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func wantNext(t *testing.T, v *escalation.View, step int, due time.Time) {
	t.Helper()
	if v.Next == nil || v.Next.Number != step {
		t.Fatalf("next step = %+v, want step %d", v.Next, step)
	}
	if v.Next.Due == nil || !v.Next.Due.Equal(due) {
		t.Fatalf("step %d due %v, want %v", step, v.Next.Due, due)
	}
}

func TestEscalationRunsStepByStepToTheAldermanAndEnds(t *testing.T) {
	c := newEscalationCase(t)
	c.Env.Clock.Set(escAt(t, "2026-11-26 10:00")) // Thursday
	v := c.start(t)
	if v.Authority != model.AuthorityAlderman || v.AuthorityOrganisation != nil {
		t.Fatalf("authority %q %+v, want the alderman: no GI is involved", v.Authority, v.AuthorityOrganisation)
	}
	if s := v.Steps[0]; s.DoneAt == nil || s.DoneBy == nil || s.DoneBy.ID != c.JH.Professional.ID || s.DoneFor != "Jeugdhulp Brabant" {
		t.Fatalf("step 1 = %+v, want done at the start by the coordinator", s)
	}
	wantNext(t, v, 2, endOf(t, "2026-11-30")) // Friday 1, Monday 2: the weekend does not count

	c.Env.Clock.Set(escAt(t, "2026-11-27 09:00")) // Friday
	v = c.step(t, c.JH, 2, "")
	wantNext(t, v, 3, endOf(t, "2026-12-01"))
	c.Env.Clock.Set(escAt(t, "2026-12-01 16:00"))
	v = c.step(t, c.JH, 3, escalation.OutcomeNoAgreement)
	if v.Steps[2].Outcome != escalation.OutcomeNoAgreement {
		t.Fatalf("step 3 outcome %q", v.Steps[2].Outcome)
	}
	wantNext(t, v, 4, endOf(t, "2026-12-03"))
	v = c.step(t, c.JH, 4, "")
	wantNext(t, v, 5, endOf(t, "2026-12-03"))
	if got := testenv.MessagesOfKind(c.Env.Inbox(t, c.admin), escalation.KindEscalation); len(got) != 1 || !strings.Contains(got[0].Body, "/beheer/escalaties") {
		t.Fatalf("the administrator got %+v, want one message: the alderman must rule", got)
	}

	// The coordinator cannot record the alderman's ruling; the
	// administrator, who is not involved, records it for the alderman.
	_, err := c.Env.Registry.Escalations.RecordEscalationStep(ctx, c.JH, c.Ref, 5, "")
	testenv.WantCode(t, err, model.EFORBIDDEN)
	c.Env.Clock.Set(escAt(t, "2026-12-02 11:00"))
	v = c.step(t, c.admin, 5, "")
	wantNext(t, v, 6, endOf(t, "2026-12-02")) // the director informs the same day
	v = c.step(t, c.JH, 6, "")
	if v.Next == nil || v.Next.Number != 7 || v.Next.Due != nil {
		t.Fatalf("next = %+v, want step 7 without a deadline", v.Next)
	}
	v = c.step(t, c.JH, 7, "")
	if v.Running() || v.Outcome != model.EscalationExecuted || v.Next != nil {
		t.Fatalf("after step 7: running %v, outcome %q; want ended, executed", v.Running(), v.Outcome)
	}
	for n, s := range v.Steps {
		if s.DoneAt == nil || s.DoneBy == nil || s.Skipped {
			t.Errorf("step %d = %+v, want done with who and when", n+1, s)
		}
	}
	if v.Steps[4].DoneBy.ID != c.admin.Professional.ID {
		t.Errorf("step 5 recorded by %+v, want the administrator", v.Steps[4].DoneBy)
	}
	// Everyone involved was told at the start, at each step and at the end.
	for _, who := range []usecase.Actor{c.School, c.JH} {
		got := testenv.MessagesOfKind(c.Env.Inbox(t, who), escalation.KindEscalation)
		if len(got) != 7 {
			t.Errorf("%s got %d escalation messages, want 7 (start, steps 2-6, end)", who.Organisation.Name, len(got))
		}
		for _, m := range got {
			if strings.Contains(m.Body, population.BSNChild) || strings.Contains(m.Body, "Charbon") || !strings.Contains(m.Body, c.Ref) {
				t.Errorf("message %q names the youth or lacks the reference:\n%s", m.Subject, m.Body)
			}
		}
	}
	// A new escalation may start once this one ended.
	if _, err := c.Env.Registry.Escalations.StartEscalation(ctx, c.JH, c.Ref); err != nil {
		t.Fatalf("second escalation: %v", err)
	}
}

func TestEscalationAgreementGoesStraightToTheDirector(t *testing.T) {
	c := newEscalationCase(t)
	c.Env.Clock.Set(escAt(t, "2026-12-07 10:00"))
	c.start(t)
	c.step(t, c.JH, 2, "")
	c.Env.Clock.Set(escAt(t, "2026-12-08 15:00"))
	v := c.step(t, c.JH, 3, escalation.OutcomeAgreement)
	wantNext(t, v, 6, endOf(t, "2026-12-08"))
	if !v.Steps[3].Skipped || !v.Steps[4].Skipped {
		t.Errorf("steps 4 and 5 = %+v %+v, want skipped", v.Steps[3], v.Steps[4])
	}
	for _, step := range []int{4, 5} {
		who := c.JH
		if step == 5 {
			who = c.admin
		}
		_, err := c.Env.Registry.Escalations.RecordEscalationStep(ctx, who, c.Ref, step, "")
		testenv.WantCode(t, err, model.ECONFLICT)
		if !strings.Contains(model.ErrorMessage(err), "overgeslagen") {
			t.Errorf("step %d: %q, want it says the step was skipped", step, model.ErrorMessage(err))
		}
	}
	c.step(t, c.JH, 6, "")
	c.step(t, c.JH, 7, "")
}

func TestEscalationStepsOutOfOrderOrTwiceAreRefusedAndChangeNothing(t *testing.T) {
	c := newEscalationCase(t)
	c.start(t)
	before := c.count(t, "escalation_steps")
	for _, tc := range []struct {
		step int
		want string
	}{
		{1, "al vastgelegd"},
		{4, "Eerst stap 2"},
		{7, "Eerst stap 2"},
	} {
		_, err := c.Env.Registry.Escalations.RecordEscalationStep(ctx, c.JH, c.Ref, tc.step, "")
		testenv.WantCode(t, err, model.ECONFLICT)
		if !strings.Contains(model.ErrorMessage(err), tc.want) {
			t.Errorf("step %d: %q, want %q", tc.step, model.ErrorMessage(err), tc.want)
		}
	}
	c.step(t, c.JH, 2, "")
	_, err := c.Env.Registry.Escalations.RecordEscalationStep(ctx, c.JH, c.Ref, 2, "")
	testenv.WantCode(t, err, model.ECONFLICT)
	if !strings.Contains(model.ErrorMessage(err), "Stap 2 is al vastgelegd") {
		t.Errorf("twice: %q", model.ErrorMessage(err))
	}

	// Bad input names the field and changes nothing.
	for _, tc := range []struct {
		step           int
		outcome, field string
	}{
		{3, "", "uitkomst"},
		{3, "misschien", "uitkomst"},
		{4, escalation.OutcomeAgreement, "uitkomst"},
		{0, "", "stap"},
		{8, "", "stap"},
	} {
		_, err := c.Env.Registry.Escalations.RecordEscalationStep(ctx, c.JH, c.Ref, tc.step, tc.outcome)
		if model.ErrorCode(err) != model.EINVALID || len(model.ErrorParams(err)) != 1 || model.ErrorParams(err)[0].Name != tc.field {
			t.Errorf("step %d outcome %q: %v, want EINVALID on %s", tc.step, tc.outcome, err, tc.field)
		}
	}
	if n := c.count(t, "escalation_steps"); n != before+1 {
		t.Errorf("%d steps stored, want %d: refused steps must change nothing", n, before+1)
	}
}

func TestOnlyTheAcceptedCoordinatorStartsAndRecords(t *testing.T) {
	c := testenv.NewCareCase(t)
	outsider := c.Env.Pro(t, c.Env.Org(t, "JGZ Zuidoost-Brabant", model.TypeJGZ))
	monitor := c.Env.Monitor(t, c.JH.Organisation)

	// Not accepted yet.
	_, err := c.Env.Registry.Escalations.StartEscalation(ctx, c.JH, c.Ref)
	testenv.WantCode(t, err, model.ECONFLICT)
	c.Accept(t, c.JH)

	_, err = c.Env.Registry.Escalations.StartEscalation(ctx, c.School, c.Ref)
	testenv.WantCode(t, err, model.EFORBIDDEN)
	for _, who := range []usecase.Actor{outsider, monitor} {
		_, err = c.Env.Registry.Escalations.StartEscalation(ctx, who, c.Ref)
		testenv.WantCode(t, err, model.ENOTFOUND)
		_, unknown := c.Env.Registry.Escalations.StartEscalation(ctx, who, "J-ZZZZZZZZ")
		if model.ErrorMessage(err) != model.ErrorMessage(unknown) {
			t.Errorf("refusal %q differs from the answer for an unknown youth %q", model.ErrorMessage(err), model.ErrorMessage(unknown))
		}
	}
	if _, err := c.Env.Registry.Escalations.StartEscalation(ctx, c.JH, c.Ref); err != nil {
		t.Fatal(err)
	}
	_, err = c.Env.Registry.Escalations.StartEscalation(ctx, c.JH, c.Ref)
	testenv.WantCode(t, err, model.ECONFLICT)

	_, err = c.Env.Registry.Escalations.RecordEscalationStep(ctx, c.School, c.Ref, 2, "")
	testenv.WantCode(t, err, model.EFORBIDDEN)
	_, err = c.Env.Registry.Escalations.RecordEscalationStep(ctx, outsider, c.Ref, 2, "")
	testenv.WantCode(t, err, model.ENOTFOUND)
	_, err = c.Env.Registry.Escalations.WithdrawEscalation(ctx, c.School, c.Ref)
	testenv.WantCode(t, err, model.EFORBIDDEN)

	// Anyone involved sees it; an outsider does not.
	v, err := c.Env.Registry.Escalations.Escalation(ctx, c.School, c.Ref)
	if err != nil || v == nil || !v.Running() || v.MayWithdraw || v.Next.MayRecord {
		t.Fatalf("the school sees %+v, %v; want the running escalation without actions", v, err)
	}
	_, err = c.Env.Registry.Escalations.Escalation(ctx, outsider, c.Ref)
	testenv.WantCode(t, err, model.ENOTFOUND)
}

func TestAdministratorSeesOnlyYouthsWithAnEscalation(t *testing.T) {
	c := newEscalationCase(t)
	_, err := c.Env.Registry.Escalations.Escalation(ctx, c.admin, c.Ref)
	testenv.WantCode(t, err, model.ENOTFOUND)
	_, unknown := c.Env.Registry.Escalations.Escalation(ctx, c.admin, "J-ZZZZZZZZ")
	if model.ErrorMessage(err) != model.ErrorMessage(unknown) {
		t.Errorf("refusal %q differs from the answer for an unknown youth %q", model.ErrorMessage(err), model.ErrorMessage(unknown))
	}
	c.start(t)
	v, err := c.Env.Registry.Escalations.Escalation(ctx, c.admin, c.Ref)
	if err != nil || v == nil || v.Reference != c.Ref {
		t.Fatalf("administrator: %+v, %v", v, err)
	}
	// The administrator records only the alderman's ruling.
	_, err = c.Env.Registry.Escalations.RecordEscalationStep(ctx, c.admin, c.Ref, 2, "")
	testenv.WantCode(t, err, model.EFORBIDDEN)
	work, err := c.Env.Registry.Escalations.RegionalEscalations(ctx, c.admin)
	if err != nil || len(work.Escalations) != 1 || work.Escalations[0].Reference != c.Ref {
		t.Fatalf("regional list %+v, %v", work, err)
	}
	_, err = c.Env.Registry.Escalations.RegionalEscalations(ctx, c.JH)
	testenv.WantCode(t, err, model.EFORBIDDEN)
}

func TestGIHasOverrideAuthorityForItsClients(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Basisschool", model.TypeOnderwijs))
	gi := env.Pro(t, env.Org(t, "GI Brabant", model.TypeGI))
	admin := env.Admin(t, env.Org(t, "Regio", model.TypeWijkteam))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	r := env.Register(t, gi, population.BSNTeen, model.KindKetenregistratie)
	ref := r.Youth.Reference
	if _, err := env.Registry.Coordinations.AcceptCoordination(ctx, gi, ref, ""); err != nil {
		t.Fatal(err)
	}
	v, err := env.Registry.Escalations.StartEscalation(ctx, gi, ref)
	if err != nil {
		t.Fatal(err)
	}
	if v.Authority != model.AuthorityGI || v.AuthorityOrganisation == nil || v.AuthorityOrganisation.ID != gi.Organisation.ID {
		t.Fatalf("authority %q %+v, want the GI", v.Authority, v.AuthorityOrganisation)
	}
	if !strings.Contains(v.AuthorityLabel(), "GI Brabant") || !strings.Contains(v.Steps[4].Actor, "GI") || strings.Contains(v.Steps[3].Task, "wethouder") {
		t.Errorf("label %q, step 4 %q, step 5 %q: want the GI instead of the alderman", v.AuthorityLabel(), v.Steps[3].Task, v.Steps[4].Actor)
	}
	for _, s := range []struct {
		n       int
		outcome string
	}{{2, ""}, {3, escalation.OutcomeNoAgreement}, {4, ""}} {
		if _, err := env.Registry.Escalations.RecordEscalationStep(ctx, gi, ref, s.n, s.outcome); err != nil {
			t.Fatal(err)
		}
	}
	// With the GI's authority the administrator does not record step 5.
	_, err = env.Registry.Escalations.RecordEscalationStep(ctx, admin, ref, 5, "")
	testenv.WantCode(t, err, model.EFORBIDDEN)
	if v, err = env.Registry.Escalations.RecordEscalationStep(ctx, gi, ref, 5, ""); err != nil {
		t.Fatal(err)
	}
	if v.Next == nil || v.Next.Number != 6 {
		t.Fatalf("next %+v, want step 6", v.Next)
	}
}

func TestEscalationDeadlinesCountDutchWorkingDays(t *testing.T) {
	c := newEscalationCase(t)
	for _, tc := range []struct{ start, due, why string }{
		{"2026-11-26 10:00", "2026-11-30", "Thursday: the weekend does not count"},
		{"2026-11-27 16:30", "2026-12-01", "Friday: Monday and Tuesday"},
		{"2026-12-24 10:00", "2026-12-29", "Christmas Eve: Christmas Day and Boxing Day fall out"},
		{"2027-03-25 10:00", "2027-03-31", "Thursday before Easter: Good Friday and Easter Monday fall out"},
		{"2027-04-26 10:00", "2027-04-29", "Monday before King's Day 2027"},
		{"2026-04-02 10:00", "2026-04-08", "Thursday 2 April 2026: Good Friday and Easter Monday"},
		{"2026-04-24 10:00", "2026-04-29", "Friday before King's Day 2026 (Monday)"},
	} {
		c.Env.Clock.Set(escAt(t, tc.start))
		v := c.start(t)
		if v.Next == nil || v.Next.Due == nil || !v.Next.Due.Equal(endOf(t, tc.due)) {
			t.Errorf("%s: step 2 due %v, want the end of %s", tc.why, v.Next.Due, tc.due)
		}
		if _, err := c.Env.Registry.Escalations.WithdrawEscalation(ctx, c.JH, c.Ref); err != nil {
			t.Fatal(err)
		}
	}
	v, err := c.Env.Registry.Escalations.Escalation(ctx, c.JH, c.Ref)
	if err != nil || v.Outcome != model.EscalationWithdrawn || v.Running() {
		t.Fatalf("after withdrawing: %+v, %v", v, err)
	}
	_, err = c.Env.Registry.Escalations.RecordEscalationStep(ctx, c.JH, c.Ref, 2, "")
	testenv.WantCode(t, err, model.ECONFLICT)
	_, err = c.Env.Registry.Escalations.WithdrawEscalation(ctx, c.JH, c.Ref)
	testenv.WantCode(t, err, model.ECONFLICT)
}

func TestOverdueEscalationStepAlertsTheNextActorAndAdministratorsOnce(t *testing.T) {
	c := newEscalationCase(t)
	outsider := c.Env.Pro(t, c.Env.Org(t, "JGZ", model.TypeJGZ))
	c.Env.Clock.Set(escAt(t, "2026-12-24 10:00"))
	c.start(t) // step 2 due by the end of Tuesday 29 December

	c.sweep(t, "2026-12-29 23:00")
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, c.admin), escalation.KindEscalationOverdue)); n != 0 {
		t.Fatalf("%d overdue messages before the deadline", n)
	}
	c.sweep(t, "2026-12-30 08:00")
	c.sweep(t, "2026-12-31 08:00")
	// Steps 2 and 3 are for the managements of every involved organisation.
	for _, who := range []usecase.Actor{c.JH, c.School, c.admin} {
		got := testenv.MessagesOfKind(c.Env.Inbox(t, who), escalation.KindEscalationOverdue)
		if len(got) != 1 || !strings.Contains(got[0].Body, "dinsdag 29 december 2026") || !strings.Contains(got[0].Subject, "stap 2") {
			t.Fatalf("%s got %+v, want one alert for step 2 with its deadline", who.Professional.Name, got)
		}
	}
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, outsider), escalation.KindEscalationOverdue)); n != 0 {
		t.Errorf("an organisation that is not involved got %d alerts", n)
	}

	// Step 5 overdue: only the administrators act for the alderman.
	c.Env.Clock.Set(escAt(t, "2027-01-04 09:00"))
	c.step(t, c.JH, 2, "")
	c.step(t, c.JH, 3, escalation.OutcomeNoAgreement)
	c.step(t, c.JH, 4, "") // step 5 due by the end of Wednesday 6 January
	c.sweep(t, "2027-01-07 08:00")
	if got := testenv.MessagesOfKind(c.Env.Inbox(t, c.admin), escalation.KindEscalationOverdue); len(got) != 2 || !strings.Contains(got[0].Subject+got[1].Subject, "stap 5") {
		t.Errorf("administrator alerts %+v, want a second one for step 5", got)
	}
	for _, who := range []usecase.Actor{c.JH, c.School} {
		if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, who), escalation.KindEscalationOverdue)); n != 1 {
			t.Errorf("%s got %d alerts, want only the one for step 2", who.Professional.Name, n)
		}
	}
	v, err := c.Env.Registry.Escalations.Escalation(ctx, c.JH, c.Ref)
	if err != nil || !v.Overdue() || !v.Next.Overdue {
		t.Errorf("the view does not mark step 5 overdue: %+v, %v", v.Next, err)
	}
}

func TestCoordinatorStepOverdueAlertsTheCoordinatingOrganisation(t *testing.T) {
	c := newEscalationCase(t)
	c.Env.Clock.Set(escAt(t, "2026-11-30 10:00"))
	c.start(t)
	c.step(t, c.JH, 2, "")
	c.step(t, c.JH, 3, escalation.OutcomeNoAgreement) // step 4 due by Wednesday 2 December
	c.sweep(t, "2026-12-03 08:00")
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, c.JH), escalation.KindEscalationOverdue)); n != 1 {
		t.Errorf("the coordinator got %d alerts, want 1", n)
	}
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, c.admin), escalation.KindEscalationOverdue)); n != 1 {
		t.Errorf("the administrator got %d alerts, want 1", n)
	}
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, c.School), escalation.KindEscalationOverdue)); n != 0 {
		t.Errorf("the school got %d alerts for the coordinator's management's step, want none", n)
	}
}

func TestEscalationLapsesWhenTheCoordinationEnds(t *testing.T) {
	c := newEscalationCase(t)
	c.Env.Clock.Set(escAt(t, "2026-11-30 10:00"))
	c.start(t)
	if _, err := c.Env.Registry.Registrations.End(ctx, c.School, testenv.FirstRegistration(t, c.Env, c.School)); err != nil {
		t.Fatal(err)
	}
	c.sweep(t, "2026-12-10 10:00")
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, c.admin), escalation.KindEscalationOverdue)); n != 0 {
		t.Errorf("%d alerts for an escalation whose coordination ended", n)
	}
	var outcome string
	if err := testenv.RawDB(t, c.Env).QueryRow(`SELECT outcome FROM escalations`).Scan(&outcome); err != nil || outcome != model.EscalationLapsed {
		t.Errorf("outcome %q, %v; want vervallen", outcome, err)
	}
}

func TestYouthPageShowsTheEscalation(t *testing.T) {
	c := newEscalationCase(t)
	p, err := c.Env.Registry.YouthByReference(ctx, c.JH, c.Ref)
	if err != nil || p.Escalation == nil || !p.Escalation.MayStart || p.Escalation.Current != nil || p.Pyramid != nil {
		t.Fatalf("before: %+v, pyramid %+v, %v; want may start, no escalation, no pyramid in brabant", p.Escalation, p.Pyramid, err)
	}
	c.start(t)
	p, err = c.Env.Registry.YouthByReference(ctx, c.JH, c.Ref)
	if err != nil || p.Escalation.MayStart || p.Escalation.Current == nil || !p.Escalation.Current.Next.MayRecord || !p.Escalation.Current.MayWithdraw {
		t.Fatalf("coordinator sees %+v, %v", p.Escalation, err)
	}
	p, err = c.Env.Registry.YouthByReference(ctx, c.School, c.Ref)
	if err != nil || p.Escalation.MayStart || p.Escalation.Current.Next.MayRecord || p.Escalation.Current.MayWithdraw {
		t.Fatalf("the school sees %+v, %v; want no actions", p.Escalation, err)
	}
}

func TestDeletingAYouthDeletesItsEscalations(t *testing.T) {
	c := newEscalationCase(t)
	c.start(t)
	err := c.Env.DB.Update(ctx, func(tx *storage.Tx) error {
		regs, err := tx.RegistrationsOfYouth(ctx, c.Youth)
		if err != nil {
			return err
		}
		for _, r := range regs {
			if err := tx.DeleteRegistration(ctx, r.ID); err != nil {
				return err
			}
		}
		deleted, err := tx.DeleteYouthIfEmpty(ctx, c.Youth)
		if err == nil && !deleted {
			t.Error("the youth was not deleted")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"escalations", "escalation_steps"} {
		if n := c.count(t, table); n != 0 {
			t.Errorf("%d rows left in %s", n, table)
		}
	}
}

func TestCoordinatorsRunningEscalationsWithTheirNextDeadline(t *testing.T) {
	c := newEscalationCase(t)
	c.Env.Clock.Set(escAt(t, "2026-11-26 10:00"))
	c.start(t)
	c.Env.Clock.Set(escAt(t, "2026-12-01 08:00"))
	got, err := c.Env.Registry.Escalations.CoordinatedEscalations(ctx, c.JH.Organisation.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].YouthID != c.Youth || got[0].Step.Number != 2 || !got[0].Step.Due.Equal(endOf(t, "2026-11-30")) || !got[0].Step.Overdue {
		t.Fatalf("coordinated escalations %+v, want step 2 of the youth, overdue since Monday", got)
	}
	if other, err := c.Env.Registry.Escalations.CoordinatedEscalations(ctx, c.School.Organisation.ID); err != nil || len(other) != 0 {
		t.Errorf("the school coordinates no escalation: %+v, %v", other, err)
	}
}
