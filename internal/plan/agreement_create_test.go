package plan_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/plan"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestTheCoordinatorMakesAnAgreementAndTheResponsibleIsTold(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	a := w.agree(t, "gesprek met jeugdige", w.school, "2026-11-24", "2026-12-04")

	if a.ID == 0 || a.Action != "gesprek met jeugdige" || a.Responsible.ID != w.school.Professional.ID || a.Status != "open" ||
		a.StartOn.Format(time.DateOnly) != "2026-11-24" || a.EndOn.Format(time.DateOnly) != "2026-12-04" || a.CreatedBy != w.wijkteam.Professional.ID {
		t.Fatalf("agreement = %+v", a)
	}
	told := testenv.MessagesOfKind(w.env.Inbox(t, w.school), plan.KindAgreement)
	if len(told) != 1 {
		t.Fatalf("the responsible professional got %d agreement messages, want 1", len(told))
	}
	for _, want := range []string{w.ref, "gesprek met jeugdige", "24 november 2026", "4 december 2026", w.wijkteam.Professional.Phone} {
		if !strings.Contains(told[0].Body, want) {
			t.Errorf("message lacks %q:\n%s", want, told[0].Body)
		}
	}
	pic := w.picture(t, w.school)
	if strings.Contains(told[0].Body+told[0].Subject, pic.Youth.Person.FamilyName) {
		t.Errorf("the message names the youth:\n%s", told[0].Body)
	}
	raw := testenv.RawDB(t, w.env)
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM audit_log WHERE action = 'create' AND object_type = 'afspraak' AND object_id = $1 AND professional_id = $2`,
		testenv.Itoa(a.ID), w.wijkteam.Professional.ID); n != 1 {
		t.Errorf("%d audit records of making the agreement, want 1", n)
	}
	// Assigning it to oneself tells nobody.
	before := len(w.env.Inbox(t, w.wijkteam))
	w.agree(t, "huisbezoek", w.wijkteam, "2026-11-24", "2026-12-04")
	if got := testenv.MessagesOfKind(w.env.Inbox(t, w.wijkteam)[:len(w.env.Inbox(t, w.wijkteam))-before], plan.KindAgreement); len(got) != 0 {
		t.Errorf("the coordinator was told about an agreement they assigned to themselves")
	}
}

func TestOnlyTheCoordinatorMakesAgreements(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	in := plan.Agreeing{Action: "huisbezoek", Responsible: w.school.Professional.Email, Start: testenv.Day("2026-11-24"), End: testenv.Day("2026-12-04")}
	_, err := w.env.Registry.Plans.CreateAgreement(ctx, w.school, w.ref, in)
	wantPlanError(t, err, model.EFORBIDDEN)
	_, err = w.env.Registry.Plans.CreateAgreement(ctx, w.jgz, w.ref, in)
	wantPlanError(t, err, model.ENOTFOUND)
	_, err = w.env.Registry.Plans.CreateAgreement(ctx, w.env.Monitor(t, w.wijkteam.Organisation), w.ref, in)
	wantPlanError(t, err, model.ENOTFOUND)
	// A colleague of the coordinating professional stands in.
	colleague := w.env.Pro(t, w.wijkteam.Organisation)
	if _, err := w.env.Registry.Plans.CreateAgreement(ctx, colleague, w.ref, in); err != nil {
		t.Fatalf("a colleague in the coordinating organisation: %v", err)
	}
	if n := testenv.CountWhere(t, testenv.RawDB(t, w.env), `SELECT count(*) FROM agreements`); n != 1 {
		t.Fatalf("%d agreements, want only the colleague's", n)
	}
}

func TestAnAgreementsActionMustBeOnTheRegionsList(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	for _, action := range []string{"", "Sanne wordt thuis geslagen", "huisbezoek door de politie"} {
		_, err := w.env.Registry.Plans.CreateAgreement(ctx, w.wijkteam, w.ref, plan.Agreeing{
			Action: action, Responsible: w.school.Professional.Email, Start: testenv.Day("2026-11-24"), End: testenv.Day("2026-12-04"),
		})
		testenv.AssertInvalid(t, err, "actie", "lijst van de regio")
		if action != "" && strings.Contains(model.ErrorMessage(err)+model.ErrorParams(err)[0].Reason, action) {
			t.Errorf("the refusal repeats the free text %q", action)
		}
	}
	if n := testenv.CountWhere(t, testenv.RawDB(t, w.env), `SELECT count(*) FROM agreements`); n != 0 {
		t.Fatalf("%d agreements stored after refused input", n)
	}
	if got := testenv.MessagesOfKind(w.env.Inbox(t, w.school), plan.KindAgreement); len(got) != 0 {
		t.Fatalf("refused input told the responsible professional")
	}
}

func TestAnAgreementEndsOnOrAfterItsStart(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	_, err := w.env.Registry.Plans.CreateAgreement(ctx, w.wijkteam, w.ref, plan.Agreeing{
		Action: "huisbezoek", Responsible: w.school.Professional.Email, Start: testenv.Day("2026-12-04"), End: testenv.Day("2026-12-03"),
	})
	testenv.AssertInvalid(t, err, "einddatum", "vóór de startdatum")
	_, err = w.env.Registry.Plans.CreateAgreement(ctx, w.wijkteam, w.ref, plan.Agreeing{Action: "huisbezoek", Responsible: w.school.Professional.Email})
	testenv.AssertInvalid(t, err, "startdatum", "startdatum")
	testenv.AssertInvalid(t, err, "einddatum", "einddatum")
	if n := testenv.CountWhere(t, testenv.RawDB(t, w.env), `SELECT count(*) FROM agreements`); n != 0 {
		t.Fatalf("%d agreements stored after refused input", n)
	}
	// One day is enough.
	w.agree(t, "huisbezoek", w.school, "2026-12-04", "2026-12-04")
}

func TestTheResponsibleWorksForAnInvolvedOrganisation(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	gone := w.env.Pro(t, w.school.Organisation)
	if err := w.env.Region.DeactivateProfessional(ctx, planBeheerder, gone.Professional.ID); err != nil {
		t.Fatal(err)
	}
	monitor := w.env.Monitor(t, w.wijkteam.Organisation)
	for who, email := range map[string]string{
		"not involved": w.jgz.Professional.Email, "unknown": "niemand@nergens.example", "inactive": gone.Professional.Email,
		"monitoring account": monitor.Professional.Email, "empty": "",
	} {
		_, err := w.env.Registry.Plans.CreateAgreement(ctx, w.wijkteam, w.ref, plan.Agreeing{
			Action: "huisbezoek", Responsible: email, Start: testenv.Day("2026-11-24"), End: testenv.Day("2026-12-04"),
		})
		if model.ErrorCode(err) != model.EINVALID || model.ErrorParams(err)[0].Name != "verantwoordelijke" {
			t.Errorf("%s as responsible: %v, want EINVALID on verantwoordelijke", who, err)
		}
	}
	// A colleague of the signaller who did not register is involved through the organisation.
	colleague := w.env.Pro(t, w.police.Organisation)
	w.agree(t, "huisbezoek", colleague, "2026-11-24", "2026-12-04")
}
