package coordination_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

func TestCareOrganisationJoiningSignallersBecomesCoordinatorAndAllAreTold(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	smw := env.Pro(t, env.Org(t, "Schoolmaatschappelijk werk", model.TypeSMW))

	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	r := env.Register(t, smw, population.BSNTeen, model.KindKetenregistratie)

	if r.Coordinator == nil || r.Coordinator.Organisation.ID != smw.Organisation.ID || r.Coordinator.Rule != "smw" {
		t.Fatalf("coordinator = %+v, want SMW by rule smw (youth is 13)", r.Coordinator)
	}
	if !strings.Contains(r.Coordinator.Reason, "Regel 3") {
		t.Errorf("reason %q does not name the rule", r.Coordinator.Reason)
	}
	for _, who := range []usecase.Actor{school, smw} {
		got := testenv.MessagesOfKind(env.Inbox(t, who), coordination.KindCoordinator)
		if len(got) != 1 || !strings.Contains(got[0].Body, r.Coordinator.Reason) {
			t.Errorf("%s got coordinator messages %+v, want one with the reason", who.Organisation.Name, got)
		}
	}
}

func TestGIJoiningTakesOverCoordination(t *testing.T) {
	env := testenv.New(t)
	smw := env.Pro(t, env.Org(t, "SMW", model.TypeSMW))
	amw := env.Pro(t, env.Org(t, "AMW", model.TypeAMW))
	gi := env.Pro(t, env.Org(t, "GI Brabant", model.TypeGI))

	env.Register(t, smw, population.BSNTeen, model.KindKetenregistratie)
	r := env.Register(t, amw, population.BSNTeen, model.KindKetenregistratie)
	if r.Coordinator == nil || r.Coordinator.Organisation.ID != smw.Organisation.ID {
		t.Fatalf("coordinator before GI = %+v, want SMW", r.Coordinator)
	}
	r = env.Register(t, gi, population.BSNTeen, model.KindKetenregistratie)

	if r.Coordinator == nil || r.Coordinator.Organisation.ID != gi.Organisation.ID || r.Coordinator.Rule != "gi" {
		t.Fatalf("coordinator after GI = %+v, want the GI", r.Coordinator)
	}
	for _, who := range []usecase.Actor{smw, amw, gi} {
		got := testenv.MessagesOfKind(env.Inbox(t, who), coordination.KindCoordinator)
		if len(got) == 0 || !strings.Contains(got[0].Subject, "GI Brabant") {
			t.Errorf("%s was not told the GI coordinates: %+v", who.Organisation.Name, got)
		}
	}
	var history []model.Coordination
	env.DB.View(ctx, func(tx *storage.Tx) (err error) {
		history, err = tx.CoordinationHistory(ctx, r.Youth.ID)
		return err
	})
	if len(history) != 2 || history[0].EndedAt == nil || history[1].EndedAt != nil {
		t.Fatalf("coordination history = %+v, want SMW ended and GI running", history)
	}
}

func TestCoordinationEndsWhenOneOrganisationRemains(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	env.Register(t, school, population.BSNChild, model.KindSignaal)
	r := env.Register(t, jh, population.BSNChild, model.KindKetenregistratie)
	if r.Coordinator == nil || r.Coordinator.Rule != "oudste" {
		t.Fatalf("coordinator = %+v, want jeugdhulp by the oldest-registration rule", r.Coordinator)
	}

	if _, err := env.Registry.Registrations.End(ctx, school, testenv.FirstRegistration(t, env, school)); err != nil {
		t.Fatal(err)
	}

	var running bool
	env.DB.View(ctx, func(tx *storage.Tx) error {
		_, err := tx.CurrentCoordination(ctx, r.Youth.ID)
		running = err == nil
		return nil
	})
	if running {
		t.Fatal("coordination still runs with one organisation left")
	}
	if got := testenv.MessagesOfKind(env.Inbox(t, jh), coordination.KindCoordinationEnds); len(got) != 1 {
		t.Fatalf("jeugdhulp got %d 'coördinatie beëindigd' messages, want 1", len(got))
	}
}

func TestTieBetweenCareOrganisationsGoesToTheOldestRegistration(t *testing.T) {
	env := testenv.New(t)
	first := env.Pro(t, env.Org(t, "GGZ", model.TypeGGZ))
	second := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	env.Register(t, first, population.BSNYoungAdult, model.KindKetenregistratie)
	env.Clock.Advance(1)
	r := env.Register(t, second, population.BSNYoungAdult, model.KindKetenregistratie)
	if r.Coordinator == nil || r.Coordinator.Organisation.ID != first.Organisation.ID {
		t.Fatalf("coordinator = %+v, want the GGZ, which registered first", r.Coordinator)
	}
}

func TestDeactivatedOrganisationCannotCoordinate(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	jh.Organisation.Active = false
	env.Register(t, school, population.BSNChild, model.KindSignaal)
	if _, err := env.Registry.Registrations.Register(ctx, jh, registration.Registering{BSN: population.BSNChild, Kind: model.KindKetenregistratie}); model.ErrorCode(err) != model.EFORBIDDEN {
		t.Fatalf("deactivated organisation registered: %v", err)
	}
}
