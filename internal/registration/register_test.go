package registration_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

var ctx = context.Background()

func TestFirstRegistrationIsToldTheInitiativeIsTheirs(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))

	r := env.Register(t, school, population.BSNTeen, model.KindSignaal)

	if !r.Created || r.Match || r.Coordinator != nil {
		t.Fatalf("created=%v match=%v coordinator=%v", r.Created, r.Match, r.Coordinator)
	}
	if !strings.Contains(r.Message, "Het initiatief ligt bij u") {
		t.Fatalf("message %q does not say the initiative is theirs", r.Message)
	}
	if len(r.Involved) != 1 || r.Involved[0].Professional.ID != school.Professional.ID {
		t.Fatalf("involved = %+v, want only the caller", r.Involved)
	}
	inbox := env.Inbox(t, school)
	if len(inbox) != 1 || inbox[0].Kind != registration.KindAlone || !strings.Contains(inbox[0].Body, "initiatief ligt bij u") {
		t.Fatalf("inbox = %+v, want one 'geen-match' message", inbox)
	}
}

func TestSecondOrganisationMakesAMatchAndEveryoneIsTold(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	police := env.Pro(t, env.Org(t, "Politie Oost-Brabant", model.TypePolitie))

	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	r := env.Register(t, police, population.BSNTeen, model.KindSignaal)

	if !r.Match || len(r.Involved) != 2 {
		t.Fatalf("match=%v involved=%d, want a match with 2 involved", r.Match, len(r.Involved))
	}
	schoolMatch := testenv.MessagesOfKind(env.Inbox(t, school), registration.KindMatch)
	if len(schoolMatch) != 1 {
		t.Fatalf("school got %d match messages, want 1", len(schoolMatch))
	}
	for _, want := range []string{"Politie Oost-Brabant", police.Professional.Name, police.Professional.Phone, police.Professional.Email, "signaal sinds 23 november 2026"} {
		if !strings.Contains(schoolMatch[0].Body, want) {
			t.Errorf("school's match message lacks %q:\n%s", want, schoolMatch[0].Body)
		}
	}
	policeMatch := testenv.MessagesOfKind(env.Inbox(t, police), registration.KindMatch)
	if len(policeMatch) != 1 || !strings.Contains(policeMatch[0].Body, school.Professional.Phone) {
		t.Fatalf("police match messages = %+v, want one naming the school's contact", policeMatch)
	}
	// Only signal-only organisations: no coordinator, and they are told so.
	if r.Coordinator != nil {
		t.Fatalf("coordinator %v with only signal-only organisations", r.Coordinator.Organisation.Name)
	}
	if !strings.Contains(schoolMatch[0].Body, "nog geen zorgaanbieder betrokken") {
		t.Errorf("match message does not say no care organisation is involved yet:\n%s", schoolMatch[0].Body)
	}
	if !strings.Contains(r.Message, "nog geen zorgaanbieder") {
		t.Errorf("caller's message %q does not say no care organisation is involved yet", r.Message)
	}
}

func TestEveryNewOrganisationIsAnnouncedAndMatchedOncePerPair(t *testing.T) {
	env := testenv.New(t)
	a := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	b := env.Pro(t, env.Org(t, "Politie", model.TypePolitie))
	c := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))

	env.Register(t, a, population.BSNTeen, model.KindSignaal)
	env.Register(t, b, population.BSNTeen, model.KindSignaal)
	r := env.Register(t, c, population.BSNTeen, model.KindKetenregistratie)

	for _, who := range []usecase.Actor{a, b} {
		var told bool
		for _, m := range testenv.MessagesOfKind(env.Inbox(t, who), registration.KindMatch) {
			told = told || strings.Contains(m.Body, "Jeugdhulp") && strings.Contains(m.Body, c.Professional.Email)
		}
		if !told {
			t.Errorf("%s was not told that Jeugdhulp joined", who.Organisation.Name)
		}
	}
	var matches int
	env.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		matches, err = tx.MatchCount(ctx, r.Youth.ID)
		return err
	})
	if matches != 3 {
		t.Fatalf("match records = %d, want 3 (one per pair of organisations)", matches)
	}
}

func TestSameOrganisationAddingAnotherKindIsNoNewMatch(t *testing.T) {
	env := testenv.New(t)
	org := env.Org(t, "Jeugdhulp", model.TypeJeugdhulp)
	first, second := env.Pro(t, org), env.Pro(t, org)
	other := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))

	env.Register(t, other, population.BSNTeen, model.KindSignaal)
	env.Register(t, first, population.BSNTeen, model.KindSignaal)
	before := len(env.Inbox(t, other))
	r := env.Register(t, second, population.BSNTeen, model.KindKetenregistratie)

	if !r.Created {
		t.Fatal("care registration next to the same organisation's signal was not created")
	}
	if got := testenv.MessagesOfKind(env.Inbox(t, other)[:len(env.Inbox(t, other))-before], registration.KindMatch); len(got) != 0 {
		t.Fatalf("school got %d new match messages for an organisation already involved", len(got))
	}
}

