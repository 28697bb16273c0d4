package registry_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registry"
)

func TestAssignedOrganisationAcceptsAndEveryoneLearnsWhomToCall(t *testing.T) {
	c := newCareCase(t)
	before := mustCurrent(t, c.env, c.youth)
	if before.Status != model.CoordinationAssigned || before.AcceptDueAt == nil {
		t.Fatalf("new coordination %+v, want assigned with an acceptance deadline", before)
	}

	v := c.accept(t, c.jh)

	after := mustCurrent(t, c.env, c.youth)
	if after.ID != before.ID || after.Status != model.CoordinationAccepted || after.ProfessionalID != c.jh.Professional.ID ||
		after.DecidedAt == nil || after.DecidedBy != c.jh.Professional.ID {
		t.Fatalf("after accepting: %+v, want the same coordination accepted by and naming the actor", after)
	}
	if !v.Accepted() || v.Professional == nil || v.Professional.ID != c.jh.Professional.ID || v.AcceptDue != nil {
		t.Errorf("answer %+v, want accepted with the professional and no deadline", v)
	}
	got := messagesOfKind(c.env.Inbox(t, c.school), registry.KindCoordinationAccepted)
	if len(got) != 1 {
		t.Fatalf("school got %d acceptance messages, want 1", len(got))
	}
	for _, want := range []string{"Jeugdhulp Brabant", c.jh.Professional.Name, c.jh.Professional.Phone, c.jh.Professional.Email, c.ref} {
		if !strings.Contains(got[0].Body, want) {
			t.Errorf("acceptance message lacks %q:\n%s", want, got[0].Body)
		}
	}
	if len(messagesOfKind(c.env.Inbox(t, c.jh), registry.KindCoordinationAccepted)) != 1 {
		t.Error("the coordinating professional was not told")
	}
}

func TestOnlyTheAssignedOrganisationMayAccept(t *testing.T) {
	c := newCareCase(t)
	_, err := c.env.Registry.AcceptCoordination(ctx, c.school, c.ref, "")
	wantCode(t, err, model.EFORBIDDEN)
	if got := mustCurrent(t, c.env, c.youth); got.Status != model.CoordinationAssigned || got.ProfessionalID != 0 {
		t.Fatalf("refused acceptance changed the coordination: %+v", got)
	}
}

func TestAcceptNamesAColleagueWhoIsToldEvenWithoutARegistration(t *testing.T) {
	c := newCareCase(t)
	colleague := c.env.Pro(t, c.jh.Organisation)
	v, err := c.env.Registry.AcceptCoordination(ctx, c.jh, c.ref, strings.ToUpper(colleague.Professional.Email))
	if err != nil {
		t.Fatal(err)
	}
	if v.Professional == nil || v.Professional.ID != colleague.Professional.ID {
		t.Fatalf("coordinating professional = %+v, want the colleague", v.Professional)
	}
	if got := mustCurrent(t, c.env, c.youth); got.DecidedBy != c.jh.Professional.ID {
		t.Errorf("decided by %d, want the actor %d", got.DecidedBy, c.jh.Professional.ID)
	}
	if len(messagesOfKind(c.env.Inbox(t, colleague), registry.KindCoordinationAccepted)) != 1 {
		t.Error("the named colleague was not told")
	}
}

func TestAcceptRefusesAProfessionalOfAnotherOrganisationOrAMonitoringAccount(t *testing.T) {
	c := newCareCase(t)
	monitor := c.env.Monitor(t, c.jh.Organisation)
	for name, email := range map[string]string{
		"other organisation": c.school.Professional.Email,
		"monitoring account": monitor.Professional.Email,
		"unknown address":    "niemand@nergens.example",
	} {
		_, err := c.env.Registry.AcceptCoordination(ctx, c.jh, c.ref, email)
		if model.ErrorCode(err) != model.EINVALID || len(model.ErrorParams(err)) != 1 || model.ErrorParams(err)[0].Name != "coordinerendeMedewerker" {
			t.Errorf("%s: error %v, want EINVALID on coordinerendeMedewerker", name, err)
		}
	}
	if got := mustCurrent(t, c.env, c.youth); got.Status != model.CoordinationAssigned {
		t.Fatalf("refused acceptances changed the coordination: %+v", got)
	}
	if n := len(messagesOfKind(c.env.Inbox(t, c.school), registry.KindCoordinationAccepted)); n != 0 {
		t.Errorf("refused acceptances sent %d messages", n)
	}
}

