package registration_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestInformingGivenAtRegistrationIsRecorded(t *testing.T) {
	env := testenv.New(t)
	pro := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	r, err := env.Registry.Registrations.Register(ctx, pro, registration.Registering{BSN: population.BSNTeen, Kind: model.KindSignaal,
		Parents: model.InformedNotSafe, Youth: model.InformedYes})
	if err != nil {
		t.Fatal(err)
	}
	if r.Registration.ParentsInformed != model.InformedNotSafe || r.Registration.YouthInformed != model.InformedYes {
		t.Errorf("informing %q/%q, want %q/%q", r.Registration.ParentsInformed, r.Registration.YouthInformed, model.InformedNotSafe, model.InformedYes)
	}
}

// A repeated registration applies the informing sent with it, as issue 19
// made it apply the end date, and the answer says so.
func TestRepeatedRegistrationAppliesTheInformingGiven(t *testing.T) {
	env := testenv.New(t)
	pro := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	first := env.Register(t, pro, population.BSNTeen, model.KindSignaal)
	if first.Registration.ParentsInformed != model.InformedNotYet {
		t.Fatalf("default parents %q", first.Registration.ParentsInformed)
	}
	again, err := env.Registry.Registrations.Register(ctx, pro, registration.Registering{BSN: population.BSNTeen, Kind: model.KindSignaal, Parents: model.InformedYes})
	if err != nil {
		t.Fatal(err)
	}
	if again.Created || !again.InformedChanged || again.Registration.ID != first.Registration.ID {
		t.Fatalf("created %v, informed changed %v, id %d (first %d)", again.Created, again.InformedChanged, again.Registration.ID, first.Registration.ID)
	}
	if again.Registration.ParentsInformed != model.InformedYes || again.Registration.YouthInformed != model.InformedNotYet {
		t.Errorf("informing %q/%q, want parents informed and the youth's kept", again.Registration.ParentsInformed, again.Registration.YouthInformed)
	}
	if !strings.Contains(again.Message, "informeren is bijgewerkt") {
		t.Errorf("message %q does not say the informing changed", again.Message)
	}
	stored, err := env.Registry.Registrations.Registration(ctx, pro, first.Registration.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Registration.ParentsInformed != model.InformedYes {
		t.Errorf("stored parents %q, want %q", stored.Registration.ParentsInformed, model.InformedYes)
	}

	// The same informing again changes nothing and says nothing of it.
	same, err := env.Registry.Registrations.Register(ctx, pro, registration.Registering{BSN: population.BSNTeen, Kind: model.KindSignaal, Parents: model.InformedYes})
	if err != nil || same.InformedChanged {
		t.Errorf("the same informing again: changed %v, %v", same.InformedChanged, err)
	}
}

func TestRepeatedRegistrationRefusesInformingWrongForTheAge(t *testing.T) {
	env := testenv.New(t)
	pro := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	env.Register(t, pro, population.BSNTeen, model.KindSignaal)
	_, err := env.Registry.Registrations.Register(ctx, pro, registration.Registering{BSN: population.BSNTeen, Kind: model.KindSignaal, Youth: model.InformedNotApplicable})
	testenv.AssertInvalid(t, err, "jeugdige", "jonger dan 12")
}
