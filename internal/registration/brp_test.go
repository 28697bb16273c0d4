package registration_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestRegistrationLooksTheYouthUpInTheBRP(t *testing.T) {
	env := testenv.New(t)
	testenv.BRPRegister(t, env)
	pro := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	r := env.Register(t, pro, population.BSNTeen, model.KindSignaal)
	if got := r.Youth.Person.FullName(); got != "Jason Mastenbroek" {
		t.Errorf("youth %q, want Jason Mastenbroek", got)
	}
	_, err := env.Registry.Registrations.Register(ctx, pro, registration.Registering{BSN: "999999011", Kind: model.KindSignaal})
	testenv.AssertInvalid(t, err, "burgerservicenummer", "hoort niet bij een jeugdige")
}

func TestRegistrationWithTheBRPDownStoresNothing(t *testing.T) {
	env := testenv.New(t)
	srv := testenv.BRPRegister(t, env)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	smw := env.Pro(t, env.Org(t, "SMW", model.TypeSMW))
	env.Register(t, school, population.BSNChild, model.KindSignaal)
	raw := testenv.RawDB(t, env)
	tables := []string{"youths", "registrations", "matches", "coordinations", "messages", "outbox", "audit_log"}
	before := map[string]int{}
	for _, tb := range tables {
		before[tb] = testenv.Count(t, raw, tb)
	}
	srv.Close()

	// A new youth and a youth the index knows already: neither gets a
	// half-stored registration.
	for _, bsn := range []string{population.BSNTeen, population.BSNChild} {
		_, err := env.Registry.Registrations.Register(ctx, smw, registration.Registering{BSN: bsn, Kind: model.KindKetenregistratie})
		if model.ErrorCode(err) != model.EUNAVAILABLE {
			t.Fatalf("%s: error %v, want EUNAVAILABLE", bsn, err)
		}
		if want := "De basisregistratie personen (BRP) is nu niet bereikbaar; probeer het over enkele minuten opnieuw. Er is niets opgeslagen."; model.ErrorMessage(err) != want {
			t.Errorf("message %q, want %q", model.ErrorMessage(err), want)
		}
	}
	for _, tb := range tables {
		if n := testenv.Count(t, raw, tb); n != before[tb] {
			t.Errorf("%s: %d rows after registering with the BRP down, %d before", tb, n, before[tb])
		}
	}
}
