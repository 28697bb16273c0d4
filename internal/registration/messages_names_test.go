package registration_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// The inbox names the youth, with birth date, to a reader whose
// organisation is involved now; after its registration ended, the
// reference only. E-mails never name the youth.
func TestTheInboxNamesTheYouthToTheInvolvedOnly(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	care := env.Pro(t, env.Org(t, "Jeugdhulp Zuid", model.TypeJeugdhulp))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	r := env.Register(t, care, population.BSNTeen, model.KindKetenregistratie)
	name := r.Youth.Person.FullName()
	if name == "" {
		t.Fatal("the test person has no name")
	}

	msgs, err := env.Registry.Inbox(ctx, school, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) == 0 {
		t.Fatal("the school has no messages")
	}
	for _, m := range msgs {
		if m.YouthName != name || m.YouthBirthDate == nil || !m.YouthBirthDate.Equal(r.Youth.Person.BirthDate) {
			t.Errorf("the involved school reads %q as %q, born %v; want %q, born %v", m.Subject, m.YouthName, m.YouthBirthDate, name, r.Youth.Person.BirthDate)
		}
		if strings.Contains(m.Body, r.Youth.Person.FamilyName) || strings.Contains(m.Subject, r.Youth.Person.FamilyName) {
			t.Errorf("the message text itself names the youth: %q", m.Subject)
		}
	}
	for _, mails := range newMails(t, env) {
		for _, m := range mails {
			if strings.Contains(m.Body, r.Youth.Person.FamilyName) || strings.Contains(m.Subject, r.Youth.Person.FamilyName) || strings.Contains(m.Body, population.BSNTeen) {
				t.Errorf("an e-mail to %s names the youth:\n%s", m.Recipient, m.Body)
			}
		}
	}

	if _, err := env.Registry.Registrations.End(ctx, school, testenv.FirstRegistration(t, env, school)); err != nil {
		t.Fatal(err)
	}
	msgs, err = env.Registry.Inbox(ctx, school, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if m.YouthName != "" || m.YouthBirthDate != nil {
			t.Errorf("no longer involved, the school still reads the name %q, born %v, with %q", m.YouthName, m.YouthBirthDate, m.Subject)
		}
		if m.YouthReference != r.Youth.Reference {
			t.Errorf("message %q has reference %q, want %q", m.Subject, m.YouthReference, r.Youth.Reference)
		}
	}
}

// A monitoring account sees figures only: even of an involved organisation
// it never reads a youth's name.
func TestAMonitoringAccountNeverReadsAName(t *testing.T) {
	env := testenv.New(t)
	org := env.Org(t, "Jeugdhulp Zuid", model.TypeJeugdhulp)
	r := env.Register(t, env.Pro(t, org), population.BSNTeen, model.KindKetenregistratie)
	monitor := env.Monitor(t, org)
	err := env.DB.Update(ctx, func(tx *storage.Tx) error {
		m := model.Message{ProfessionalID: monitor.Professional.ID, YouthID: r.Youth.ID, Kind: "test", Subject: "Over een jeugdige", Body: "tekst", EventKey: "test:1", CreatedAt: env.Clock.Now()}
		_, err := tx.AddMessage(ctx, &m, "")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := env.Registry.Inbox(ctx, monitor, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 1 || msgs[0].YouthName != "" || msgs[0].YouthBirthDate != nil || msgs[0].YouthReference != r.Youth.Reference {
		t.Fatalf("the monitoring account reads %+v, want the reference only", msgs)
	}
}