func TestMonitoringAccountCannotAcceptForItsOrganisation(t *testing.T) {
	c := newCareCase(t)
	monitor := c.env.Monitor(t, c.jh.Organisation)
	_, err := c.env.Registry.AcceptCoordination(ctx, monitor, c.ref, "")
	wantCode(t, err, model.ENOTFOUND)
}

func TestNotInvolvedCallerIsToldTheYouthDoesNotExist(t *testing.T) {
	c := newCareCase(t)
	outsider := c.env.Pro(t, c.env.Org(t, "GGZ Oost", model.TypeGGZ))
	_, err := c.env.Registry.AcceptCoordination(ctx, outsider, c.ref, "")
	_, unknown := c.env.Registry.AcceptCoordination(ctx, c.jh, "J-ZZZZZZZZ", "")
	wantCode(t, err, model.ENOTFOUND)
	if model.ErrorMessage(err) != model.ErrorMessage(unknown) {
		t.Errorf("not involved: %q; unknown youth: %q; want the same answer", model.ErrorMessage(err), model.ErrorMessage(unknown))
	}
	for name, call := range map[string]func() error{
		"niet nodig": func() error {
			_, err := c.env.Registry.CoordinationNotNeeded(ctx, outsider, c.ref, model.NotNeededAdequateCare)
			return err
		},
		"overdracht": func() error {
			_, err := c.env.Registry.ProposeHandover(ctx, outsider, c.ref, outsider.Organisation.ID)
			return err
		},
		"accepteren": func() error { _, err := c.env.Registry.AcceptHandover(ctx, outsider, c.ref, ""); return err },
		"weigeren":   func() error { _, err := c.env.Registry.DeclineHandover(ctx, outsider, c.ref); return err },
		"intrekken":  func() error { _, err := c.env.Registry.WithdrawHandover(ctx, outsider, c.ref); return err },
		"afsluiten":  func() error { _, err := c.env.Registry.CloseCoordination(ctx, outsider, c.ref, true); return err },
	} {
		if err := call(); model.ErrorCode(err) != model.ENOTFOUND || model.ErrorMessage(err) != model.ErrorMessage(unknown) {
			t.Errorf("%s by an outsider: %v, want the answer for an unknown youth", name, err)
		}
	}
}

func TestAcceptingAgainWithTheSameProfessionalChangesNothing(t *testing.T) {
	c := newCareCase(t)
	c.accept(t, c.jh)
	first := mustCurrent(t, c.env, c.youth)
	c.env.Clock.Advance(60_000_000_000)
	c.accept(t, c.jh)
	if got := mustCurrent(t, c.env, c.youth); !got.DecidedAt.Equal(*first.DecidedAt) {
		t.Errorf("accepting again moved decided_at from %v to %v", first.DecidedAt, got.DecidedAt)
	}
	if n := len(messagesOfKind(c.env.Inbox(t, c.school), registry.KindCoordinationAccepted)); n != 1 {
		t.Errorf("school got %d acceptance messages, want 1", n)
	}
}

func TestAcceptedCoordinatorMayNameAnotherProfessional(t *testing.T) {
	c := newCareCase(t)
	c.accept(t, c.jh)
	colleague := c.env.Pro(t, c.jh.Organisation)
	c.env.Clock.Advance(60_000_000_000)
	if _, err := c.env.Registry.AcceptCoordination(ctx, c.jh, c.ref, colleague.Professional.Email); err != nil {
		t.Fatal(err)
	}
	if got := mustCurrent(t, c.env, c.youth); got.ProfessionalID != colleague.Professional.ID {
		t.Fatalf("coordinating professional %d, want the colleague %d", got.ProfessionalID, colleague.Professional.ID)
	}
	got := messagesOfKind(c.env.Inbox(t, c.school), registry.KindCoordinationAccepted)
	if len(got) != 2 || !strings.Contains(got[0].Body+got[1].Body, colleague.Professional.Phone) {
		t.Errorf("school was not told the new coordinating professional: %+v", got)
	}
}

func TestYouthPageSaysWhatTheViewerMayDoAboutCoordination(t *testing.T) {
	c := newCareCase(t)
	p, err := c.env.Registry.YouthByReference(ctx, c.jh, c.ref)
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
	p, err = c.env.Registry.YouthByReference(ctx, c.school, c.ref)
	if err != nil {
		t.Fatal(err)
	}
	if p.Coordinator.May.Any() {
		t.Errorf("the school may %+v, want nothing", p.Coordinator.May)
	}
}
