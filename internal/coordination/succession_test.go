package coordination_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

func TestBeforeAcceptanceTheCovenantStillDecides(t *testing.T) {
	c := testenv.NewCareCase(t)
	wt := c.Join(t, "Wijkteam Woensel", model.TypeWijkteam, model.KindKetenregistratie)
	got := testenv.MustCurrent(t, c.Env, c.Youth)
	if got.OrganisationID != wt.Organisation.ID {
		t.Fatalf("coordinator %d, want the wijkteam (its rule ranks above the oldest registration)", got.OrganisationID)
	}
	if h := coordinationHistory(t, c.Env, c.Youth); h[0].EndReason != model.EndByCovenant {
		t.Errorf("first coordination ended %q, want convenant", h[0].EndReason)
	}
}

func TestOrganisationJoiningDoesNotTakeAnAcceptedCoordinationOver(t *testing.T) {
	c := testenv.NewCareCase(t)
	c.Accept(t, c.JH)
	accepted := testenv.MustCurrent(t, c.Env, c.Youth)
	wt := c.Join(t, "Wijkteam Woensel", model.TypeWijkteam, model.KindKetenregistratie)

	got := testenv.MustCurrent(t, c.Env, c.Youth)
	if got.ID != accepted.ID || got.OrganisationID != c.JH.Organisation.ID || got.Status != model.CoordinationAccepted {
		t.Fatalf("after the wijkteam joined: %+v, want Jeugdhulp's accepted coordination unchanged", got)
	}
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, wt), coordination.KindCoordinator)); n != 0 {
		t.Errorf("the wijkteam got %d coordinator messages; nobody new coordinates", n)
	}
	r, err := c.Env.Registry.YouthByReference(ctx, wt, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	if r.Coordinator == nil || r.Coordinator.Organisation.ID != c.JH.Organisation.ID {
		t.Errorf("the wijkteam sees coordinator %+v, want Jeugdhulp", r.Coordinator)
	}
}

func TestMatchMessageNamesTheAcceptedCoordinatorNotTheCovenantsChoice(t *testing.T) {
	c := testenv.NewCareCase(t)
	c.Accept(t, c.JH)
	wt := c.Join(t, "Wijkteam Woensel", model.TypeWijkteam, model.KindKetenregistratie)
	msgs := testenv.MessagesOfKind(c.Env.Inbox(t, wt), registration.KindMatch)
	if len(msgs) != 1 {
		t.Fatalf("wijkteam got %d match messages, want 1", len(msgs))
	}
	if want := "Coördinator: Jeugdhulp Brabant."; !strings.Contains(msgs[0].Body, want) {
		t.Errorf("match message does not say %q:\n%s", want, msgs[0].Body)
	}
}

func TestGIJoiningTakesAnAcceptedCoordinationOver(t *testing.T) {
	c := testenv.NewCareCase(t)
	c.Accept(t, c.JH)
	gi := c.Join(t, "GI Brabant", model.TypeGI, model.KindKetenregistratie)

	got := testenv.MustCurrent(t, c.Env, c.Youth)
	if got.OrganisationID != gi.Organisation.ID || got.Rule != "gi" || got.Status != model.CoordinationAssigned || got.AcceptDueAt == nil {
		t.Fatalf("after the GI joined: %+v, want the GI assigned by rule gi, to accept", got)
	}
	h := coordinationHistory(t, c.Env, c.Youth)
	if len(h) != 2 || h[0].EndReason != model.EndByGI {
		t.Fatalf("history %+v, want Jeugdhulp ended for reason gi", h)
	}
	for _, who := range []usecase.Actor{c.School, c.JH, gi} {
		if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, who), coordination.KindCoordinator)); n < 1 {
			t.Errorf("%s was not told the GI coordinates", who.Organisation.Name)
		}
	}
}

func TestAcceptedCoordinationGoesToTheCovenantWhenTheCoordinatorLeaves(t *testing.T) {
	c := testenv.NewCareCase(t)
	c.Accept(t, c.JH)
	ggz := c.Join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)
	if _, err := c.Env.Registry.Registrations.End(ctx, c.JH, testenv.FirstRegistration(t, c.Env, c.JH)); err != nil {
		t.Fatal(err)
	}
	got := testenv.MustCurrent(t, c.Env, c.Youth)
	if got.OrganisationID != ggz.Organisation.ID || got.Status != model.CoordinationAssigned {
		t.Fatalf("after Jeugdhulp left: %+v, want GGZ assigned", got)
	}
	if h := coordinationHistory(t, c.Env, c.Youth); h[0].EndReason != model.EndByCovenant {
		t.Errorf("Jeugdhulp's coordination ended %q, want convenant", h[0].EndReason)
	}
}

func TestAcceptedCoordinationEndsWhenNobodyElseIsInvolved(t *testing.T) {
	c := testenv.NewCareCase(t)
	c.Accept(t, c.JH)
	if _, err := c.Env.Registry.Registrations.End(ctx, c.School, testenv.FirstRegistration(t, c.Env, c.School)); err != nil {
		t.Fatal(err)
	}
	if got, ok := testenv.Current(t, c.Env, c.Youth); ok {
		t.Fatalf("coordination %+v still runs with one organisation left", got)
	}
	if h := coordinationHistory(t, c.Env, c.Youth); h[0].EndReason != model.EndNoneInvolved {
		t.Errorf("ended %q, want geen-betrokkenen", h[0].EndReason)
	}
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, c.JH), coordination.KindCoordinationEnds)); n != 1 {
		t.Errorf("Jeugdhulp got %d 'coördinatie beëindigd' messages, want 1", n)
	}
}
