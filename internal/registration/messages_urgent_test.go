package registration_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// Veilig Thuis (domestic violence, child abuse) and a GI (a child protection
// measure) make a match urgent for everyone told of it: marked, first among
// the unread, and "Spoed" in the e-mail's subject.
func TestAMatchWithYouthProtectionIsUrgentAndFirst(t *testing.T) {
	for _, typ := range []model.OrgType{model.TypeVeiligThuis, model.TypeGI} {
		t.Run(string(typ), func(t *testing.T) {
			env := testenv.New(t)
			school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
			police := env.Pro(t, env.Org(t, "Politie", model.TypePolitie))
			protection := env.Pro(t, env.Org(t, "Jeugdbescherming", typ))
			env.Register(t, school, population.BSNTeen, model.KindSignaal)
			env.Register(t, police, population.BSNTeen, model.KindSignaal)
			newMails(t, env)
			env.Clock.Advance(-1) // the ordinary match is the newer one: urgency, not age, puts this first
			kind := model.KindSignaal
			if typ == model.TypeGI {
				kind = model.KindKetenregistratie
			}
			env.Register(t, protection, population.BSNTeen, kind)

			inbox := env.Inbox(t, school)
			if len(inbox) == 0 || !inbox[0].Urgent || !strings.Contains(inbox[0].Subject, "Jeugdbescherming") {
				t.Fatalf("the school's inbox starts with %+v, want the urgent match with %s", inbox[0], typ)
			}
			for _, m := range testenv.MessagesOfKind(inbox, registration.KindMatch)[1:] {
				if m.Urgent {
					t.Errorf("the ordinary match %q is marked urgent", m.Subject)
				}
			}
			mails := newMails(t, env)[school.Professional.Email]
			if len(mails) != 1 || !strings.HasPrefix(mails[0].Subject, storage.UrgentSubject+"Nieuwe betrokkene") {
				t.Fatalf("the school's e-mail = %+v, want one whose subject starts with %q", mails, storage.UrgentSubject)
			}
		})
	}
}

func TestAnOrdinaryMatchIsNotUrgent(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	care := env.Pro(t, env.Org(t, "Jeugdhulp Zuid", model.TypeJeugdhulp))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	env.Register(t, care, population.BSNTeen, model.KindKetenregistratie)

	for _, m := range env.Inbox(t, school) {
		if m.Urgent {
			t.Errorf("%q is marked urgent", m.Subject)
		}
	}
	for _, m := range newMails(t, env)[school.Professional.Email] {
		if strings.HasPrefix(m.Subject, storage.UrgentSubject) {
			t.Errorf("e-mail %q says Spoed", m.Subject)
		}
	}
}

// A handover offered waits for the receiving organisation's answer.
func TestAHandoverOfferedIsUrgentForWhoReceivesIt(t *testing.T) {
	c := testenv.NewCareCase(t)
	c.Accept(t, c.JH)
	wijk := c.Join(t, "Wijkteam Centrum", model.TypeWijkteam, model.KindKetenregistratie)

	if _, err := c.Env.Registry.Coordinations.ProposeHandover(ctx, c.JH, c.Ref, wijk.Organisation.ID); err != nil {
		t.Fatal(err)
	}

	got := testenv.MessagesOfKind(c.Env.Inbox(t, wijk), coordination.KindHandover)
	if len(got) != 1 || !got[0].Urgent {
		t.Fatalf("the offer to the wijkteam = %+v, want one urgent message", got)
	}
}
