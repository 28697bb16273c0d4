package plan_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/plan"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// sweepAt sets the clock to a Dutch wall-clock time and runs the deadline checks.
func (w *planWorld) sweepAt(t *testing.T, when string) {
	t.Helper()
	w.env.Clock.Set(testenv.WallClock(when))
	if _, err := w.env.Registry.SweepDeadlines(ctx); err != nil {
		t.Fatalf("sweep at %s: %v", when, err)
	}
}

func (w *planWorld) told(t *testing.T, a usecase.Actor, kind string) []model.Message {
	t.Helper()
	return testenv.MessagesOfKind(w.env.Inbox(t, a), kind)
}

func TestAnOverdueAgreementIsFlaggedOnceToTheCoordinatorAndTheResponsible(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	a := w.agree(t, "gesprek met jeugdige", w.school, "2026-11-23", "2026-11-24")
	done := w.agree(t, "huisbezoek", w.police, "2026-11-23", "2026-11-24")
	if _, err := w.env.Registry.Plans.UpdateAgreement(ctx, w.wijkteam, w.ref, done.ID, plan.AgreementChange{Status: new(model.AgreementDone)}); err != nil {
		t.Fatal(err)
	}

	// The end day itself is still in time.
	w.sweepAt(t, "2026-11-24 23:30")
	if got := w.told(t, w.school, plan.KindAgreementOverdue); len(got) != 0 {
		t.Fatalf("alerted on the end day itself: %+v", got)
	}
	if w.picture(t, w.school).Plan.Agreements[0].Overdue {
		t.Fatal("flagged overdue on its end day")
	}

	w.sweepAt(t, "2026-11-25 00:30")
	for _, who := range []usecase.Actor{w.wijkteam, w.school} {
		got := w.told(t, who, plan.KindAgreementOverdue)
		if len(got) != 1 {
			t.Fatalf("%s got %d overdue alerts, want 1", who.Organisation.Name, len(got))
		}
		for _, want := range []string{w.ref, "gesprek met jeugdige", "24 november 2026", w.school.Professional.Phone} {
			if !strings.Contains(got[0].Body, want) {
				t.Errorf("alert to %s lacks %q:\n%s", who.Organisation.Name, want, got[0].Body)
			}
		}
	}
	if got := w.told(t, w.police, plan.KindAgreementOverdue); len(got) != 0 {
		t.Errorf("the police were alerted about an agreement that is done or not theirs: %+v", got)
	}
	p := w.picture(t, w.police).Plan
	for _, pa := range p.Agreements {
		if pa.Overdue != (pa.ID == a.ID) {
			t.Errorf("agreement %d (%s) overdue = %v", pa.ID, pa.Status, pa.Overdue)
		}
	}

	// Once.
	w.sweepAt(t, "2026-11-26 09:00")
	if got := w.told(t, w.wijkteam, plan.KindAgreementOverdue); len(got) != 1 {
		t.Fatalf("the coordinator has %d overdue alerts after a second sweep, want 1", len(got))
	}

	// A new end date makes it due again, and it is flagged again when that passes.
	changed, err := w.env.Registry.Plans.UpdateAgreement(ctx, w.wijkteam, w.ref, a.ID, plan.AgreementChange{End: testenv.Day("2026-11-27")})
	if err != nil || changed.Overdue || changed.OverdueAlertedAt != nil {
		t.Fatalf("after a new end date: %+v, %v; want not overdue, alert cleared", changed, err)
	}
	w.sweepAt(t, "2026-11-27 18:00")
	if got := w.told(t, w.school, plan.KindAgreementOverdue); len(got) != 1 {
		t.Fatalf("alerted before the new end date passed")
	}
	w.sweepAt(t, "2026-11-28 08:00")
	for _, who := range []usecase.Actor{w.wijkteam, w.school} {
		if got := w.told(t, who, plan.KindAgreementOverdue); len(got) != 2 {
			t.Errorf("%s has %d overdue alerts after the new end date passed, want 2", who.Organisation.Name, len(got))
		}
	}
}

func TestTheCoordinatorIsRemindedOfSignallersNotCalledWithinTheWorkingDays(t *testing.T) {
	w := newPlanWorld(t) // Monday 23 November 2026
	w.env.Clock.Set(testenv.WallClock("2026-11-26 10:00"))
	w.accept(t) // Thursday: two working days run to the end of Monday
	w.env.Clock.Set(testenv.WallClock("2026-11-27 15:00"))
	if _, err := w.env.Registry.Plans.RecordContact(ctx, w.wijkteam, w.ref, w.policeSignal.ID, testenv.Day("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	w.env.Register(t, w.jgz, population.BSNTeen, model.KindSignaal) // Friday

	w.sweepAt(t, "2026-11-30 23:30")
	if got := w.told(t, w.wijkteam, plan.KindCallSignallers); len(got) != 0 {
		t.Fatalf("reminded within the working days: %+v", got)
	}

	w.sweepAt(t, "2026-12-01 00:30")
	got := w.told(t, w.wijkteam, plan.KindCallSignallers)
	if len(got) != 1 {
		t.Fatalf("the coordinator got %d reminders on Tuesday, want 1 (the school; the police were called, the JGZ came on Friday)", len(got))
	}
	for _, want := range []string{w.ref, "Stedelijk College", w.school.Professional.Phone} {
		if !strings.Contains(got[0].Body+got[0].Subject, want) {
			t.Errorf("reminder lacks %q:\n%s", want, got[0].Body)
		}
	}
	w.sweepAt(t, "2026-12-01 12:00")
	if got := w.told(t, w.wijkteam, plan.KindCallSignallers); len(got) != 1 {
		t.Fatalf("%d reminders after a second sweep, want still 1", len(got))
	}

	// The JGZ's signal came after the acceptance: its two working days run from Friday.
	w.sweepAt(t, "2026-12-02 00:30")
	got = w.told(t, w.wijkteam, plan.KindCallSignallers)
	if len(got) != 2 || !strings.Contains(got[0].Body+got[1].Body, "JGZ Zuidoost-Brabant") {
		t.Fatalf("reminders on Wednesday = %d, want the JGZ's too", len(got))
	}
	for _, who := range []usecase.Actor{w.school, w.police, w.jgz} {
		if got := w.told(t, who, plan.KindCallSignallers); len(got) != 0 {
			t.Errorf("%s was sent the coordinator's reminder", who.Organisation.Name)
		}
	}
}

func TestNoReminderBeforeTheCoordinationIsAccepted(t *testing.T) {
	w := newPlanWorld(t)
	w.sweepAt(t, "2026-12-10 10:00")
	if got := w.told(t, w.wijkteam, plan.KindCallSignallers); len(got) != 0 {
		t.Fatalf("reminded of signallers while coordination was never accepted: %+v", got)
	}
}
