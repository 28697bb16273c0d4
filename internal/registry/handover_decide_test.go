package registry_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registry"
)

// proposed: Jeugdhulp coordinates (accepted) and proposes to hand over to GGZ.
func proposed(t *testing.T) (careCase, registry.Actor) {
	t.Helper()
	c := newCareCase(t)
	ggz := c.join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)
	c.accept(t, c.jh)
	if _, err := c.env.Registry.ProposeHandover(ctx, c.jh, c.ref, ggz.Organisation.ID); err != nil {
		t.Fatal(err)
	}
	return c, ggz
}

func TestReceiverAcceptsHandoverAndEveryoneIsTold(t *testing.T) {
	c, ggz := proposed(t)
	old := mustCurrent(t, c.env, c.youth)
	colleague := c.env.Pro(t, ggz.Organisation)

	v, err := c.env.Registry.AcceptHandover(ctx, ggz, c.ref, colleague.Professional.Email)
	if err != nil {
		t.Fatal(err)
	}
	got := mustCurrent(t, c.env, c.youth)
	if got.ID == old.ID || got.OrganisationID != ggz.Organisation.ID || got.Status != model.CoordinationAccepted ||
		got.Rule != "overdracht" || got.Reason != "Overgedragen door Jeugdhulp Brabant." || got.ProfessionalID != colleague.Professional.ID {
		t.Fatalf("new coordination %+v, want GGZ accepted by handover, naming the colleague", got)
	}
	if h := coordinationHistory(t, c.env, c.youth); h[0].EndReason != model.EndByHandover || h[0].EndedBy != ggz.Professional.ID {
		t.Errorf("old coordination ended %q by %d, want overdracht by the accepting professional", h[0].EndReason, h[0].EndedBy)
	}
	if outcomes := handoverOutcomes(t, c.env, c.youth); len(outcomes) != 1 || outcomes[0] != model.HandoverAccepted {
		t.Errorf("handover outcomes %v, want geaccepteerd", outcomes)
	}
	if v.Organisation.ID != ggz.Organisation.ID || v.Handover != nil || !v.May.Close {
		t.Errorf("answer %+v, want GGZ coordinating, free to close", v)
	}
	for _, who := range []registry.Actor{c.school, c.jh, ggz, colleague} {
		var told bool
		for _, m := range messagesOfKind(c.env.Inbox(t, who), registry.KindCoordinator) {
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
		"accept by coordinator": func() error { _, err := c.env.Registry.AcceptHandover(ctx, c.jh, c.ref, ""); return err },
		"accept by school":      func() error { _, err := c.env.Registry.AcceptHandover(ctx, c.school, c.ref, ""); return err },
		"decline by school":     func() error { _, err := c.env.Registry.DeclineHandover(ctx, c.school, c.ref); return err },
	} {
		if err := call(); model.ErrorCode(err) != model.EFORBIDDEN {
			t.Errorf("%s: %v, want EFORBIDDEN", name, err)
		}
	}
	if outcomes := handoverOutcomes(t, c.env, c.youth); len(outcomes) != 1 || outcomes[0] != "" {
		t.Fatalf("handover outcomes %v, want still open", outcomes)
	}
}

func TestReceiverDeclinesAndTheCoordinatorIsTold(t *testing.T) {
	c, ggz := proposed(t)
	old := mustCurrent(t, c.env, c.youth)
	if _, err := c.env.Registry.DeclineHandover(ctx, ggz, c.ref); err != nil {
		t.Fatal(err)
	}
	if got := mustCurrent(t, c.env, c.youth); got.ID != old.ID {
		t.Fatalf("declining changed the coordination: %+v", got)
	}
	if outcomes := handoverOutcomes(t, c.env, c.youth); len(outcomes) != 1 || outcomes[0] != model.HandoverDeclined {
		t.Fatalf("handover outcomes %v, want geweigerd", outcomes)
	}
	msgs := messagesOfKind(c.env.Inbox(t, c.jh), registry.KindHandover)
	if len(msgs) != 1 || !strings.Contains(msgs[0].Subject, "geweigerd") {
		t.Fatalf("coordinator messages %+v, want the refusal", msgs)
	}
	// A new proposal may follow.
	if _, err := c.env.Registry.ProposeHandover(ctx, c.jh, c.ref, ggz.Organisation.ID); err != nil {
		t.Errorf("proposing again after a refusal: %v", err)
	}
}

func TestCoordinatorWithdrawsAHandoverAndTheReceiverIsTold(t *testing.T) {
	c, ggz := proposed(t)
	_, err := c.env.Registry.WithdrawHandover(ctx, ggz, c.ref)
	wantCode(t, err, model.EFORBIDDEN)
	v, err := c.env.Registry.WithdrawHandover(ctx, c.jh, c.ref)
	if err != nil {
		t.Fatal(err)
	}
	if v.Handover != nil || !v.May.ProposeHandover {
		t.Errorf("answer %+v, want no open handover and the option to propose again", v)
	}
	if outcomes := handoverOutcomes(t, c.env, c.youth); len(outcomes) != 1 || outcomes[0] != model.HandoverWithdrawn {
		t.Fatalf("handover outcomes %v, want ingetrokken", outcomes)
	}
	msgs := messagesOfKind(c.env.Inbox(t, ggz), registry.KindHandover)
	if len(msgs) != 2 || !strings.Contains(msgs[0].Subject+msgs[1].Subject, "ingetrokken") {
		t.Fatalf("GGZ messages %+v, want the proposal and its withdrawal", msgs)
	}
	_, err = c.env.Registry.AcceptHandover(ctx, ggz, c.ref, "")
	wantCode(t, err, model.ECONFLICT)
	_, err = c.env.Registry.WithdrawHandover(ctx, c.jh, c.ref)
	wantCode(t, err, model.ECONFLICT)
}

func TestOpenHandoverLapsesWhenTheCoordinationEndsOtherwise(t *testing.T) {
	c, _ := proposed(t)
	c.join(t, "GI Brabant", model.TypeGI, model.KindKetenregistratie)
	if outcomes := handoverOutcomes(t, c.env, c.youth); len(outcomes) != 1 || outcomes[0] != model.HandoverLapsed {
		t.Fatalf("handover outcomes %v, want vervallen once the GI took over", outcomes)
	}
}
