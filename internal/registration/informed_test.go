package registration_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestInformingDefaultsFollowTheYouthsAge(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	cases := []struct {
		name, bsn      string
		parents, youth model.Informed
	}{
		{"under 12: the youth is not informed", population.BSNChild, model.InformedNotYet, model.InformedNotApplicable},
		{"from 12: parents and youth", population.BSNTeen, model.InformedNotYet, model.InformedNotYet},
		{"of age: the parents are no legal representatives", population.BSNYoungAdult, model.InformedNotApplicable, model.InformedNotYet},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := env.Register(t, jh, c.bsn, model.KindKetenregistratie).Registration
			if r.ParentsInformed != c.parents || r.YouthInformed != c.youth {
				t.Fatalf("informed = %q/%q, want %q/%q", r.ParentsInformed, r.YouthInformed, c.parents, c.youth)
			}
			v, err := env.Registry.Registrations.Registration(ctx, jh, r.ID)
			if err != nil || v.Registration.ParentsInformed != c.parents || v.Registration.YouthInformed != c.youth {
				t.Fatalf("stored informed = %+v, %v", v.Registration, err)
			}
		})
	}
}

func TestSignalMayBeGivenWhenParentsDisagree(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	r, err := env.Registry.Registrations.Register(ctx, school, registration.Registering{
		BSN: population.BSNTeen, Kind: model.KindSignaal, Parents: model.InformedDisagrees, Youth: model.InformedNotSafe,
	})
	if err != nil || r.Registration.ParentsInformed != model.InformedDisagrees || r.Registration.YouthInformed != model.InformedNotSafe {
		t.Fatalf("signal with parents who disagree = %+v, %v", r.Registration, err)
	}
}

func TestInformingCodesAreAFixedListCheckedAgainstTheAge(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	cases := []struct {
		name, field, reason string
		in                  registration.Registering
	}{
		{"unknown parents' code", "ouders", "Onbekende code", registration.Registering{BSN: population.BSNTeen, Kind: model.KindSignaal, Parents: "ouders zijn boos"}},
		{"unknown youth's code", "jeugdige", "Onbekende code", registration.Registering{BSN: population.BSNTeen, Kind: model.KindSignaal, Youth: "ja"}},
		{"not applicable from 12", "jeugdige", "jonger dan 12", registration.Registering{BSN: population.BSNTeen, Kind: model.KindSignaal, Youth: model.InformedNotApplicable}},
		{"parents not applicable for a minor", "ouders", "meerderjarige", registration.Registering{BSN: population.BSNChild, Kind: model.KindSignaal, Parents: model.InformedNotApplicable}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := env.Registry.Registrations.Register(ctx, jh, c.in)
			testenv.AssertInvalid(t, err, c.field, c.reason)
			assertNothingStored(t, env)
		})
	}
	// An unknown code is named together with the other bad fields, before the register is asked.
	_, err := env.Registry.Registrations.Register(ctx, jh, registration.Registering{BSN: "123456789", Kind: model.KindSignaal, Parents: "x"})
	testenv.AssertInvalid(t, err, "ouders", "Onbekende code")
	testenv.AssertInvalid(t, err, "burgerservicenummer", "elfproef")
}

func TestOrganisationRecordsInformingLater(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	police := env.Pro(t, env.Org(t, "Politie", model.TypePolitie))
	r := env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie).Registration

	got, err := env.Registry.Registrations.SetInformed(ctx, jh, r.ID, model.InformedYes, "")
	if err != nil || got.ParentsInformed != model.InformedYes || got.YouthInformed != model.InformedNotYet {
		t.Fatalf("parents informed later = %+v, %v; want parents geinformeerd, youth unchanged", got, err)
	}
	if _, err := env.Registry.Registrations.SetInformed(ctx, police, r.ID, model.InformedYes, model.InformedYes); model.ErrorCode(err) != model.ENOTFOUND {
		t.Fatalf("another organisation recorded informing: %v", err)
	}
	_, err = env.Registry.Registrations.SetInformed(ctx, jh, r.ID, "", model.InformedNotApplicable)
	testenv.AssertInvalid(t, err, "jeugdige", "jonger dan 12")
	_, err = env.Registry.Registrations.SetInformed(ctx, jh, r.ID, "", "")
	testenv.AssertInvalid(t, err, "ouders", "allebei")
	v, _ := env.Registry.Registrations.Registration(ctx, jh, r.ID)
	if v.Registration.ParentsInformed != model.InformedYes || v.Registration.YouthInformed != model.InformedNotYet {
		t.Fatalf("refused input changed the registration: %+v", v.Registration)
	}
	var updates int
	testenv.RawDB(t, env).QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'update' AND object_type = 'registratie' AND object_id = $1`, testenv.Itoa(r.ID)).Scan(&updates)
	if updates != 1 {
		t.Fatalf("%d audit records of the change, want 1", updates)
	}
}
