package plan_test

import (
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/plan"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// signallerIn finds the signaller of registration id in a plan.
func signallerIn(t *testing.T, p *plan.Plan, id int64) plan.Signaller {
	t.Helper()
	if p == nil {
		t.Fatal("no plan")
	}
	for _, s := range p.Signallers {
		if s.Registration.ID == id {
			return s
		}
	}
	t.Fatalf("registration %d is not among the signallers %+v", id, p.Signallers)
	return plan.Signaller{}
}

func TestTheCoordinatorRecordsThatEachSignallerWasCalled(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	p := w.picture(t, w.wijkteam).Plan
	if len(p.Signallers) != 2 {
		t.Fatalf("signallers = %+v, want the school and the police, not the coordinator itself", p.Signallers)
	}
	for _, s := range p.Signallers {
		if s.ContactedOn != nil || s.Professional.Phone == "" {
			t.Errorf("signaller %+v: want a phone number and not called yet", s)
		}
	}

	got, err := w.env.Registry.Plans.RecordContact(ctx, w.wijkteam, w.ref, w.schoolSignal.ID, testenv.Day("2026-11-23"))
	if err != nil || got.ContactedOn == nil || got.ContactedOn.Format(time.DateOnly) != "2026-11-23" || got.Organisation.ID != w.school.Organisation.ID {
		t.Fatalf("recorded contact = %+v, %v", got, err)
	}
	// Every involved professional sees who was called.
	seen := w.picture(t, w.police).Plan
	if s := signallerIn(t, seen, w.schoolSignal.ID); s.ContactedOn == nil {
		t.Errorf("the police do not see that the school was called")
	}
	if s := signallerIn(t, seen, w.policeSignal.ID); s.ContactedOn != nil {
		t.Errorf("the police show as called: %+v", s)
	}
	// Recording it again corrects the day; it stays one fact.
	w.env.Clock.Advance(24 * time.Hour)
	if _, err := w.env.Registry.Plans.RecordContact(ctx, w.wijkteam, w.ref, w.schoolSignal.ID, testenv.Day("2026-11-24")); err != nil {
		t.Fatal(err)
	}
	raw := testenv.RawDB(t, w.env)
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM signaller_contacts WHERE registration_id = $1 AND kind = 'contact' AND contacted_on = '2026-11-24'`, w.schoolSignal.ID); n != 1 {
		t.Errorf("%d contact rows with the corrected day, want 1", n)
	}
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM audit_log WHERE object_type = 'contact-signaalgever' AND professional_id = $1`, w.wijkteam.Professional.ID); n != 2 {
		t.Errorf("%d audit records of contacts, want 2", n)
	}
}

func TestAContactDayIsNeitherInTheFutureNorBeforeTheRegistration(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	for on, reason := range map[string]string{"2026-11-24": "toekomst", "2026-11-22": "vóór de registratie"} {
		_, err := w.env.Registry.Plans.RecordContact(ctx, w.wijkteam, w.ref, w.schoolSignal.ID, testenv.Day(on))
		testenv.AssertInvalid(t, err, "datum", reason)
	}
	_, err := w.env.Registry.Plans.RecordContact(ctx, w.wijkteam, w.ref, w.schoolSignal.ID, nil)
	testenv.AssertInvalid(t, err, "datum", "Vul de datum")
	if n := testenv.CountWhere(t, testenv.RawDB(t, w.env), `SELECT count(*) FROM signaller_contacts`); n != 0 {
		t.Fatalf("%d contacts stored after refused input", n)
	}
	// Late in the evening, "today" is still the Dutch day.
	w.env.Clock.Set(testenv.WallClock("2026-11-24 00:30"))
	if _, err := w.env.Registry.Plans.RecordContact(ctx, w.wijkteam, w.ref, w.schoolSignal.ID, testenv.Day("2026-11-24")); err != nil {
		t.Fatalf("a contact on the Dutch day just begun: %v", err)
	}
}

func TestSignallersAreTheOtherOrganisationsActiveRegistrations(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	today := testenv.Day("2026-11-23")

	_, err := w.env.Registry.Plans.RecordContact(ctx, w.wijkteam, w.ref, w.care.ID, today)
	testenv.AssertInvalid(t, err, "registratie", "eigen organisatie")
	_, err = w.env.Registry.Plans.RecordContact(ctx, w.wijkteam, w.ref, 987654, today)
	wantPlanError(t, err, model.ENOTFOUND)
	other := w.env.Register(t, w.police, population.BSNChild, model.KindSignaal)
	_, err = w.env.Registry.Plans.RecordContact(ctx, w.wijkteam, w.ref, other.Registration.ID, today)
	wantPlanError(t, err, model.ENOTFOUND)
	if _, err := w.env.Registry.Registrations.End(ctx, w.police, w.policeSignal.ID); err != nil {
		t.Fatal(err)
	}
	_, err = w.env.Registry.Plans.RecordContact(ctx, w.wijkteam, w.ref, w.policeSignal.ID, today)
	wantPlanError(t, err, model.ENOTFOUND)

	_, err = w.env.Registry.Plans.RecordContact(ctx, w.school, w.ref, w.schoolSignal.ID, today)
	wantPlanError(t, err, model.EFORBIDDEN)
	_, err = w.env.Registry.Plans.RecordContact(ctx, w.jgz, w.ref, w.schoolSignal.ID, today)
	wantPlanError(t, err, model.ENOTFOUND)
	if n := testenv.CountWhere(t, testenv.RawDB(t, w.env), `SELECT count(*) FROM signaller_contacts`); n != 0 {
		t.Fatalf("%d contacts stored after refusals", n)
	}
}
