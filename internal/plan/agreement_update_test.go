package plan_test

import (
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/plan"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestTheCoordinatorChangesStatusDatesAndResponsible(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	a := w.agree(t, "huisbezoek", w.school, "2026-11-24", "2026-12-04")
	w.env.Clock.Advance(time.Hour)

	got, err := w.env.Registry.Plans.UpdateAgreement(ctx, w.wijkteam, w.ref, a.ID, plan.AgreementChange{
		Status: new(model.AgreementNotKept), End: testenv.Day("2026-12-11"), Responsible: new(w.police.Professional.Email),
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != model.AgreementNotKept || got.EndOn.Format(time.DateOnly) != "2026-12-11" || got.StartOn.Format(time.DateOnly) != "2026-11-24" ||
		got.Responsible.ID != w.police.Professional.ID || got.UpdatedBy != w.wijkteam.Professional.ID || got.UpdatedAt == nil {
		t.Fatalf("changed agreement = %+v", got)
	}
	if told := testenv.MessagesOfKind(w.env.Inbox(t, w.police), plan.KindAgreement); len(told) != 1 {
		t.Errorf("the new responsible got %d messages, want 1", len(told))
	}
	if n := testenv.CountWhere(t, testenv.RawDB(t, w.env), `SELECT count(*) FROM audit_log WHERE action = 'update' AND object_type = 'afspraak' AND object_id = $1`, testenv.Itoa(a.ID)); n != 1 {
		t.Errorf("%d audit records of the change, want 1", n)
	}
	// The same values again change nothing and tell nobody.
	w.env.Clock.Advance(time.Hour)
	again, err := w.env.Registry.Plans.UpdateAgreement(ctx, w.wijkteam, w.ref, a.ID, plan.AgreementChange{Responsible: new(w.police.Professional.Email)})
	if err != nil || !again.UpdatedAt.Equal(*got.UpdatedAt) {
		t.Fatalf("unchanged update = %+v, %v", again, err)
	}
	if told := testenv.MessagesOfKind(w.env.Inbox(t, w.police), plan.KindAgreement); len(told) != 1 {
		t.Errorf("an unchanged responsible was told again")
	}
}

func TestAnAgreementChangeIsCheckedAndBadInputChangesNothing(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	a := w.agree(t, "huisbezoek", w.school, "2026-11-24", "2026-12-04")
	cases := []struct {
		name   string
		change plan.AgreementChange
		field  string
	}{
		{"unknown status", plan.AgreementChange{Status: new("half")}, "status"},
		{"end before start", plan.AgreementChange{End: testenv.Day("2026-11-23")}, "einddatum"},
		{"start after end", plan.AgreementChange{Start: testenv.Day("2026-12-05")}, "einddatum"},
		{"responsible not involved", plan.AgreementChange{Responsible: new(w.jgz.Professional.Email), Status: new(model.AgreementDone)}, "verantwoordelijke"},
	}
	for _, tc := range cases {
		_, err := w.env.Registry.Plans.UpdateAgreement(ctx, w.wijkteam, w.ref, a.ID, tc.change)
		if model.ErrorCode(err) != model.EINVALID || model.ErrorParams(err)[0].Name != tc.field {
			t.Errorf("%s: %v, want EINVALID on %s", tc.name, err, tc.field)
		}
	}
	p, err := w.env.Registry.Plans.Plan(ctx, w.wijkteam, w.ref)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Agreements[0]; got.Status != model.AgreementOpen || got.EndOn.Format(time.DateOnly) != "2026-12-04" || got.Responsible.ID != w.school.Professional.ID || got.UpdatedAt != nil {
		t.Fatalf("after refused changes the agreement is %+v", got)
	}
}

func TestOnlyTheCoordinatorChangesAnAgreementOfThisYouth(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	a := w.agree(t, "huisbezoek", w.school, "2026-11-24", "2026-12-04")
	done := plan.AgreementChange{Status: new(model.AgreementDone)}

	_, err := w.env.Registry.Plans.UpdateAgreement(ctx, w.school, w.ref, a.ID, done)
	wantPlanError(t, err, model.EFORBIDDEN)
	_, err = w.env.Registry.Plans.UpdateAgreement(ctx, w.jgz, w.ref, a.ID, done)
	wantPlanError(t, err, model.ENOTFOUND)
	_, err = w.env.Registry.Plans.UpdateAgreement(ctx, w.wijkteam, w.ref, a.ID+100, done)
	wantPlanError(t, err, model.ENOTFOUND)

	// An agreement about another youth is not found under this one.
	other := w.env.Register(t, w.school, population.BSNChild, model.KindSignaal)
	w.env.Register(t, w.wijkteam, population.BSNChild, model.KindKetenregistratie)
	if _, err := w.env.Registry.Coordinations.AcceptCoordination(ctx, w.wijkteam, other.Youth.Reference, ""); err != nil {
		t.Fatal(err)
	}
	elsewhere, err := w.env.Registry.Plans.CreateAgreement(ctx, w.wijkteam, other.Youth.Reference, plan.Agreeing{
		Action: "huisbezoek", Responsible: w.wijkteam.Professional.Email, Start: testenv.Day("2026-11-24"), End: testenv.Day("2026-12-04"),
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.env.Registry.Plans.UpdateAgreement(ctx, w.wijkteam, w.ref, elsewhere.ID, done)
	wantPlanError(t, err, model.ENOTFOUND)
}
