package plan_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/plan"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registry"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// planWorld is a youth with two signallers (a school and the police) and a
// wijkteam that coordinates; a JGZ is not involved.
type planWorld struct {
	env                        *testenv.Env
	school, police, wijkteam   usecase.Actor
	jgz                        usecase.Actor
	ref                        string
	schoolSignal, policeSignal model.Registration
	care                       model.Registration
}

func newPlanWorld(t *testing.T) *planWorld {
	t.Helper()
	env := testenv.New(t)
	w := &planWorld{
		env:      env,
		school:   env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs)),
		police:   env.Pro(t, env.Org(t, "Politie Oost-Brabant", model.TypePolitie)),
		wijkteam: env.Pro(t, env.Org(t, "Wijkteam Woensel", model.TypeWijkteam)),
		jgz:      env.Pro(t, env.Org(t, "JGZ Zuidoost-Brabant", model.TypeJGZ)),
	}
	w.schoolSignal = env.Register(t, w.school, population.BSNTeen, model.KindSignaal).Registration
	w.policeSignal = env.Register(t, w.police, population.BSNTeen, model.KindSignaal).Registration
	r := env.Register(t, w.wijkteam, population.BSNTeen, model.KindKetenregistratie)
	if r.Coordinator == nil || r.Coordinator.Organisation.ID != w.wijkteam.Organisation.ID {
		t.Fatalf("coordinator = %+v, want the wijkteam", r.Coordinator)
	}
	w.care, w.ref = r.Registration, r.Youth.Reference
	return w
}

// accept has the wijkteam accept coordination with its professional.
func (w *planWorld) accept(t *testing.T) {
	t.Helper()
	if _, err := w.env.Registry.Coordinations.AcceptCoordination(ctx, w.wijkteam, w.ref, ""); err != nil {
		t.Fatalf("accept coordination: %v", err)
	}
}

// agree makes an agreement as the coordinator and fails the test on error.
func (w *planWorld) agree(t *testing.T, action string, responsible usecase.Actor, start, end string) plan.PlannedAgreement {
	t.Helper()
	a, err := w.env.Registry.Plans.CreateAgreement(ctx, w.wijkteam, w.ref, plan.Agreeing{
		Action: action, Responsible: responsible.Professional.Email, Start: testenv.Day(start), End: testenv.Day(end),
	})
	if err != nil {
		t.Fatalf("create agreement: %v", err)
	}
	return a
}

