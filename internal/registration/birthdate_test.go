package registration_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// teenBorn is BSNTeen's birth date (population/testpersons.go).
var teenBorn = testenv.Day("2012-12-30")

func TestRegistrationWithTheRightBirthDateIsStored(t *testing.T) {
	env := testenv.New(t)
	pro := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	r, err := env.Registry.Registrations.Register(ctx, pro, registration.Registering{BSN: population.BSNTeen, BirthDate: teenBorn, BirthDateRequired: true, Kind: model.KindSignaal})
	if err != nil || !r.Created {
		t.Fatalf("register with the right birth date: %v, created %v", err, r.Created)
	}
}

// A typo in the BSN that hits another child, an unknown number, an adult and
// a birth date in the future are refused alike: the answer says nothing of
// whom the BSN belongs to (issue 14).
func TestBSNAndBirthDateOfDifferentPersonsGetOneRefusalThatDisclosesNothing(t *testing.T) {
	cases := []struct {
		name, bsn string
		born      string
	}{
		{"another child's birth date", population.BSNTeen, "2017-01-06"},
		{"unknown person", "111222333", "2012-12-30"},
		{"adult with her own birth date", population.BSNAdult, "1985-12-01"},
		{"adult with a child's birth date", population.BSNAdult, "2017-01-06"},
		{"birth date in the future", population.BSNTeen, "2030-01-01"},
	}
	env := testenv.New(t)
	pro := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	var first string
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := env.Registry.Registrations.Register(ctx, pro, registration.Registering{BSN: c.bsn, BirthDate: testenv.Day(c.born), Kind: model.KindSignaal})
			testenv.AssertInvalid(t, err, "burgerservicenummer", "horen niet bij een jeugdige in de basisregistratie personen")
			testenv.AssertInvalid(t, err, "geboortedatum", "horen niet bij een jeugdige in de basisregistratie personen")
			assertDisclosesNothing(t, err)
			if first == "" {
				first = errorText(err)
			} else if got := errorText(err); got != first {
				t.Errorf("refusal %q differs from the first case's %q", got, first)
			}
			assertNothingStored(t, env)
		})
	}
}

// Without a birth date (an API call in a region that does not require it)
// the unknown and the adult get one refusal too, without the age.
func TestAdultAndUnknownBSNWithoutBirthDateGetOneRefusalWithoutAge(t *testing.T) {
	env := testenv.New(t)
	pro := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	_, adult := env.Registry.Registrations.Register(ctx, pro, registration.Registering{BSN: population.BSNAdult, Kind: model.KindSignaal})
	_, unknown := env.Registry.Registrations.Register(ctx, pro, registration.Registering{BSN: "111222333", Kind: model.KindSignaal})
	testenv.AssertInvalid(t, adult, "burgerservicenummer", "hoort niet bij een jeugdige")
	assertDisclosesNothing(t, adult)
	if errorText(adult) != errorText(unknown) {
		t.Errorf("adult %q and unknown %q are told apart", errorText(adult), errorText(unknown))
	}
	assertNothingStored(t, env)
}

func TestInvalidBSNKeepsItsOwnFormatError(t *testing.T) {
	env := testenv.New(t)
	pro := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	_, err := env.Registry.Registrations.Register(ctx, pro, registration.Registering{BSN: "123456789", BirthDate: teenBorn, Kind: model.KindSignaal})
	testenv.AssertInvalid(t, err, "burgerservicenummer", "elfproef")
	assertNothingStored(t, env)
}

func TestBirthDateIsRefusedMissingWhenRequired(t *testing.T) {
	env := testenv.New(t)
	pro := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	_, err := env.Registry.Registrations.Register(ctx, pro, registration.Registering{BSN: population.BSNTeen, BirthDateRequired: true, Kind: model.KindSignaal})
	testenv.AssertInvalid(t, err, "geboortedatum", "Vul de geboortedatum")
	assertNothingStored(t, env)

	// Not required: the BSN alone still registers (the API's default).
	if _, err := env.Registry.Registrations.Register(ctx, pro, registration.Registering{BSN: population.BSNChild, Kind: model.KindSignaal}); err != nil {
		t.Fatal(err)
	}
}

// assertDisclosesNothing fails when a refusal names the person or their age.
func assertDisclosesNothing(t *testing.T, err error) {
	t.Helper()
	text := errorText(err)
	for _, leak := range []string{"jaar", "Moulin", "Suzanne", "Mastenbroek", "Jason", "Charbon", "40", "13", "9 "} {
		if strings.Contains(text, leak) {
			t.Errorf("refusal %q discloses %q", text, leak)
		}
	}
}

// errorText is the error's message and every field reason, as an edge shows them.
func errorText(err error) string {
	s := model.ErrorMessage(err)
	for _, p := range model.ErrorParams(err) {
		s += " | " + p.Name + ": " + p.Reason
	}
	return s
}
