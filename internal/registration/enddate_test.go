package registration_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// A registration ends at the end of its term unless renewed, so an end date
// after that promises what will not happen: refused, naming the last day
// (issue 19: a 9999-12-31 was stored).
func TestAnEndDateAfterTheTermIsRefusedAndStoresNothing(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	_, err := env.Registry.Registrations.Register(ctx, jh, registration.Registering{BSN: population.BSNTeen, Kind: model.KindKetenregistratie, EndDate: testenv.Day("9999-12-31")})
	testenv.AssertInvalid(t, err, "einddatum", "na het einde van de looptijd")
	if n := testenv.Count(t, testenv.RawDB(t, env), "registrations"); n != 0 {
		t.Fatalf("%d registrations stored", n)
	}

	termEnd := env.Registry.TermEnd(usecase.Today(env.Registry.Now()))
	r, err := env.Registry.Registrations.Register(ctx, jh, registration.Registering{BSN: population.BSNTeen, Kind: model.KindKetenregistratie, EndDate: &termEnd})
	if err != nil {
		t.Fatalf("the term's last day refused: %v", err)
	}
	after := termEnd.AddDate(0, 0, 1)
	_, err = env.Registry.Registrations.SetEndDate(ctx, jh, r.Registration.ID, &after)
	testenv.AssertInvalid(t, err, "einddatum", "na het einde van de looptijd")
	v, err := env.Registry.Registrations.Registration(ctx, jh, r.Registration.ID)
	if err != nil || v.Registration.EndDate == nil || !v.Registration.EndDate.Equal(termEnd) {
		t.Fatalf("end date after a refused change = %v, %v; want %v", v.Registration.EndDate, err, termEnd)
	}
}

// A client system that sends a registration again with another end date gets
// it applied, and the answer says so; nothing else happens (issue 19).
func TestAnEndDateSentWithARepeatedRegistrationIsAppliedAndSaid(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	first := env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie)
	db := testenv.RawDB(t, env)
	messages := testenv.Count(t, db, "messages")

	again, err := env.Registry.Registrations.Register(ctx, jh, registration.Registering{BSN: population.BSNTeen, Kind: model.KindKetenregistratie, EndDate: testenv.Day("2027-06-30")})
	if err != nil || again.Created || !again.EndDateChanged || again.Registration.ID != first.Registration.ID {
		t.Fatalf("repeat with an end date = %+v, %v", again, err)
	}
	if !strings.Contains(again.Message, "De einddatum is gewijzigd in 30 juni 2027") {
		t.Errorf("message %q does not say the end date changed", again.Message)
	}
	v, err := env.Registry.Registrations.Registration(ctx, jh, first.Registration.ID)
	if err != nil || v.Registration.EndDate == nil || !v.Registration.EndDate.Equal(*testenv.Day("2027-06-30")) {
		t.Fatalf("stored end date = %v, %v", v.Registration.EndDate, err)
	}
	if n := testenv.Count(t, db, "messages"); n != messages {
		t.Errorf("repeat sent %d messages", n-messages)
	}
	if n := testenv.CountWhere(t, db, `SELECT COUNT(*) FROM audit_log WHERE purpose = 'einddatum gewijzigd'`); n != 1 {
		t.Errorf("%d audit entries for the change, want 1", n)
	}

	same, err := env.Registry.Registrations.Register(ctx, jh, registration.Registering{BSN: population.BSNTeen, Kind: model.KindKetenregistratie, EndDate: testenv.Day("2027-06-30")})
	if err != nil || same.EndDateChanged || strings.Contains(same.Message, "einddatum") {
		t.Fatalf("repeat with the same end date = %+v, %v", same, err)
	}
}
