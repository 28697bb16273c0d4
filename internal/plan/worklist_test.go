package plan_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/plan"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// TestWorklistShowsTheCoordinatorsWork follows one coordinator's worklist:
// a youth to accept, then after acceptance the signallers to call, an
// agreement by its due date, and overdue items once the deadlines pass.
func TestWorklistShowsTheCoordinatorsWork(t *testing.T) {
	w := newPlanWorld(t)
	reg := w.env.Registry

	list, err := reg.Plans.Worklist(ctx, w.wijkteam)
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Youths) != 1 || list.Youths[0].Youth.Reference != w.ref || list.Youths[0].Coordination.Status != "toegewezen" {
		t.Fatalf("youths = %+v, want the one youth still to accept", list.Youths)
	}
	if list.Youths[0].Overdue || list.Overdue != 0 {
		t.Error("acceptance overdue on the day of assignment")
	}
	if len(list.Signallers) != 0 {
		t.Error("signallers to call before the coordination was accepted")
	}

	// Monday 23 November + 5 working days: the acceptance deadline ends on
	// Monday 30 November; on Tuesday it is overdue.
	w.env.Clock.Set(time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC))
	if list, err = reg.Plans.Worklist(ctx, w.wijkteam); err != nil {
		t.Fatal(err)
	}
	if !list.Youths[0].Overdue || list.Overdue != 1 {
		t.Errorf("acceptance not overdue a working day after its deadline: %+v", list.Youths[0])
	}

	w.accept(t)
	w.env.Register(t, w.jgz, population.BSNTeen, model.KindKetenregistratie)
	w.agree(t, "huisbezoek", w.jgz, "2026-12-01", "2026-12-04")
	if list, err = reg.Plans.Worklist(ctx, w.wijkteam); err != nil {
		t.Fatal(err)
	}
	if list.Youths[0].Coordination.Status != "geaccepteerd" || list.Youths[0].Coordinator == nil || list.Youths[0].Coordinator.ID != w.wijkteam.Professional.ID {
		t.Errorf("accepted youth = %+v", list.Youths[0])
	}
	if len(list.Signallers) != 3 {
		t.Fatalf("signallers = %d, want the school, the police and the JGZ", len(list.Signallers))
	}
	for _, s := range list.Signallers {
		if s.Overdue {
			t.Errorf("signaller %s overdue on the day of acceptance", s.Organisation.Name)
		}
		// accepted Tuesday 1 December + 2 working days: the end of Thursday
		// 3 December in Amsterdam, 22:59:59.999 UTC.
		if got := s.Due.UTC().Format(time.DateTime); got != "2026-12-03 22:59:59" {
			t.Errorf("call %s before %s, want the end of 3 December", s.Organisation.Name, got)
		}
	}
	if len(list.Agreements) != 1 || list.Agreements[0].Agreement.Action != "huisbezoek" || list.Agreements[0].Mine || list.Agreements[0].Overdue {
		t.Fatalf("agreements = %+v", list.Agreements)
	}

	// The responsible professional of another organisation sees the
	// agreement as theirs, and nothing of the coordinator's own work.
	jgz, err := reg.Plans.Worklist(ctx, w.jgz)
	if err != nil {
		t.Fatal(err)
	}
	if len(jgz.Agreements) != 1 || !jgz.Agreements[0].Mine || len(jgz.Youths) != 0 || len(jgz.Signallers) != 0 {
		t.Errorf("jgz worklist = %+v", jgz)
	}

	// Calling the school and the JGZ takes them off the list.
	if _, err := reg.Plans.RecordContact(ctx, w.wijkteam, w.ref, w.schoolSignal.ID, testenv.Day("2026-12-01")); err != nil {
		t.Fatal(err)
	}
	for _, s := range list.Signallers {
		if s.Organisation.ID == w.jgz.Organisation.ID {
			if _, err := reg.Plans.RecordContact(ctx, w.wijkteam, w.ref, s.Registration, testenv.Day("2026-12-01")); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Monday 7 December: the agreement (until Friday 4 December) and the
	// police call (due Thursday 3 December) are overdue.
	w.env.Clock.Set(time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC))
	if list, err = reg.Plans.Worklist(ctx, w.wijkteam); err != nil {
		t.Fatal(err)
	}
	if len(list.Signallers) != 1 || list.Signallers[0].Organisation.ID != w.police.Organisation.ID || !list.Signallers[0].Overdue {
		t.Errorf("signallers = %+v, want only the police, overdue", list.Signallers)
	}
	if !list.Agreements[0].Overdue {
		t.Error("agreement past its end date not overdue")
	}
	if list.Overdue != 2 {
		t.Errorf("overdue = %d, want 2", list.Overdue)
	}
}

