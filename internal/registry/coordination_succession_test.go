package registry_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registry"
)

func TestBeforeAcceptanceTheCovenantStillDecides(t *testing.T) {
	c := newCareCase(t)
	wt := c.join(t, "Wijkteam Woensel", model.TypeWijkteam, model.KindKetenregistratie)
	got := mustCurrent(t, c.env, c.youth)
	if got.OrganisationID != wt.Organisation.ID {
		t.Fatalf("coordinator %d, want the wijkteam (its rule ranks above the oldest registration)", got.OrganisationID)
	}
	if h := coordinationHistory(t, c.env, c.youth); h[0].EndReason != model.EndByCovenant {
		t.Errorf("first coordination ended %q, want convenant", h[0].EndReason)
	}
}

func TestOrganisationJoiningDoesNotTakeAnAcceptedCoordinationOver(t *testing.T) {
	c := newCareCase(t)
	c.accept(t, c.jh)
	accepted := mustCurrent(t, c.env, c.youth)
	wt := c.join(t, "Wijkteam Woensel", model.TypeWijkteam, model.KindKetenregistratie)

	got := mustCurrent(t, c.env, c.youth)
	if got.ID != accepted.ID || got.OrganisationID != c.jh.Organisation.ID || got.Status != model.CoordinationAccepted {
		t.Fatalf("after the wijkteam joined: %+v, want Jeugdhulp's accepted coordination unchanged", got)
	}
	if n := len(messagesOfKind(c.env.Inbox(t, wt), registry.KindCoordinator)); n != 0 {
		t.Errorf("the wijkteam got %d coordinator messages; nobody new coordinates", n)
	}
	r, err := c.env.Registry.YouthByReference(ctx, wt, c.ref)
	if err != nil {
		t.Fatal(err)
	}
	if r.Coordinator == nil || r.Coordinator.Organisation.ID != c.jh.Organisation.ID {
		t.Errorf("the wijkteam sees coordinator %+v, want Jeugdhulp", r.Coordinator)
	}
}

func TestMatchMessageNamesTheAcceptedCoordinatorNotTheCovenantsChoice(t *testing.T) {
	c := newCareCase(t)
	c.accept(t, c.jh)
	wt := c.join(t, "Wijkteam Woensel", model.TypeWijkteam, model.KindKetenregistratie)
	msgs := messagesOfKind(c.env.Inbox(t, wt), registry.KindMatch)
	if len(msgs) != 1 {
		t.Fatalf("wijkteam got %d match messages, want 1", len(msgs))
	}
	if want := "Coördinator: Jeugdhulp Brabant."; !strings.Contains(msgs[0].Body, want) {
		t.Errorf("match message does not say %q:\n%s", want, msgs[0].Body)
	}
}

func TestGIJoiningTakesAnAcceptedCoordinationOver(t *testing.T) {
	c := newCareCase(t)
	c.accept(t, c.jh)
	gi := c.join(t, "GI Brabant", model.TypeGI, model.KindKetenregistratie)

	got := mustCurrent(t, c.env, c.youth)
	if got.OrganisationID != gi.Organisation.ID || got.Rule != "gi" || got.Status != model.CoordinationAssigned || got.AcceptDueAt == nil {
		t.Fatalf("after the GI joined: %+v, want the GI assigned by rule gi, to accept", got)
	}
	h := coordinationHistory(t, c.env, c.youth)
	if len(h) != 2 || h[0].EndReason != model.EndByGI {
		t.Fatalf("history %+v, want Jeugdhulp ended for reason gi", h)
	}
	for _, who := range []registry.Actor{c.school, c.jh, gi} {
		if n := len(messagesOfKind(c.env.Inbox(t, who), registry.KindCoordinator)); n < 1 {
			t.Errorf("%s was not told the GI coordinates", who.Organisation.Name)
		}
	}
}

func TestAcceptedCoordinationGoesToTheCovenantWhenTheCoordinatorLeaves(t *testing.T) {
	c := newCareCase(t)
	c.accept(t, c.jh)
	ggz := c.join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)
	if _, err := c.env.Registry.End(ctx, c.jh, firstRegistration(t, c.env, c.jh)); err != nil {
		t.Fatal(err)
	}
	got := mustCurrent(t, c.env, c.youth)
	if got.OrganisationID != ggz.Organisation.ID || got.Status != model.CoordinationAssigned {
		t.Fatalf("after Jeugdhulp left: %+v, want GGZ assigned", got)
	}
	if h := coordinationHistory(t, c.env, c.youth); h[0].EndReason != model.EndByCovenant {
		t.Errorf("Jeugdhulp's coordination ended %q, want convenant", h[0].EndReason)
	}
}

func TestAcceptedCoordinationEndsWhenNobodyElseIsInvolved(t *testing.T) {
	c := newCareCase(t)
	c.accept(t, c.jh)
	if _, err := c.env.Registry.End(ctx, c.school, firstRegistration(t, c.env, c.school)); err != nil {
		t.Fatal(err)
	}
	if got, ok := current(t, c.env, c.youth); ok {
		t.Fatalf("coordination %+v still runs with one organisation left", got)
	}
	if h := coordinationHistory(t, c.env, c.youth); h[0].EndReason != model.EndNoneInvolved {
		t.Errorf("ended %q, want geen-betrokkenen", h[0].EndReason)
	}
	if n := len(messagesOfKind(c.env.Inbox(t, c.jh), registry.KindCoordinationEnds)); n != 1 {
		t.Errorf("Jeugdhulp got %d 'coördinatie beëindigd' messages, want 1", n)
	}
}