func (w *planWorld) picture(t *testing.T, a usecase.Actor) registry.Page {
	t.Helper()
	p, err := w.env.Registry.YouthByReference(ctx, a, w.ref)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// planBeheerder is the regional administrator as the audit trail records
// the tests' administrative changes.
var planBeheerder = audit.Actor{Role: "beheerder", Source: "test"}

func wantPlanError(t *testing.T, err error, code string) {
	t.Helper()
	if model.ErrorCode(err) != code {
		t.Fatalf("error = %v, want %s", err, code)
	}
}

func TestEveryInvolvedProfessionalSeesThePlanOnlyTheCoordinatorMayChangeIt(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	w.agree(t, "huisbezoek", w.wijkteam, "2026-11-23", "2026-12-04")
	w.agree(t, "gesprek met jeugdige", w.school, "2026-11-24", "2026-11-30")

	for _, a := range []usecase.Actor{w.school, w.police, w.wijkteam} {
		p := w.picture(t, a).Plan
		if p == nil || len(p.Agreements) != 2 {
			t.Fatalf("%s sees plan %+v, want two agreements", a.Organisation.Name, p)
		}
		// The earliest end date first.
		if first := p.Agreements[0]; first.Action != "gesprek met jeugdige" || first.Responsible.ID != w.school.Professional.ID ||
			first.Organisation.ID != w.school.Organisation.ID || first.Status != model.AgreementOpen {
			t.Errorf("%s: first agreement %+v", a.Organisation.Name, first)
		}
		coordinator := a.Organisation.ID == w.wijkteam.Organisation.ID
		if p.MayChange != coordinator || (len(p.Actions) > 0) != coordinator || (len(p.Assignees) > 0) != coordinator {
			t.Errorf("%s: may change %v, %d actions, %d assignees; want the forms only for the coordinator",
				a.Organisation.Name, p.MayChange, len(p.Actions), len(p.Assignees))
		}
	}
	via, err := w.env.Registry.Plans.Plan(ctx, w.police, w.ref)
	if err != nil || len(via.Agreements) != 2 || via.MayChange {
		t.Fatalf("Plan for the police = %+v, %v", via, err)
	}
	// Whom the coordinator may make responsible: the involved organisations' staff.
	p := w.picture(t, w.wijkteam).Plan
	orgs := map[int64]bool{}
	for _, as := range p.Assignees {
		orgs[as.Organisation.ID] = true
	}
	if len(orgs) != 3 || orgs[w.jgz.Organisation.ID] {
		t.Errorf("assignees come from %v, want the three involved organisations", orgs)
	}
}

func TestThePlanIsNotFoundForWhoIsNotInvolved(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	_, err := w.env.Registry.Plans.Plan(ctx, w.jgz, w.ref)
	wantPlanError(t, err, model.ENOTFOUND)
	_, unknown := w.env.Registry.Plans.Plan(ctx, w.jgz, "J-ZZZZZZZZ")
	if model.ErrorMessage(err) != model.ErrorMessage(unknown) {
		t.Errorf("refusal %q differs from the answer for an unknown youth %q", model.ErrorMessage(err), model.ErrorMessage(unknown))
	}
	monitor := w.env.Monitor(t, w.wijkteam.Organisation)
	_, err = w.env.Registry.Plans.Plan(ctx, monitor, w.ref)
	wantPlanError(t, err, model.ENOTFOUND)
}

func TestThereIsNoPlanBeforeTheCoordinationIsAccepted(t *testing.T) {
	w := newPlanWorld(t)
	if p := w.picture(t, w.wijkteam).Plan; p != nil {
		t.Fatalf("plan %+v before acceptance, want none", p)
	}
	_, err := w.env.Registry.Plans.CreateAgreement(ctx, w.wijkteam, w.ref, plan.Agreeing{
		Action: "huisbezoek", Responsible: w.wijkteam.Professional.Email, Start: testenv.Day("2026-11-23"), End: testenv.Day("2026-11-30"),
	})
	wantPlanError(t, err, model.ECONFLICT)
	w.accept(t)
	p := w.picture(t, w.school).Plan
	if p == nil || len(p.Agreements) != 0 || len(p.Signallers) != 2 {
		t.Fatalf("plan after acceptance = %+v, want no agreements and the two signallers", p)
	}
}

// TestTheNewCoordinatorKeepsThePlan: agreements belong to the youth, not to
// the coordination; after a handover the new coordinator sees and changes
// them, and the old one may no longer.
func TestTheNewCoordinatorKeepsThePlan(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	a := w.agree(t, "huisbezoek", w.wijkteam, "2026-11-23", "2026-12-04")
	jeugdhulp := w.env.Pro(t, w.env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp))
	w.env.Register(t, jeugdhulp, population.BSNTeen, model.KindKetenregistratie)
	if _, err := w.env.Registry.Coordinations.ProposeHandover(ctx, w.wijkteam, w.ref, jeugdhulp.Organisation.ID); err != nil {
		t.Fatalf("propose handover: %v", err)
	}
	if _, err := w.env.Registry.Coordinations.AcceptHandover(ctx, jeugdhulp, w.ref, ""); err != nil {
		t.Fatalf("accept handover: %v", err)
	}

	p := w.picture(t, jeugdhulp).Plan
	if p == nil || !p.MayChange || len(p.Agreements) != 1 || p.Agreements[0].ID != a.ID {
		t.Fatalf("the new coordinator's plan = %+v, want the agreement made before, changeable", p)
	}
	done := model.AgreementDone
	changed, err := w.env.Registry.Plans.UpdateAgreement(ctx, jeugdhulp, w.ref, a.ID, plan.AgreementChange{Status: &done})
	if err != nil || changed.Status != model.AgreementDone || changed.CoordinationID != a.CoordinationID {
		t.Fatalf("update by the new coordinator = %+v, %v; want done, still under the coordination it was made in", changed, err)
	}
	_, err = w.env.Registry.Plans.UpdateAgreement(ctx, w.wijkteam, w.ref, a.ID, plan.AgreementChange{Status: &done})
	wantPlanError(t, err, model.EFORBIDDEN)
	// The wijkteam is a signaller to the new coordinator now.
	var listed bool
	for _, s := range p.Signallers {
		listed = listed || s.Organisation.ID == w.wijkteam.Organisation.ID
	}
	if !listed {
		t.Errorf("the former coordinator is not among the new coordinator's signallers: %+v", p.Signallers)
	}
}

// TestAgreementsOutliveTheCoordination: when coordination ends because
// nobody else is involved any more, the plan still shows what was agreed,
// but nobody may change it and there are no signallers to call.
func TestAgreementsOutliveTheCoordination(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	w.agree(t, "huisbezoek", w.wijkteam, "2026-11-23", "2026-12-04")
	for _, a := range []usecase.Actor{w.school, w.police} {
		id := w.schoolSignal.ID
		if a.Organisation.ID == w.police.Organisation.ID {
			id = w.policeSignal.ID
		}
		if _, err := w.env.Registry.Registrations.End(ctx, a, id); err != nil {
			t.Fatal(err)
		}
	}
	pic := w.picture(t, w.wijkteam)
	if pic.Coordinator != nil {
		t.Fatalf("coordinator %+v with nobody else involved", pic.Coordinator)
	}
	p := pic.Plan
	if p == nil || len(p.Agreements) != 1 || p.MayChange || len(p.Signallers) != 0 {
		t.Fatalf("plan after coordination ended = %+v, want the agreement, unchangeable, no signallers", p)
	}
}