func TestResendReturnsTheExistingRegistrationAndSendsNothing(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	smw := env.Pro(t, env.Org(t, "SMW", model.TypeSMW))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	first := env.Register(t, smw, population.BSNTeen, model.KindKetenregistratie)
	schoolInbox, smwInbox := len(env.Inbox(t, school)), len(env.Inbox(t, smw))

	again := env.Register(t, smw, population.BSNTeen, model.KindKetenregistratie)

	if again.Created || again.Registration.ID != first.Registration.ID {
		t.Fatalf("resend created=%v id=%d, want the existing registration %d", again.Created, again.Registration.ID, first.Registration.ID)
	}
	if len(env.Inbox(t, school)) != schoolInbox || len(env.Inbox(t, smw)) != smwInbox {
		t.Fatal("a resend sent messages")
	}
	if !again.Match || again.Coordinator == nil {
		t.Fatal("a resend does not show who is involved")
	}
}

func TestSignalOnlyOrganisationCannotMakeACareRegistration(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))

	_, err := env.Registry.Registrations.Register(ctx, school, registration.Registering{BSN: population.BSNTeen, Kind: model.KindKetenregistratie})

	testenv.AssertInvalid(t, err, "soort", "signaalgever")
	assertNothingStored(t, env)
}

func TestBadInputIsRefusedWithTheFieldNamedAndNothingStored(t *testing.T) {
	yesterday := testenv.Start.AddDate(0, 0, -1)
	cases := []struct {
		name, field, reason string
		in                  registration.Registering
	}{
		{"eleven-test", "burgerservicenummer", "elfproef", registration.Registering{BSN: "123456789", Kind: model.KindSignaal}},
		{"not nine digits", "burgerservicenummer", "9 cijfers", registration.Registering{BSN: "12345", Kind: model.KindSignaal}},
		{"unknown person", "burgerservicenummer", "hoort niet bij een jeugdige", registration.Registering{BSN: "111222333", Kind: model.KindSignaal}},
		{"adult", "burgerservicenummer", "hoort niet bij een jeugdige", registration.Registering{BSN: population.BSNAdult, Kind: model.KindSignaal}},
		{"unknown kind", "soort", "signaal", registration.Registering{BSN: population.BSNTeen, Kind: "zorg"}},
		{"end date in the past", "einddatum", "verleden", registration.Registering{BSN: population.BSNTeen, Kind: model.KindSignaal, EndDate: &yesterday}},
		{"urgent care registration", "urgent", "signaal", registration.Registering{BSN: population.BSNTeen, Kind: model.KindKetenregistratie, Urgent: true}},
	}
	env := testenv.New(t)
	pro := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := env.Registry.Registrations.Register(ctx, pro, c.in)
			testenv.AssertInvalid(t, err, c.field, c.reason)
			assertNothingStored(t, env)
		})
	}
}

func TestAgeLimitIsConfigurable(t *testing.T) {
	env := testenv.New(t)
	pro := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	env.Registry.AgeLimit = 18

	_, err := env.Registry.Registrations.Register(ctx, pro, registration.Registering{BSN: population.BSNYoungAdult, Kind: model.KindSignaal})
	testenv.AssertInvalid(t, err, "burgerservicenummer", "hoort niet bij een jeugdige")

	env.Registry.AgeLimit = 0 // default: up to and including 23
	env.Register(t, pro, population.BSNYoungAdult, model.KindSignaal)
}

func TestEmailTextsNameNoYouth(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	smw := env.Pro(t, env.Org(t, "SMW", model.TypeSMW))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	r := env.Register(t, smw, population.BSNTeen, model.KindKetenregistratie)

	for _, who := range []usecase.Actor{school, smw} {
		for _, m := range env.Inbox(t, who) {
			text := m.Subject + m.Body
			for _, secret := range []string{population.BSNTeen, r.Youth.Person.FamilyName, "2012", "30 december"} {
				if strings.Contains(text, secret) {
					t.Errorf("message %q names the youth (%q)", m.Subject, secret)
				}
			}
			if !strings.Contains(text, r.Youth.Reference) {
				t.Errorf("message %q lacks the youth's reference", m.Subject)
			}
		}
	}
}

func assertNothingStored(t *testing.T, env *testenv.Env) {
	t.Helper()
	var youths int
	env.DB.View(ctx, func(tx *storage.Tx) error {
		list, err := tx.ActiveYouthsAfter(ctx, 0, 10)
		youths = len(list)
		return err
	})
	if youths != 0 {
		t.Fatalf("%d youths with registrations after refused input", youths)
	}
}

func TestUrgentSignalIsMarkedAndPointsToTheCoordinatorsPhone(t *testing.T) {
	env := testenv.New(t)
	smw := env.Pro(t, env.Org(t, "SMW", model.TypeSMW))
	ggz := env.Pro(t, env.Org(t, "GGZ", model.TypeGGZ))
	police := env.Pro(t, env.Org(t, "Politie", model.TypePolitie))
	env.Register(t, smw, population.BSNTeen, model.KindKetenregistratie)
	env.Register(t, ggz, population.BSNTeen, model.KindKetenregistratie)

	r, err := env.Registry.Registrations.Register(ctx, police, registration.Registering{BSN: population.BSNTeen, Kind: model.KindSignaal, Urgent: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Message, "belt u eerst de coördinerende organisatie") || !strings.Contains(r.Message, smw.Professional.Phone) {
		t.Fatalf("message %q does not point to the coordinator's phone", r.Message)
	}
	got := testenv.MessagesOfKind(env.Inbox(t, smw), registration.KindMatch)
	if len(got) != 2 || !got[0].Urgent || !strings.Contains(got[0].Body, "urgent signaal") {
		t.Fatalf("coordinator's newest match message = %+v, want it marked urgent", got)
	}
	if got[1].Urgent {
		t.Fatalf("the GGZ's ordinary care registration was marked urgent: %q", got[1].Subject)
	}
}
