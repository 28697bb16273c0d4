package plan_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestAWrongSignalIsRemovedOnlyAfterConsultingItsSignaller(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	raw := testenv.RawDB(t, w.env)

	err := w.env.Registry.Plans.RemoveWrongSignal(ctx, w.wijkteam, w.ref, w.policeSignal.ID, true)
	wantPlanError(t, err, model.ECONFLICT)
	if !strings.Contains(model.ErrorMessage(err), "Overleg eerst met de signaalgever") {
		t.Errorf("refusal %q does not say to consult the signaller first", model.ErrorMessage(err))
	}
	// Having called the signaller is not the consultation about a wrong signal.
	if _, err := w.env.Registry.Plans.RecordContact(ctx, w.wijkteam, w.ref, w.policeSignal.ID, testenv.Day("2026-11-23")); err != nil {
		t.Fatal(err)
	}
	wantPlanError(t, w.env.Registry.Plans.RemoveWrongSignal(ctx, w.wijkteam, w.ref, w.policeSignal.ID, true), model.ECONFLICT)
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM registrations WHERE id = $1`, w.policeSignal.ID); n != 1 {
		t.Fatal("the signal went before the consultation")
	}

	s, err := w.env.Registry.Plans.ConsultWrongSignal(ctx, w.wijkteam, w.ref, w.policeSignal.ID, testenv.Day("2026-11-23"))
	if err != nil || s.ConsultedOn == nil || !s.Removable() {
		t.Fatalf("consultation = %+v, %v", s, err)
	}
	if p := w.picture(t, w.school).Plan; signallerIn(t, p, w.policeSignal.ID).ConsultedOn != nil {
		t.Errorf("another signaller is shown the consultation about a wrong signal")
	}
	// Removal asks for an explicit confirmation.
	testenv.AssertInvalid(t, w.env.Registry.Plans.RemoveWrongSignal(ctx, w.wijkteam, w.ref, w.policeSignal.ID, false), "bevestigd", "Bevestig")
	w.env.Clock.Advance(time.Minute)
	if err := w.env.Registry.Plans.RemoveWrongSignal(ctx, w.wijkteam, w.ref, w.policeSignal.ID, true); err != nil {
		t.Fatalf("removal after consultation: %v", err)
	}

	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM registrations WHERE id = $1`, w.policeSignal.ID); n != 0 {
		t.Error("the wrong signal is still held (archived?)")
	}
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM signaller_contacts WHERE registration_id = $1 AND kind = 'overleg-onterecht'`, w.policeSignal.ID); n != 1 {
		t.Error("the consultation was not kept")
	}
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM audit_log WHERE action = 'remove' AND object_id = $1 AND professional_id = $2 AND purpose LIKE 'onterecht signaal verwijderd door de coördinator%'`,
		testenv.Itoa(w.policeSignal.ID), w.wijkteam.Professional.ID); n != 1 {
		t.Errorf("%d audit records of the removal by the coordinator, want 1", n)
	}
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM audit_log WHERE object_type = 'contact-signaalgever' AND purpose LIKE 'overleg met de signaalgever%'`); n != 1 {
		t.Errorf("%d audit records of the consultation, want 1", n)
	}
	// The signaller's organisation is told, and no longer sees the youth.
	told := testenv.MessagesOfKind(w.env.Inbox(t, w.police), registration.KindWithdrawn)
	if len(told) != 1 || !strings.Contains(told[0].Body, "Uw organisatie is niet meer bij deze jeugdige betrokken") {
		t.Fatalf("the police got %+v, want one message that its signal was withdrawn", told)
	}
	_, err = w.env.Registry.YouthByReference(ctx, w.police, w.ref)
	wantPlanError(t, err, model.ENOTFOUND)
	// The others involved are told too; the coordination stays.
	if got := testenv.MessagesOfKind(w.env.Inbox(t, w.school), registration.KindWithdrawn); len(got) != 1 {
		t.Errorf("the school got %d withdrawal messages, want 1", len(got))
	}
	pic := w.picture(t, w.wijkteam)
	if pic.Coordinator == nil || pic.Coordinator.Organisation.ID != w.wijkteam.Organisation.ID || len(pic.Plan.Signallers) != 1 {
		t.Fatalf("after the removal: coordinator %+v, signallers %+v", pic.Coordinator, pic.Plan.Signallers)
	}
}

func TestOnlyTheCoordinatorRemovesOnlyAnotherOrganisationsSignal(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	today := testenv.Day("2026-11-23")

	_, err := w.env.Registry.Plans.ConsultWrongSignal(ctx, w.school, w.ref, w.policeSignal.ID, today)
	wantPlanError(t, err, model.EFORBIDDEN)
	wantPlanError(t, w.env.Registry.Plans.RemoveWrongSignal(ctx, w.school, w.ref, w.policeSignal.ID, true), model.EFORBIDDEN)
	_, err = w.env.Registry.Plans.ConsultWrongSignal(ctx, w.jgz, w.ref, w.policeSignal.ID, today)
	wantPlanError(t, err, model.ENOTFOUND)
	wantPlanError(t, w.env.Registry.Plans.RemoveWrongSignal(ctx, w.jgz, w.ref, w.policeSignal.ID, true), model.ENOTFOUND)

	// Not its own registration, and never a care registration.
	_, err = w.env.Registry.Plans.ConsultWrongSignal(ctx, w.wijkteam, w.ref, w.care.ID, today)
	testenv.AssertInvalid(t, err, "registratie", "eigen organisatie")
	wantPlanError(t, w.env.Registry.Plans.RemoveWrongSignal(ctx, w.wijkteam, w.ref, w.care.ID, true), model.EINVALID)
	jeugdhulp := w.env.Pro(t, w.env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp))
	care := w.env.Register(t, jeugdhulp, population.BSNTeen, model.KindKetenregistratie).Registration
	_, err = w.env.Registry.Plans.ConsultWrongSignal(ctx, w.wijkteam, w.ref, care.ID, today)
	testenv.AssertInvalid(t, err, "registratie", "Alleen een signaal")
	testenv.AssertInvalid(t, w.env.Registry.Plans.RemoveWrongSignal(ctx, w.wijkteam, w.ref, care.ID, true), "registratie", "Alleen een signaal")

	if n := testenv.CountWhere(t, testenv.RawDB(t, w.env), `SELECT count(*) FROM signaller_contacts`); n != 0 {
		t.Fatalf("%d consultations stored after refusals", n)
	}
	if n := testenv.CountWhere(t, testenv.RawDB(t, w.env), `SELECT count(*) FROM registrations`); n != 4 {
		t.Fatalf("%d registrations, want all 4 kept", n)
	}
}

// TestAConsultationCountsOnlyInItsOwnCoordination: a new coordinator consults
// the signaller again before removing the signal.
func TestAConsultationCountsOnlyInItsOwnCoordination(t *testing.T) {
	w := newPlanWorld(t)
	w.accept(t)
	if _, err := w.env.Registry.Plans.ConsultWrongSignal(ctx, w.wijkteam, w.ref, w.policeSignal.ID, testenv.Day("2026-11-23")); err != nil {
		t.Fatal(err)
	}
	jeugdhulp := w.env.Pro(t, w.env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp))
	w.env.Register(t, jeugdhulp, population.BSNTeen, model.KindKetenregistratie)
	if _, err := w.env.Registry.Coordinations.ProposeHandover(ctx, w.wijkteam, w.ref, jeugdhulp.Organisation.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.env.Registry.Coordinations.AcceptHandover(ctx, jeugdhulp, w.ref, ""); err != nil {
		t.Fatal(err)
	}
	wantPlanError(t, w.env.Registry.Plans.RemoveWrongSignal(ctx, jeugdhulp, w.ref, w.policeSignal.ID, true), model.ECONFLICT)
}
