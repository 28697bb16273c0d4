package registry_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registry"
)

func TestHandoverNeedsAnAcceptedCoordination(t *testing.T) {
	c := newCareCase(t)
	ggz := c.join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)
	_, err := c.env.Registry.ProposeHandover(ctx, c.jh, c.ref, ggz.Organisation.ID)
	wantCode(t, err, model.ECONFLICT)
	_, err = c.env.Registry.ProposeHandover(ctx, c.school, c.ref, ggz.Organisation.ID)
	wantCode(t, err, model.EFORBIDDEN)
	if got := handoverOutcomes(t, c.env, c.youth); len(got) != 0 {
		t.Fatalf("refused proposals stored handovers %v", got)
	}
}

func TestCoordinatorProposesHandoverAndTheReceiverIsTold(t *testing.T) {
	c := newCareCase(t)
	ggz := c.join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)
	c.accept(t, c.jh)

	v, err := c.env.Registry.ProposeHandover(ctx, c.jh, c.ref, ggz.Organisation.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Handover == nil || v.Handover.To.ID != ggz.Organisation.ID || v.Handover.ProposedBy.ID != c.jh.Professional.ID {
		t.Fatalf("answer's handover %+v, want the open proposal to GGZ", v.Handover)
	}
	if v.May.ProposeHandover || !v.May.WithdrawHandover || v.May.DecideHandover {
		t.Errorf("coordinator may %+v, want withdraw only", v.May)
	}
	msgs := messagesOfKind(c.env.Inbox(t, ggz), registry.KindHandover)
	if len(msgs) != 1 || !strings.Contains(msgs[0].Body, "Jeugdhulp Brabant") {
		t.Fatalf("GGZ messages %+v, want one proposal from Jeugdhulp", msgs)
	}
	if n := len(messagesOfKind(c.env.Inbox(t, c.school), registry.KindHandover)); n != 0 {
		t.Errorf("the school got %d handover messages; only the receiver is told of a proposal", n)
	}
	p, err := c.env.Registry.YouthByReference(ctx, ggz, c.ref)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Coordinator.May.DecideHandover || len(p.Coordinator.May.Professionals) == 0 {
		t.Errorf("GGZ may %+v, want to decide, with professionals to name", p.Coordinator.May)
	}
}

func TestOnlyOneOpenHandoverPerCoordination(t *testing.T) {
	c := newCareCase(t)
	ggz := c.join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)
	c.accept(t, c.jh)
	amw := c.join(t, "AMW", model.TypeAMW, model.KindKetenregistratie)
	if _, err := c.env.Registry.ProposeHandover(ctx, c.jh, c.ref, ggz.Organisation.ID); err != nil {
		t.Fatal(err)
	}
	_, err := c.env.Registry.ProposeHandover(ctx, c.jh, c.ref, amw.Organisation.ID)
	wantCode(t, err, model.ECONFLICT)
	if got := handoverOutcomes(t, c.env, c.youth); len(got) != 1 {
		t.Fatalf("handovers %v, want one open", got)
	}
}

func TestHandoverGoesOnlyToAnotherInvolvedCareOrganisation(t *testing.T) {
	c := newCareCase(t)
	c.accept(t, c.jh)
	outsider := c.env.Org(t, "GGZ West", model.TypeGGZ)
	for name, id := range map[string]int64{
		"nobody":         0,
		"itself":         c.jh.Organisation.ID,
		"a signaller":    c.school.Organisation.ID,
		"not involved":   outsider.ID,
		"does not exist": 987654,
	} {
		_, err := c.env.Registry.ProposeHandover(ctx, c.jh, c.ref, id)
		if model.ErrorCode(err) != model.EINVALID || model.ErrorParams(err)[0].Name != "organisatie" {
			t.Errorf("handover to %s: %v, want EINVALID on organisatie", name, err)
		}
	}
	if got := handoverOutcomes(t, c.env, c.youth); len(got) != 0 {
		t.Fatalf("refused proposals stored handovers %v", got)
	}
}

// giCase: a GI coordinates (accepted) with a youth-care provider, a GGZ and
// a school involved.
func giCase(t *testing.T) (careCase, registryActors) {
	t.Helper()
	c := newCareCase(t)
	ggz := c.join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)
	gi := c.join(t, "GI Brabant", model.TypeGI, model.KindKetenregistratie)
	if got := mustCurrent(t, c.env, c.youth); got.OrganisationID != gi.Organisation.ID {
		t.Fatalf("coordinator %d, want the GI", got.OrganisationID)
	}
	c.accept(t, gi)
	return c, registryActors{gi: gi, ggz: ggz}
}

type registryActors struct{ gi, ggz registry.Actor }

func TestGIHandsOverOnlyToYouthCareOrLocalTeam(t *testing.T) {
	c, a := giCase(t)
	p, err := c.env.Registry.YouthByReference(ctx, a.gi, c.ref)
	if err != nil {
		t.Fatal(err)
	}
	if cands := p.Coordinator.May.Candidates; len(cands) != 1 || cands[0].ID != c.jh.Organisation.ID {
		t.Errorf("the GI's candidates %+v, want Jeugdhulp only", cands)
	}
	for name, id := range map[string]int64{"onderwijs": c.school.Organisation.ID, "ggz": a.ggz.Organisation.ID} {
		_, err := c.env.Registry.ProposeHandover(ctx, a.gi, c.ref, id)
		if model.ErrorCode(err) != model.EINVALID || model.ErrorParams(err)[0].Name != "organisatie" {
			t.Errorf("GI handover to %s: %v, want EINVALID on organisatie", name, err)
		}
	}
	if _, err := c.env.Registry.ProposeHandover(ctx, a.gi, c.ref, c.jh.Organisation.ID); err != nil {
		t.Fatalf("GI handover to jeugdhulp: %v", err)
	}
	if _, err := c.env.Registry.AcceptHandover(ctx, c.jh, c.ref, ""); err != nil {
		t.Fatal(err)
	}
	got := mustCurrent(t, c.env, c.youth)
	if got.OrganisationID != c.jh.Organisation.ID || got.Status != model.CoordinationAccepted {
		t.Fatalf("after the handover: %+v, want Jeugdhulp accepted", got)
	}

	// The GI is still involved but does not join anew: the covenant, which
	// prefers the GI, does not take coordination back.
	c.join(t, "Wijkteam", model.TypeWijkteam, model.KindKetenregistratie)
	if again := mustCurrent(t, c.env, c.youth); again.ID != got.ID {
		t.Fatalf("coordination moved after the handover: %+v", again)
	}
}