// TestWorklistShowsHandoversOfferedAndIsEmptyForAMonitor: the organisation
// a handover is offered to sees it; a monitoring account has no worklist.
func TestWorklistShowsHandoversOfferedAndIsEmptyForAMonitor(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	w.env.Register(t, w.jgz, population.BSNTeen, model.KindKetenregistratie)
	if _, err := w.env.Registry.Coordinations.ProposeHandover(ctx, w.wijkteam, w.ref, w.jgz.Organisation.ID); err != nil {
		t.Fatal(err)
	}
	list, err := w.env.Registry.Plans.Worklist(ctx, w.jgz)
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Handovers) != 1 || list.Handovers[0].From.ID != w.wijkteam.Organisation.ID || list.Handovers[0].Youth.Reference != w.ref {
		t.Errorf("handovers = %+v", list.Handovers)
	}

	monitor := w.wijkteam
	monitor.Professional.Monitoring = true
	empty, err := w.env.Registry.Plans.Worklist(ctx, monitor)
	if err != nil {
		t.Fatal(err)
	}
	if len(empty.Youths)+len(empty.Agreements)+len(empty.Signallers)+len(empty.Handovers)+len(empty.Escalations) != 0 {
		t.Errorf("a monitoring account has a worklist: %+v", empty)
	}
}

// TestWorklistShowsTheNextStepOfARunningEscalation: once the coordinator
// starts the escalation procedure, the worklist shows step 2 with its
// deadline two working days on, overdue when that passes.
func TestWorklistShowsTheNextStepOfARunningEscalation(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	// Thursday 26 November: step 2 is due by the end of Monday 30 November.
	w.env.Clock.Set(time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC))
	if _, err := w.env.Registry.Escalations.StartEscalation(ctx, w.wijkteam, w.ref); err != nil {
		t.Fatal(err)
	}
	list, err := w.env.Registry.Plans.Worklist(ctx, w.wijkteam)
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Escalations) != 1 {
		t.Fatalf("escalations = %+v", list.Escalations)
	}
	e := list.Escalations[0]
	if e.Youth.Reference != w.ref || e.Due == nil || e.Overdue || !strings.HasPrefix(e.Step, "Stap 2: ") {
		t.Errorf("escalation = %+v", e)
	}
	if got := e.Due.UTC().Format(time.DateTime); got != "2026-11-30 22:59:59" {
		t.Errorf("step 2 due %s, want the end of Monday 30 November", got)
	}
	w.env.Clock.Set(time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC))
	if list, err = w.env.Registry.Plans.Worklist(ctx, w.wijkteam); err != nil {
		t.Fatal(err)
	}
	if !list.Escalations[0].Overdue {
		t.Error("step 2 not overdue the day after its deadline")
	}
}

// TestAClosedCaseLeavesNoAgreementsToChase: after the coordinator closed the
// case, its open agreements neither appear on a worklist nor alert anyone.
func TestAClosedCaseLeavesNoAgreementsToChase(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	w.agree(t, "huisbezoek", w.wijkteam, "2026-11-23", "2026-11-24")
	if _, err := w.env.Registry.Coordinations.CloseCoordination(ctx, w.wijkteam, w.ref, true); err != nil {
		t.Fatal(err)
	}
	w.env.Clock.Set(time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC))
	n, err := w.env.Registry.SweepDeadlines(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d deadline messages about a closed case", n)
	}
	list, err := w.env.Registry.Plans.Worklist(ctx, w.wijkteam)
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Agreements)+len(list.Youths) != 0 {
		t.Errorf("worklist after closing = %+v", list)
	}
}

// TestNoOverdueAlertWithoutACoordinator: when coordination ended because
// the others left, the plan's open agreement does not alert its responsible
// professional, although that organisation is still involved.
func TestNoOverdueAlertWithoutACoordinator(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	w.agree(t, "huisbezoek", w.wijkteam, "2026-11-23", "2026-11-24")
	for _, r := range []struct {
		who usecase.Actor
		id  int64
	}{{w.school, w.schoolSignal.ID}, {w.police, w.policeSignal.ID}} {
		if _, err := w.env.Registry.Registrations.End(ctx, r.who, r.id); err != nil {
			t.Fatal(err)
		}
	}
	if _, running := testenv.Current(t, w.env, w.care.YouthID); running {
		t.Fatal("coordination still running with one organisation involved")
	}
	w.env.Clock.Set(time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC))
	if _, err := w.env.Registry.SweepDeadlines(ctx); err != nil {
		t.Fatal(err)
	}
	for _, m := range w.env.Inbox(t, w.wijkteam) {
		if m.Kind == plan.KindAgreementOverdue {
			t.Errorf("overdue message without a coordinator: %s", m.Subject)
		}
	}
}
