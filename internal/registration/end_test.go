package registration_test

import (
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestOrganisationEndsOnlyItsOwnRegistration(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	police := env.Pro(t, env.Org(t, "Politie", model.TypePolitie))
	r := env.Register(t, school, population.BSNTeen, model.KindSignaal)

	_, err := env.Registry.Registrations.End(ctx, police, r.Registration.ID)
	if model.ErrorCode(err) != model.ENOTFOUND {
		t.Fatalf("another organisation ended the registration: %v", err)
	}
	_, errMissing := env.Registry.Registrations.End(ctx, police, 999999)
	if model.ErrorMessage(err) != model.ErrorMessage(errMissing) {
		t.Fatalf("refusal %q differs from not found %q", model.ErrorMessage(err), model.ErrorMessage(errMissing))
	}
	ended, err := env.Registry.Registrations.End(ctx, school, r.Registration.ID)
	if err != nil || ended.Active() || ended.EndReason != model.EndByOrganisation {
		t.Fatalf("end by own organisation = %+v, %v", ended, err)
	}
	again, err := env.Registry.Registrations.End(ctx, school, r.Registration.ID)
	if err != nil || again.EndedAt == nil || !again.EndedAt.Equal(*ended.EndedAt) {
		t.Fatalf("ending twice = %+v, %v; want the same ended registration", again, err)
	}
}

func TestSweepEndsRegistrationsAfterTheirEndDate(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	ggz := env.Pro(t, env.Org(t, "GGZ", model.TypeGGZ))
	short, err := env.Registry.Registrations.Register(ctx, jh, registration.Registering{BSN: population.BSNTeen, Kind: model.KindKetenregistratie, EndDate: testenv.Day("2026-11-30")})
	if err != nil {
		t.Fatal(err)
	}
	env.Register(t, ggz, population.BSNTeen, model.KindKetenregistratie)

	env.Clock.Set(time.Date(2026, 11, 30, 22, 0, 0, 0, time.UTC)) // 23:00 on 30 November in Amsterdam
	if n, err := env.Registry.Registrations.Sweep(ctx); err != nil || n != 0 {
		t.Fatalf("sweep on the last day ended %d, %v; the end date is the last day it runs", n, err)
	}
	env.Clock.Set(time.Date(2026, 11, 30, 23, 30, 0, 0, time.UTC)) // 00:30 on 1 December in Amsterdam
	if n, err := env.Registry.Registrations.Sweep(ctx); err != nil || n != 1 {
		t.Fatalf("sweep the day after ended %d, %v; want 1", n, err)
	}
	v, err := env.Registry.Registrations.Registration(ctx, jh, short.Registration.ID)
	if err != nil || v.Registration.Active() || v.Registration.EndReason != model.EndDateReached {
		t.Fatalf("registration after sweep = %+v, %v", v.Registration, err)
	}
	if n, _ := env.Registry.Registrations.Sweep(ctx); n != 0 {
		t.Fatalf("second sweep ended %d more", n)
	}
}

func TestRegistrationsEndWhenTheYouthTurns24(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	ggz := env.Pro(t, env.Org(t, "GGZ", model.TypeGGZ))
	env.Register(t, jh, population.BSNTurns24Soon, model.KindKetenregistratie)
	r := env.Register(t, ggz, population.BSNTurns24Soon, model.KindKetenregistratie)
	env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie)

	env.Clock.Set(time.Date(2026, 12, 19, 12, 0, 0, 0, time.UTC))
	if n, err := env.Registry.Registrations.SweepAgeLimit(ctx); err != nil || n != 0 {
		t.Fatalf("sweep the day before the 24th birthday ended %d, %v", n, err)
	}
	env.Clock.Set(time.Date(2026, 12, 20, 12, 0, 0, 0, time.UTC))
	if n, err := env.Registry.Registrations.SweepAgeLimit(ctx); err != nil || n != 2 {
		t.Fatalf("sweep on the 24th birthday ended %d, %v; want both registrations", n, err)
	}
	if _, err := env.Registry.YouthByReference(ctx, ggz, r.Youth.Reference); model.ErrorCode(err) != model.ENOTFOUND {
		t.Fatalf("youth still visible after the age limit: %v", err)
	}
	if list, _ := env.Registry.Registrations.Registrations(ctx, jh, 10); len(list) != 2 || !list[0].Registration.Active() {
		t.Fatalf("the 13-year-old's registration was ended too: %+v", list)
	}
}
