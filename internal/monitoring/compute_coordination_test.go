package monitoring_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/plan"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// coordinationMeasures are the measures this file's test checks exactly.
var coordinationMeasures = []string{
	monitoring.MeasureNotNeeded, monitoring.MeasureHandovers, monitoring.MeasureCoordinationEnds,
	monitoring.MeasureCoordinationsRunning, monitoring.MeasureAcceptance, monitoring.MeasureAcceptanceOverdue,
	monitoring.MeasureAgreements, monitoring.MeasureAgreementsOpen, monitoring.MeasureEscalationsStarted,
	monitoring.MeasureEscalationsEnded, monitoring.MeasureEscalationSteps, monitoring.MeasurePyramid,
}

func TestCoordinationPlansAndEscalationsAreCountedInTheMonthTheyHappened(t *testing.T) {
	c := testenv.NewCareCase(t) // Monday 23 November 10:00: Jeugdhulp Brabant assigned for the child
	env := c.Env
	c.Accept(t, c.JH)
	ggz := c.Join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)

	// The teen: the assigned organisation finds coordination not needed.
	oost := env.Pro(t, env.Org(t, "Jeugdhulp Oost", model.TypeJeugdhulp))
	env.Register(t, c.School, population.BSNTeen, model.KindSignaal)
	teen := env.Register(t, oost, population.BSNTeen, model.KindKetenregistratie)
	if teen.Coordinator == nil || teen.Coordinator.Organisation.ID != oost.Organisation.ID {
		t.Fatalf("the teen's coordinator is %+v, want Jeugdhulp Oost", teen.Coordinator)
	}
	if _, err := env.Registry.Coordinations.CoordinationNotNeeded(ctx, oost, teen.Youth.Reference, model.NotNeededAdequateCare); err != nil {
		t.Fatal(err)
	}

	// The plan: five agreements, three ending in November, one in
	// December and one in January.
	agree := func(end string) int64 {
		t.Helper()
		a, err := env.Registry.Plans.CreateAgreement(ctx, c.JH, c.Ref, plan.Agreeing{
			Action: "huisbezoek", Responsible: c.JH.Professional.Email, Start: testenv.Day("2026-11-23"), End: testenv.Day(end)})
		if err != nil {
			t.Fatalf("agreement until %s: %v", end, err)
		}
		return a.ID
	}
	mark := func(id int64, status string) {
		t.Helper()
		if _, err := env.Registry.Plans.UpdateAgreement(ctx, c.JH, c.Ref, id, plan.AgreementChange{Status: &status}); err != nil {
			t.Fatalf("agreement %d %s: %v", id, status, err)
		}
	}
	kept, notKept := agree("2026-11-25"), agree("2026-11-26")
	agree("2026-11-27") // left open: overdue
	december := agree("2026-12-10")
	agree("2027-01-15") // open stock at the end of November and of December

	// An escalation in November, withdrawn while step 3 is due.
	at(env, "2026-11-24 10:00")
	if _, err := env.Registry.Escalations.StartEscalation(ctx, c.JH, c.Ref); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Registry.Escalations.RecordEscalationStep(ctx, c.JH, c.Ref, 2, ""); err != nil {
		t.Fatal(err)
	}
	at(env, "2026-11-25 10:00")
	if _, err := env.Registry.Escalations.WithdrawEscalation(ctx, c.JH, c.Ref); err != nil {
		t.Fatal(err)
	}
	mark(kept, model.AgreementDone)
	at(env, "2026-11-27 10:00")
	mark(notKept, model.AgreementNotKept)
	at(env, "2026-11-30 10:00")
	mark(december, model.AgreementDone) // done early: no longer open stock

	// December: a handover declined, then one accepted.
	at(env, "2026-12-01 10:00")
	if _, err := env.Registry.Coordinations.ProposeHandover(ctx, c.JH, c.Ref, ggz.Organisation.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Registry.Coordinations.DeclineHandover(ctx, ggz, c.Ref); err != nil {
		t.Fatal(err)
	}
	at(env, "2026-12-02 10:00")
	if _, err := env.Registry.Coordinations.ProposeHandover(ctx, c.JH, c.Ref, ggz.Organisation.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Registry.Coordinations.AcceptHandover(ctx, ggz, c.Ref, ""); err != nil {
		t.Fatal(err)
	}
	// January: the new coordinator closes the case.
	at(env, "2027-01-05 10:00")
	if _, err := env.Registry.Coordinations.CloseCoordination(ctx, ggz, c.Ref, true); err != nil {
		t.Fatal(err)
	}

	makeMonthsAt(t, env, "2027-02-01 07:00", 3)
	town, tTown := townOf(t, env, c.Ref), townOf(t, env, teen.Youth.Reference)
	jh, g := c.JH.Organisation.ID, ggz.Organisation.ID

	nov := counts{}
	nov.add(tTown, oost.Organisation.ID, monitoring.MeasureNotNeeded, string(model.NotNeededAdequateCare), 1)
	nov.add(town, jh, monitoring.MeasureAcceptance, "op-tijd", 1)
	nov.add(town, jh, monitoring.MeasureCoordinationsRunning, "", 1) // the teen's is not running: not needed
	nov.add(town, 0, monitoring.MeasureAgreements, "nagekomen", 1)
	nov.add(town, 0, monitoring.MeasureAgreements, "niet-nagekomen", 1)
	nov.add(town, 0, monitoring.MeasureAgreements, "verlopen", 1)
	nov.add(town, 0, monitoring.MeasureAgreementsOpen, "", 1)
	nov.add(town, 0, monitoring.MeasureEscalationsStarted, model.AuthorityAlderman, 1)
	nov.add(town, 0, monitoring.MeasureEscalationsEnded, model.EscalationWithdrawn, 1)
	nov.add(town, 0, monitoring.MeasureEscalationSteps, "3", 1)
	wantCounts(t, monthCounts(t, env, "2026-11"), "2026-11", nov, coordinationMeasures...)

	dec := counts{}
	dec.add(town, 0, monitoring.MeasureHandovers, "geweigerd", 1)
	dec.add(town, 0, monitoring.MeasureHandovers, "geaccepteerd", 1)
	dec.add(town, jh, monitoring.MeasureCoordinationEnds, model.EndByHandover, 1)
	dec.add(town, g, monitoring.MeasureCoordinationsRunning, "", 1) // a handover's coordinator began accepted: no acceptance
	dec.add(town, 0, monitoring.MeasureAgreements, "nagekomen", 1)
	dec.add(town, 0, monitoring.MeasureAgreementsOpen, "", 1)
	wantCounts(t, monthCounts(t, env, "2026-12"), "2026-12", dec, coordinationMeasures...)

	jan := counts{}
	jan.add(town, g, monitoring.MeasureCoordinationEnds, model.EndByClosing, 1)
	jan.add(town, 0, monitoring.MeasureAgreements, "verlopen", 1) // still open when January was made
	wantCounts(t, monthCounts(t, env, "2027-01"), "2027-01", jan, coordinationMeasures...)
}
