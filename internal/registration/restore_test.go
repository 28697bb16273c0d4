package registration_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestOwnOrganisationRestoresAnEndingWithin24HoursAndItIsAudited(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	smw := env.Pro(t, env.Org(t, "SMW", model.TypeSMW))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	care := env.Register(t, smw, population.BSNTeen, model.KindKetenregistratie)
	if _, err := env.Registry.Registrations.End(ctx, smw, care.Registration.ID); err != nil {
		t.Fatal(err)
	}
	if c, ok := testenv.Current(t, env, care.Youth.ID); ok && c.OrganisationID == smw.Organisation.ID {
		t.Fatal("SMW still coordinates after ending")
	}
	schoolMatches := len(testenv.MessagesOfKind(env.Inbox(t, school), registration.KindMatch))

	env.Clock.Advance(23 * time.Hour)
	r, err := env.Registry.Registrations.Restore(ctx, smw, care.Registration.ID)
	if err != nil || !r.Active() || r.ID != care.Registration.ID {
		t.Fatalf("restore = %+v, %v", r, err)
	}
	if got := testenv.MustCurrent(t, env, care.Youth.ID); got.OrganisationID != smw.Organisation.ID {
		t.Errorf("coordinator after restore: organisation %d, want SMW %d", got.OrganisationID, smw.Organisation.ID)
	}
	// The school was matched with SMW before: no new match message.
	if n := len(testenv.MessagesOfKind(env.Inbox(t, school), registration.KindMatch)); n != schoolMatches {
		t.Errorf("school has %d match messages after the restore, had %d", n, schoolMatches)
	}
	db := testenv.RawDB(t, env)
	if n := testenv.CountWhere(t, db, `SELECT COUNT(*) FROM audit_log WHERE object_id = $1 AND purpose LIKE '%hersteld%'`, testenv.Itoa(r.ID)); n != 1 {
		t.Errorf("%d audit records of the restore, want 1", n)
	}
}

func TestRestoreAfter24HoursOrOfAnotherOrganisationIsRefused(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	police := env.Pro(t, env.Org(t, "Politie", model.TypePolitie))
	r := env.Register(t, school, population.BSNTeen, model.KindSignaal)
	if _, err := env.Registry.Registrations.Restore(ctx, school, r.Registration.ID); model.ErrorCode(err) != model.ECONFLICT {
		t.Errorf("restoring an active registration: %v, want ECONFLICT", err)
	}
	if _, err := env.Registry.Registrations.End(ctx, school, r.Registration.ID); err != nil {
		t.Fatal(err)
	}
	_, other := env.Registry.Registrations.Restore(ctx, police, r.Registration.ID)
	_, missing := env.Registry.Registrations.Restore(ctx, police, 999999)
	if model.ErrorCode(other) != model.ENOTFOUND || model.ErrorMessage(other) != model.ErrorMessage(missing) {
		t.Errorf("another organisation: %v; want the same not found as %v", other, missing)
	}
	env.Clock.Advance(24*time.Hour + time.Minute)
	_, late := env.Registry.Registrations.Restore(ctx, school, r.Registration.ID)
	if model.ErrorCode(late) != model.ECONFLICT || !strings.Contains(model.ErrorMessage(late), "langer dan 24 uur") {
		t.Errorf("restore after 24 hours: %v", late)
	}
	v, err := env.Registry.Registrations.Registration(ctx, school, r.Registration.ID)
	if err != nil || v.Registration.Active() {
		t.Errorf("refused restores changed the registration: %+v, %v", v.Registration, err)
	}
}

func TestOnlyAnEndingByTheOrganisationItselfCanBeRestored(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	short, err := env.Registry.Registrations.Register(ctx, jh, registration.Registering{BSN: population.BSNTeen, Kind: model.KindKetenregistratie, EndDate: testenv.Day("2026-11-23")})
	if err != nil {
		t.Fatal(err)
	}
	env.Clock.Advance(36 * time.Hour)
	if n, err := env.Registry.Registrations.Sweep(ctx); err != nil || n != 1 {
		t.Fatalf("sweep ended %d, %v", n, err)
	}
	_, err = env.Registry.Registrations.Restore(ctx, jh, short.Registration.ID)
	if model.ErrorCode(err) != model.ECONFLICT || !strings.Contains(model.ErrorMessage(err), "niet door uw organisatie beëindigd") {
		t.Errorf("restoring an ending by the sweep: %v", err)
	}
}

func TestRestoreRefusedWhenTheOrganisationRegisteredAgain(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	r := env.Register(t, school, population.BSNTeen, model.KindSignaal)
	if _, err := env.Registry.Registrations.End(ctx, school, r.Registration.ID); err != nil {
		t.Fatal(err)
	}
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	_, err := env.Registry.Registrations.Restore(ctx, school, r.Registration.ID)
	if model.ErrorCode(err) != model.ECONFLICT || !strings.Contains(model.ErrorMessage(err), "inmiddels weer een actieve") {
		t.Errorf("restore beside a new registration: %v", err)
	}
}

// An organisation that registered while the registration was ended never
// heard of it: it gets the match message now, and only it.
func TestRestoreTellsOnlyTheOrganisationsThatDidNotKnow(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	smw := env.Pro(t, env.Org(t, "SMW", model.TypeSMW))
	police := env.Pro(t, env.Org(t, "Politie", model.TypePolitie))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	care := env.Register(t, smw, population.BSNTeen, model.KindKetenregistratie)
	if _, err := env.Registry.Registrations.End(ctx, smw, care.Registration.ID); err != nil {
		t.Fatal(err)
	}
	env.Register(t, police, population.BSNTeen, model.KindSignaal) // matched with the school only
	schoolMatches := len(testenv.MessagesOfKind(env.Inbox(t, school), registration.KindMatch))
	policeMatches := len(testenv.MessagesOfKind(env.Inbox(t, police), registration.KindMatch))

	if _, err := env.Registry.Registrations.Restore(ctx, smw, care.Registration.ID); err != nil {
		t.Fatal(err)
	}
	if n := len(testenv.MessagesOfKind(env.Inbox(t, school), registration.KindMatch)); n != schoolMatches {
		t.Errorf("school has %d match messages after the restore, had %d: it knew SMW", n, schoolMatches)
	}
	got := testenv.MessagesOfKind(env.Inbox(t, police), registration.KindMatch)
	if len(got) != policeMatches+1 || !strings.Contains(got[0].Subject+got[len(got)-1].Subject, "SMW") {
		t.Errorf("police match messages %d (had %d), want one more naming SMW", len(got), policeMatches)
	}
}
