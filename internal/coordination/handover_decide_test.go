package coordination_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// proposed: Jeugdhulp coordinates (accepted) and proposes to hand over to GGZ.
func proposed(t *testing.T) (testenv.CareCase, usecase.Actor) {
	t.Helper()
	c := testenv.NewCareCase(t)
	ggz := c.Join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)
	c.Accept(t, c.JH)
	if _, err := c.Env.Registry.Coordinations.ProposeHandover(ctx, c.JH, c.Ref, ggz.Organisation.ID); err != nil {
		t.Fatal(err)
	}
	return c, ggz
}

func TestReceiverAcceptsHandoverAndEveryoneIsTold(t *testing.T) {
	c, ggz := proposed(t)
	old := testenv.MustCurrent(t, c.Env, c.Youth)
	colleague := c.Env.Pro(t, ggz.Organisation)

	v, err := c.Env.Registry.Coordinations.AcceptHandover(ctx, ggz, c.Ref, colleague.Professional.Email)
	if err != nil {
		t.Fatal(err)
	}
	got := testenv.MustCurrent(t, c.Env, c.Youth)
	if got.ID == old.ID || got.OrganisationID != ggz.Organisation.ID || got.Status != model.CoordinationAccepted ||
		got.Rule != "overdracht" || got.Reason != "Overgedragen door Jeugdhulp Brabant." || got.ProfessionalID != colleague.Professional.ID {
		t.Fatalf("new coordination %+v, want GGZ accepted by handover, naming the colleague", got)
	}
	if h := coordinationHistory(t, c.Env, c.Youth); h[0].EndReason != model.EndByHandover || h[0].EndedBy != ggz.Professional.ID {
		t.Errorf("old coordination ended %q by %d, want overdracht by the accepting professional", h[0].EndReason, h[0].EndedBy)
	}
	if outcomes := handoverOutcomes(t, c.Env, c.Youth); len(outcomes) != 1 || outcomes[0] != model.HandoverAccepted {
		t.Errorf("handover outcomes %v, want geaccepteerd", outcomes)
	}
	if v.Organisation.ID != ggz.Organisation.ID || v.Handover != nil || !v.May.Close {
		t.Errorf("answer %+v, want GGZ coordinating, free to close", v)
	}
	for _, who := range []usecase.Actor{c.School, c.JH, ggz, colleague} {
		var told bool
		for _, m := range testenv.MessagesOfKind(c.Env.Inbox(t, who), coordination.KindCoordinator) {
			told = told || (strings.Contains(m.Body, "overgedragen aan GGZ Oost") && strings.Contains(m.Body, colleague.Professional.Phone))
		}
		if !told {
			t.Errorf("%s was not told GGZ coordinates and whom to call", who.Professional.Name)
		}
	}
}

func TestOnlyTheReceivingOrganisationDecidesAHandover(t *testing.T) {
	c, _ := proposed(t)
	for name, call := range map[string]func() error{
		"accept by coordinator": func() error { _, err := c.Env.Registry.Coordinations.AcceptHandover(ctx, c.JH, c.Ref, ""); return err },
		"accept by school": func() error {
			_, err := c.Env.Registry.Coordinations.AcceptHandover(ctx, c.School, c.Ref, "")
			return err
		},
		"decline by school": func() error { _, err := c.Env.Registry.Coordinations.DeclineHandover(ctx, c.School, c.Ref); return err },
	} {
		if err := call(); model.ErrorCode(err) != model.EFORBIDDEN {
			t.Errorf("%s: %v, want EFORBIDDEN", name, err)
		}
	}
	if outcomes := handoverOutcomes(t, c.Env, c.Youth); len(outcomes) != 1 || outcomes[0] != "" {
		t.Fatalf("handover outcomes %v, want still open", outcomes)
	}
}

func TestReceiverDeclinesAndTheCoordinatorIsTold(t *testing.T) {
	c, ggz := proposed(t)
	old := testenv.MustCurrent(t, c.Env, c.Youth)
	if _, err := c.Env.Registry.Coordinations.DeclineHandover(ctx, ggz, c.Ref); err != nil {
		t.Fatal(err)
	}
	if got := testenv.MustCurrent(t, c.Env, c.Youth); got.ID != old.ID {
		t.Fatalf("declining changed the coordination: %+v", got)
	}
	if outcomes := handoverOutcomes(t, c.Env, c.Youth); len(outcomes) != 1 || outcomes[0] != model.HandoverDeclined {
		t.Fatalf("handover outcomes %v, want geweigerd", outcomes)
	}
	msgs := testenv.MessagesOfKind(c.Env.Inbox(t, c.JH), coordination.KindHandover)
	if len(msgs) != 1 || !strings.Contains(msgs[0].Subject, "geweigerd") {
		t.Fatalf("coordinator messages %+v, want the refusal", msgs)
	}
	// A new proposal may follow.
	if _, err := c.Env.Registry.Coordinations.ProposeHandover(ctx, c.JH, c.Ref, ggz.Organisation.ID); err != nil {
		t.Errorf("proposing again after a refusal: %v", err)
	}
}

func TestCoordinatorWithdrawsAHandoverAndTheReceiverIsTold(t *testing.T) {
	c, ggz := proposed(t)
	_, err := c.Env.Registry.Coordinations.WithdrawHandover(ctx, ggz, c.Ref)
	testenv.WantCode(t, err, model.EFORBIDDEN)
	v, err := c.Env.Registry.Coordinations.WithdrawHandover(ctx, c.JH, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	if v.Handover != nil || !v.May.ProposeHandover {
		t.Errorf("answer %+v, want no open handover and the option to propose again", v)
	}
	if outcomes := handoverOutcomes(t, c.Env, c.Youth); len(outcomes) != 1 || outcomes[0] != model.HandoverWithdrawn {
		t.Fatalf("handover outcomes %v, want ingetrokken", outcomes)
	}
	msgs := testenv.MessagesOfKind(c.Env.Inbox(t, ggz), coordination.KindHandover)
	if len(msgs) != 2 || !strings.Contains(msgs[0].Subject+msgs[1].Subject, "ingetrokken") {
		t.Fatalf("GGZ messages %+v, want the proposal and its withdrawal", msgs)
	}
	_, err = c.Env.Registry.Coordinations.AcceptHandover(ctx, ggz, c.Ref, "")
	testenv.WantCode(t, err, model.ECONFLICT)
	_, err = c.Env.Registry.Coordinations.WithdrawHandover(ctx, c.JH, c.Ref)
	testenv.WantCode(t, err, model.ECONFLICT)
}

func TestOpenHandoverLapsesWhenTheCoordinationEndsOtherwise(t *testing.T) {
	c, _ := proposed(t)
	c.Join(t, "GI Brabant", model.TypeGI, model.KindKetenregistratie)
	if outcomes := handoverOutcomes(t, c.Env, c.Youth); len(outcomes) != 1 || outcomes[0] != model.HandoverLapsed {
		t.Fatalf("handover outcomes %v, want vervallen once the GI took over", outcomes)
	}
}
