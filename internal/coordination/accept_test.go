package coordination_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestAssignedOrganisationAcceptsAndEveryoneLearnsWhomToCall(t *testing.T) {
	c := testenv.NewCareCase(t)
	before := testenv.MustCurrent(t, c.Env, c.Youth)
	if before.Status != model.CoordinationAssigned || before.AcceptDueAt == nil {
		t.Fatalf("new coordination %+v, want assigned with an acceptance deadline", before)
	}

	v := c.Accept(t, c.JH)

	after := testenv.MustCurrent(t, c.Env, c.Youth)
	if after.ID != before.ID || after.Status != model.CoordinationAccepted || after.ProfessionalID != c.JH.Professional.ID ||
		after.DecidedAt == nil || after.DecidedBy != c.JH.Professional.ID {
		t.Fatalf("after accepting: %+v, want the same coordination accepted by and naming the actor", after)
	}
	if !v.Accepted() || v.Professional == nil || v.Professional.ID != c.JH.Professional.ID || v.AcceptDue != nil {
		t.Errorf("answer %+v, want accepted with the professional and no deadline", v)
	}
	got := testenv.MessagesOfKind(c.Env.Inbox(t, c.School), coordination.KindCoordinationAccepted)
	if len(got) != 1 {
		t.Fatalf("school got %d acceptance messages, want 1", len(got))
	}
	for _, want := range []string{"Jeugdhulp Brabant", c.JH.Professional.Name, c.JH.Professional.Phone, c.JH.Professional.Email, c.Ref} {
		if !strings.Contains(got[0].Body, want) {
			t.Errorf("acceptance message lacks %q:\n%s", want, got[0].Body)
		}
	}
	if len(testenv.MessagesOfKind(c.Env.Inbox(t, c.JH), coordination.KindCoordinationAccepted)) != 1 {
		t.Error("the coordinating professional was not told")
	}
}

func TestOnlyTheAssignedOrganisationMayAccept(t *testing.T) {
	c := testenv.NewCareCase(t)
	_, err := c.Env.Registry.Coordinations.AcceptCoordination(ctx, c.School, c.Ref, "")
	testenv.WantCode(t, err, model.EFORBIDDEN)
	if got := testenv.MustCurrent(t, c.Env, c.Youth); got.Status != model.CoordinationAssigned || got.ProfessionalID != 0 {
		t.Fatalf("refused acceptance changed the coordination: %+v", got)
	}
}

func TestAcceptNamesAColleagueWhoIsToldEvenWithoutARegistration(t *testing.T) {
	c := testenv.NewCareCase(t)
	colleague := c.Env.Pro(t, c.JH.Organisation)
	v, err := c.Env.Registry.Coordinations.AcceptCoordination(ctx, c.JH, c.Ref, strings.ToUpper(colleague.Professional.Email))
	if err != nil {
		t.Fatal(err)
	}
	if v.Professional == nil || v.Professional.ID != colleague.Professional.ID {
		t.Fatalf("coordinating professional = %+v, want the colleague", v.Professional)
	}
	if got := testenv.MustCurrent(t, c.Env, c.Youth); got.DecidedBy != c.JH.Professional.ID {
		t.Errorf("decided by %d, want the actor %d", got.DecidedBy, c.JH.Professional.ID)
	}
	if len(testenv.MessagesOfKind(c.Env.Inbox(t, colleague), coordination.KindCoordinationAccepted)) != 1 {
		t.Error("the named colleague was not told")
	}
}

func TestAcceptRefusesAProfessionalOfAnotherOrganisationOrAMonitoringAccount(t *testing.T) {
	c := testenv.NewCareCase(t)
	monitor := c.Env.Monitor(t, c.JH.Organisation)
	for name, email := range map[string]string{
		"other organisation": c.School.Professional.Email,
		"monitoring account": monitor.Professional.Email,
		"unknown address":    "niemand@nergens.example",
	} {
		_, err := c.Env.Registry.Coordinations.AcceptCoordination(ctx, c.JH, c.Ref, email)
		if model.ErrorCode(err) != model.EINVALID || len(model.ErrorParams(err)) != 1 || model.ErrorParams(err)[0].Name != "coordinerendeMedewerker" {
			t.Errorf("%s: error %v, want EINVALID on coordinerendeMedewerker", name, err)
		}
	}
	if got := testenv.MustCurrent(t, c.Env, c.Youth); got.Status != model.CoordinationAssigned {
		t.Fatalf("refused acceptances changed the coordination: %+v", got)
	}
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, c.School), coordination.KindCoordinationAccepted)); n != 0 {
		t.Errorf("refused acceptances sent %d messages", n)
	}
}

func TestMonitoringAccountCannotAcceptForItsOrganisation(t *testing.T) {
	c := testenv.NewCareCase(t)
	monitor := c.Env.Monitor(t, c.JH.Organisation)
	_, err := c.Env.Registry.Coordinations.AcceptCoordination(ctx, monitor, c.Ref, "")
	testenv.WantCode(t, err, model.ENOTFOUND)
}

