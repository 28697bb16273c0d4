package coordination_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

func TestHandoverNeedsAnAcceptedCoordination(t *testing.T) {
	c := testenv.NewCareCase(t)
	ggz := c.Join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)
	_, err := c.Env.Registry.Coordinations.ProposeHandover(ctx, c.JH, c.Ref, ggz.Organisation.ID)
	testenv.WantCode(t, err, model.ECONFLICT)
	_, err = c.Env.Registry.Coordinations.ProposeHandover(ctx, c.School, c.Ref, ggz.Organisation.ID)
	testenv.WantCode(t, err, model.EFORBIDDEN)
	if got := handoverOutcomes(t, c.Env, c.Youth); len(got) != 0 {
		t.Fatalf("refused proposals stored handovers %v", got)
	}
}

func TestCoordinatorProposesHandoverAndTheReceiverIsTold(t *testing.T) {
	c := testenv.NewCareCase(t)
	ggz := c.Join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)
	c.Accept(t, c.JH)

	v, err := c.Env.Registry.Coordinations.ProposeHandover(ctx, c.JH, c.Ref, ggz.Organisation.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Handover == nil || v.Handover.To.ID != ggz.Organisation.ID || v.Handover.ProposedBy.ID != c.JH.Professional.ID {
		t.Fatalf("answer's handover %+v, want the open proposal to GGZ", v.Handover)
	}
	if v.May.ProposeHandover || !v.May.WithdrawHandover || v.May.DecideHandover {
		t.Errorf("coordinator may %+v, want withdraw only", v.May)
	}
	msgs := testenv.MessagesOfKind(c.Env.Inbox(t, ggz), coordination.KindHandover)
	if len(msgs) != 1 || !strings.Contains(msgs[0].Body, "Jeugdhulp Brabant") {
		t.Fatalf("GGZ messages %+v, want one proposal from Jeugdhulp", msgs)
	}
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, c.School), coordination.KindHandover)); n != 0 {
		t.Errorf("the school got %d handover messages; only the receiver is told of a proposal", n)
	}
	p, err := c.Env.Registry.YouthByReference(ctx, ggz, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Coordinator.May.DecideHandover || len(p.Coordinator.May.Professionals) == 0 {
		t.Errorf("GGZ may %+v, want to decide, with professionals to name", p.Coordinator.May)
	}
}

func TestOnlyOneOpenHandoverPerCoordination(t *testing.T) {
	c := testenv.NewCareCase(t)
	ggz := c.Join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)
	c.Accept(t, c.JH)
	amw := c.Join(t, "AMW", model.TypeAMW, model.KindKetenregistratie)
	if _, err := c.Env.Registry.Coordinations.ProposeHandover(ctx, c.JH, c.Ref, ggz.Organisation.ID); err != nil {
		t.Fatal(err)
	}
	_, err := c.Env.Registry.Coordinations.ProposeHandover(ctx, c.JH, c.Ref, amw.Organisation.ID)
	testenv.WantCode(t, err, model.ECONFLICT)
	if got := handoverOutcomes(t, c.Env, c.Youth); len(got) != 1 {
		t.Fatalf("handovers %v, want one open", got)
	}
}

func TestHandoverGoesOnlyToAnotherInvolvedCareOrganisation(t *testing.T) {
	c := testenv.NewCareCase(t)
	c.Accept(t, c.JH)
	outsider := c.Env.Org(t, "GGZ West", model.TypeGGZ)
	for name, id := range map[string]int64{
		"nobody":         0,
		"itself":         c.JH.Organisation.ID,
		"a signaller":    c.School.Organisation.ID,
		"not involved":   outsider.ID,
		"does not exist": 987654,
	} {
		_, err := c.Env.Registry.Coordinations.ProposeHandover(ctx, c.JH, c.Ref, id)
		if model.ErrorCode(err) != model.EINVALID || model.ErrorParams(err)[0].Name != "organisatie" {
			t.Errorf("handover to %s: %v, want EINVALID on organisatie", name, err)
		}
	}
	if got := handoverOutcomes(t, c.Env, c.Youth); len(got) != 0 {
		t.Fatalf("refused proposals stored handovers %v", got)
	}
}

// giCase: a GI coordinates (accepted) with a youth-care provider, a GGZ and
// a school involved.
func giCase(t *testing.T) (testenv.CareCase, registryActors) {
	t.Helper()
	c := testenv.NewCareCase(t)
	ggz := c.Join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)
	gi := c.Join(t, "GI Brabant", model.TypeGI, model.KindKetenregistratie)
	if got := testenv.MustCurrent(t, c.Env, c.Youth); got.OrganisationID != gi.Organisation.ID {
		t.Fatalf("coordinator %d, want the GI", got.OrganisationID)
	}
	c.Accept(t, gi)
	return c, registryActors{gi: gi, ggz: ggz}
}

type registryActors struct{ gi, ggz usecase.Actor }

func TestGIHandsOverOnlyToYouthCareOrLocalTeam(t *testing.T) {
	c, a := giCase(t)
	p, err := c.Env.Registry.YouthByReference(ctx, a.gi, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	if cands := p.Coordinator.May.Candidates; len(cands) != 1 || cands[0].ID != c.JH.Organisation.ID {
		t.Errorf("the GI's candidates %+v, want Jeugdhulp only", cands)
	}
	for name, id := range map[string]int64{"onderwijs": c.School.Organisation.ID, "ggz": a.ggz.Organisation.ID} {
		_, err := c.Env.Registry.Coordinations.ProposeHandover(ctx, a.gi, c.Ref, id)
		if model.ErrorCode(err) != model.EINVALID || model.ErrorParams(err)[0].Name != "organisatie" {
			t.Errorf("GI handover to %s: %v, want EINVALID on organisatie", name, err)
		}
	}
	if _, err := c.Env.Registry.Coordinations.ProposeHandover(ctx, a.gi, c.Ref, c.JH.Organisation.ID); err != nil {
		t.Fatalf("GI handover to jeugdhulp: %v", err)
	}
	if _, err := c.Env.Registry.Coordinations.AcceptHandover(ctx, c.JH, c.Ref, ""); err != nil {
		t.Fatal(err)
	}
	got := testenv.MustCurrent(t, c.Env, c.Youth)
	if got.OrganisationID != c.JH.Organisation.ID || got.Status != model.CoordinationAccepted {
		t.Fatalf("after the handover: %+v, want Jeugdhulp accepted", got)
	}

	// The GI is still involved but does not join anew: the covenant, which
	// prefers the GI, does not take coordination back.
	c.Join(t, "Wijkteam", model.TypeWijkteam, model.KindKetenregistratie)
	if again := testenv.MustCurrent(t, c.Env, c.Youth); again.ID != got.ID {
		t.Fatalf("coordination moved after the handover: %+v", again)
	}
}
