package usecase_test

import (
	"context"
	"slices"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/escalation"
	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/plan"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// TestEveryEventKindComesFromAMessage keeps usecase.MessageEvents in step
// with the message kinds the use cases send: a kind renamed there would
// silently stop its event.
func TestEveryEventKindComesFromAMessage(t *testing.T) {
	sent := []string{registration.KindMatch, coordination.KindCoordinator, coordination.KindCoordinationAccepted,
		coordination.KindCoordinationEnds, coordination.KindHandover, plan.KindAgreementOverdue,
		escalation.KindEscalationOverdue, family.KindMoved}
	for kind := range usecase.MessageEvents {
		if !slices.Contains(sent, kind) {
			t.Errorf("MessageEvents names message kind %q, which no use case sends", kind)
		}
	}
	for _, kind := range sent {
		if _, ok := usecase.MessageEvents[kind]; !ok {
			t.Errorf("message kind %q makes no event", kind)
		}
	}
	made := map[string]bool{usecase.EventRegistrationEnded: true}
	for _, ev := range usecase.MessageEvents {
		made[ev] = true
	}
	for _, ev := range usecase.EventKinds {
		if !made[ev] {
			t.Errorf("event kind %q is listed but never made", ev)
		}
	}
}

func orgEvents(t *testing.T, env *testenv.Env, org int64) []storage.Event {
	t.Helper()
	var out []storage.Event
	err := env.DB.View(context.Background(), func(tx *storage.Tx) error {
		var err error
		out, err = tx.Events(context.Background(), org, 0, 1000)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func kinds(events []storage.Event) []string {
	var out []string
	for _, e := range events {
		out = append(out, e.Kind)
	}
	return out
}

// TestAMatchIsOneEventPerOrganisationHoweverManyProfessionalsAreTold: the
// messages go to each professional, the event to the organisation once.
func TestAMatchIsOneEventPerOrganisationHoweverManyProfessionalsAreTold(t *testing.T) {
	env := testenv.New(t)
	school := env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	jh := env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp)
	env.Register(t, env.Pro(t, school), population.BSNChild, model.KindSignaal)
	env.Register(t, env.Pro(t, school), population.BSNTeen, model.KindSignaal)
	env.Register(t, env.Pro(t, jh), population.BSNChild, model.KindKetenregistratie)

	got := kinds(orgEvents(t, env, school.ID))
	if n := len(slices.DeleteFunc(slices.Clone(got), func(k string) bool { return k != usecase.EventMatch })); n != 1 {
		t.Fatalf("school events = %v, want one match", got)
	}
}

// TestAnEventRetriedIsRecordedOnce: sending the same message again (a
// transaction run twice, a sweep that runs again) makes no second event.
func TestAnEventRetriedIsRecordedOnce(t *testing.T) {
	env := testenv.New(t)
	org := env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp)
	a := env.Pro(t, org)
	r := env.Register(t, a, population.BSNChild, model.KindKetenregistratie)
	in := model.Involvement{Organisation: org, Professional: a.Professional}
	before := len(orgEvents(t, env, org.ID))
	for range 2 {
		err := env.DB.Update(context.Background(), func(tx *storage.Tx) error {
			y, err := tx.Youth(context.Background(), r.Youth.ID)
			if err != nil {
				return err
			}
			return env.Registry.Send(context.Background(), tx,
				usecase.NewOutgoing(y, in, family.KindMoved, "verhuisd:test", "Verhuisd", "tekst", env.Registry.Now()))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := orgEvents(t, env, org.ID); len(got) != before+1 || got[len(got)-1].Kind != usecase.EventMoved {
		t.Fatalf("events = %v, want one move more than %d", kinds(got), before)
	}
}