func TestNotInvolvedCallerIsToldTheYouthDoesNotExist(t *testing.T) {
	c := testenv.NewCareCase(t)
	outsider := c.Env.Pro(t, c.Env.Org(t, "GGZ Oost", model.TypeGGZ))
	_, err := c.Env.Registry.Coordinations.AcceptCoordination(ctx, outsider, c.Ref, "")
	_, unknown := c.Env.Registry.Coordinations.AcceptCoordination(ctx, c.JH, "J-ZZZZZZZZ", "")
	testenv.WantCode(t, err, model.ENOTFOUND)
	if model.ErrorMessage(err) != model.ErrorMessage(unknown) {
		t.Errorf("not involved: %q; unknown youth: %q; want the same answer", model.ErrorMessage(err), model.ErrorMessage(unknown))
	}
	for name, call := range map[string]func() error{
		"niet nodig": func() error {
			_, err := c.Env.Registry.Coordinations.CoordinationNotNeeded(ctx, outsider, c.Ref, model.NotNeededAdequateCare)
			return err
		},
		"overdracht": func() error {
			_, err := c.Env.Registry.Coordinations.ProposeHandover(ctx, outsider, c.Ref, outsider.Organisation.ID)
			return err
		},
		"accepteren": func() error {
			_, err := c.Env.Registry.Coordinations.AcceptHandover(ctx, outsider, c.Ref, "")
			return err
		},
		"weigeren": func() error { _, err := c.Env.Registry.Coordinations.DeclineHandover(ctx, outsider, c.Ref); return err },
		"intrekken": func() error {
			_, err := c.Env.Registry.Coordinations.WithdrawHandover(ctx, outsider, c.Ref)
			return err
		},
		"afsluiten": func() error {
			_, err := c.Env.Registry.Coordinations.CloseCoordination(ctx, outsider, c.Ref, true)
			return err
		},
	} {
		if err := call(); model.ErrorCode(err) != model.ENOTFOUND || model.ErrorMessage(err) != model.ErrorMessage(unknown) {
			t.Errorf("%s by an outsider: %v, want the answer for an unknown youth", name, err)
		}
	}
}

func TestAcceptingAgainWithTheSameProfessionalChangesNothing(t *testing.T) {
	c := testenv.NewCareCase(t)
	c.Accept(t, c.JH)
	first := testenv.MustCurrent(t, c.Env, c.Youth)
	c.Env.Clock.Advance(60_000_000_000)
	c.Accept(t, c.JH)
	if got := testenv.MustCurrent(t, c.Env, c.Youth); !got.DecidedAt.Equal(*first.DecidedAt) {
		t.Errorf("accepting again moved decided_at from %v to %v", first.DecidedAt, got.DecidedAt)
	}
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, c.School), coordination.KindCoordinationAccepted)); n != 1 {
		t.Errorf("school got %d acceptance messages, want 1", n)
	}
}

func TestAcceptedCoordinatorMayNameAnotherProfessional(t *testing.T) {
	c := testenv.NewCareCase(t)
	c.Accept(t, c.JH)
	colleague := c.Env.Pro(t, c.JH.Organisation)
	c.Env.Clock.Advance(60_000_000_000)
	if _, err := c.Env.Registry.Coordinations.AcceptCoordination(ctx, c.JH, c.Ref, colleague.Professional.Email); err != nil {
		t.Fatal(err)
	}
	if got := testenv.MustCurrent(t, c.Env, c.Youth); got.ProfessionalID != colleague.Professional.ID {
		t.Fatalf("coordinating professional %d, want the colleague %d", got.ProfessionalID, colleague.Professional.ID)
	}
	got := testenv.MessagesOfKind(c.Env.Inbox(t, c.School), coordination.KindCoordinationAccepted)
	if len(got) != 2 || !strings.Contains(got[0].Body+got[1].Body, colleague.Professional.Phone) {
		t.Errorf("school was not told the new coordinating professional: %+v", got)
	}
}

func TestYouthPageSaysWhatTheViewerMayDoAboutCoordination(t *testing.T) {
	c := testenv.NewCareCase(t)
	p, err := c.Env.Registry.YouthByReference(ctx, c.JH, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	may := p.Coordinator.May
	if !may.Accept || !may.NotNeeded || may.Close || may.ProposeHandover || len(may.Professionals) != 1 {
		t.Errorf("assigned organisation may %+v; want accept and not needed, with itself to name", may)
	}
	if p.Coordinator.AcceptDue == nil {
		t.Error("the acceptance deadline is not shown")
	}
	p, err = c.Env.Registry.YouthByReference(ctx, c.School, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	if p.Coordinator.May.Any() {
		t.Errorf("the school may %+v, want nothing", p.Coordinator.May)
	}
}
