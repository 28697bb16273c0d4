package coordination_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestNotNeededTakesAReasonFromTheFixedListOnly(t *testing.T) {
	c := testenv.NewCareCase(t)
	for _, reason := range []model.NotNeeded{"", "het gaat al beter met hem", "ADEQUATE-HULP"} {
		_, err := c.Env.Registry.Coordinations.CoordinationNotNeeded(ctx, c.JH, c.Ref, reason)
		testenv.AssertInvalid(t, err, "reden", "")
	}
	if got := testenv.MustCurrent(t, c.Env, c.Youth); got.Status != model.CoordinationAssigned || got.NotNeededReason != "" {
		t.Fatalf("refused reasons changed the coordination: %+v", got)
	}
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, c.School), coordination.KindCoordinationNotNeeded)); n != 0 {
		t.Fatalf("refused reasons sent %d messages", n)
	}

	v, err := c.Env.Registry.Coordinations.CoordinationNotNeeded(ctx, c.JH, c.Ref, model.NotNeededMutualAlignment)
	if err != nil {
		t.Fatal(err)
	}
	got := testenv.MustCurrent(t, c.Env, c.Youth)
	if got.Status != model.CoordinationNotNeeded || got.NotNeededReason != "onderlinge-afstemming" || got.DecidedBy != c.JH.Professional.ID {
		t.Fatalf("coordination %+v, want niet-nodig with the reason", got)
	}
	if !v.NotNeededStated() || v.NotNeeded.Label() == "" || !v.May.Accept || v.May.NotNeeded {
		t.Errorf("answer %+v, want niet-nodig with a label, and the option to accept after all", v)
	}
	msgs := testenv.MessagesOfKind(c.Env.Inbox(t, c.School), coordination.KindCoordinationNotNeeded)
	if len(msgs) != 1 || !strings.Contains(msgs[0].Body, model.NotNeededMutualAlignment.Label()) || !strings.Contains(msgs[0].Body, c.JH.Professional.Phone) {
		t.Fatalf("school messages %+v, want one with the reason's label and whom to call", msgs)
	}
}

func TestEveryNotNeededCodeHasADutchLabel(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range model.NotNeededCodes {
		if c.Label == "" || c.Label == string(c.Code) || seen[c.Label] {
			t.Errorf("code %s has label %q, want its own Dutch label", c.Code, c.Label)
		}
		seen[c.Label] = true
	}
	if len(model.NotNeededCodes) != 5 {
		t.Errorf("%d codes, want the five of migration 0006", len(model.NotNeededCodes))
	}
}

func TestOnlyTheAssignedOrganisationSaysCoordinationIsNotNeeded(t *testing.T) {
	c := testenv.NewCareCase(t)
	_, err := c.Env.Registry.Coordinations.CoordinationNotNeeded(ctx, c.School, c.Ref, model.NotNeededAdequateCare)
	testenv.WantCode(t, err, model.EFORBIDDEN)
}

func TestNotNeededAfterAcceptanceIsRefused(t *testing.T) {
	c := testenv.NewCareCase(t)
	c.Accept(t, c.JH)
	_, err := c.Env.Registry.Coordinations.CoordinationNotNeeded(ctx, c.JH, c.Ref, model.NotNeededAdequateCare)
	testenv.WantCode(t, err, model.ECONFLICT)
	if got := testenv.MustCurrent(t, c.Env, c.Youth); got.Status != model.CoordinationAccepted {
		t.Fatalf("status %s, want still geaccepteerd", got.Status)
	}
}

func TestOrganisationThatFoundCoordinationNotNeededMayAcceptAfterAll(t *testing.T) {
	c := testenv.NewCareCase(t)
	if _, err := c.Env.Registry.Coordinations.CoordinationNotNeeded(ctx, c.JH, c.Ref, model.NotNeededAdequateCare); err != nil {
		t.Fatal(err)
	}
	c.Accept(t, c.JH)
	got := testenv.MustCurrent(t, c.Env, c.Youth)
	if got.Status != model.CoordinationAccepted || got.NotNeededReason != "" || got.ProfessionalID != c.JH.Professional.ID {
		t.Fatalf("coordination %+v, want accepted without a not-needed reason", got)
	}
}

func TestNotNeededIsDecidedAgainWhenAnOrganisationJoins(t *testing.T) {
	c := testenv.NewCareCase(t)
	if _, err := c.Env.Registry.Coordinations.CoordinationNotNeeded(ctx, c.JH, c.Ref, model.NotNeededSingleQuestion); err != nil {
		t.Fatal(err)
	}
	first := testenv.MustCurrent(t, c.Env, c.Youth)

	// The same organisation adding a signal is no one joining.
	c.Env.Clock.Advance(60_000_000_000)
	c.Env.Register(t, c.JH, "999996629", model.KindSignaal)
	if got := testenv.MustCurrent(t, c.Env, c.Youth); got.ID != first.ID || got.Status != model.CoordinationNotNeeded {
		t.Fatalf("a registration of an organisation already there re-decided: %+v", got)
	}

	ggz := c.Join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)
	got := testenv.MustCurrent(t, c.Env, c.Youth)
	if got.ID == first.ID || got.Status != model.CoordinationAssigned || got.OrganisationID != c.JH.Organisation.ID {
		t.Fatalf("after GGZ joined: %+v, want a new assigned coordination for the oldest registration (Jeugdhulp)", got)
	}
	h := coordinationHistory(t, c.Env, c.Youth)
	if h[0].EndReason != model.EndByCovenant {
		t.Errorf("not-needed coordination ended %q, want convenant", h[0].EndReason)
	}
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, ggz), coordination.KindCoordinator)); n != 1 {
		t.Errorf("GGZ got %d coordinator messages, want 1", n)
	}
}
