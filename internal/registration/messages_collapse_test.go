package registration_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// newMails returns the e-mails queued since the last call, per recipient, as
// the worker would send them. It leases them for good, so that the next call
// sees only what came after.
func newMails(t *testing.T, env *testenv.Env) map[string][]storage.Mail {
	t.Helper()
	var all []storage.Mail
	err := env.DB.Update(ctx, func(tx *storage.Tx) error {
		var err error
		all, err = tx.LeaseMail(ctx, "test", env.Clock.Now(), 1000*time.Hour, 1000)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]storage.Mail{}
	for _, m := range all {
		out[m.Recipient] = append(out[m.Recipient], m)
	}
	return out
}

// The demo's first match: a school worries, then a care organisation
// registers and becomes coordinator. That match once gave four e-mails to two
// people (issue 14): "new match" and "coordinator assigned" to each.
func TestOneMatchGivesEachProfessionalAtMostOneEmail(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	care := env.Pro(t, env.Org(t, "Jeugdhulp Zuid", model.TypeJeugdhulp))

	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	r := env.Register(t, care, population.BSNTeen, model.KindKetenregistratie)
	if r.Coordinator == nil || r.Coordinator.Organisation.ID != care.Organisation.ID {
		t.Fatalf("coordinator = %+v, want the care organisation", r.Coordinator)
	}

	mails := newMails(t, env)
	got := mails[school.Professional.Email]
	if len(got) != 1 {
		t.Fatalf("the school got %d e-mails about one match, want 1: %+v", len(got), got)
	}
	if n := len(mails[care.Professional.Email]); n > 1 {
		t.Errorf("the care professional got %d e-mails about one match, want at most 1", n)
	}
	for _, want := range []string{"Jeugdhulp Zuid", care.Professional.Phone, "aangewezen als coördinator", r.Youth.Reference} {
		if !strings.Contains(got[0].Body, want) {
			t.Errorf("the school's one e-mail lacks %q:\n%s", want, got[0].Body)
		}
	}
	if n := strings.Count(got[0].Body, "Dit bericht is verstuurd door de verwijsindex"); n != 1 {
		t.Errorf("the combined e-mail has the footer %d times, want once:\n%s", n, got[0].Body)
	}
	if !strings.HasPrefix(got[0].Subject, "Nieuwe betrokkene bij jeugdige "+r.Youth.Reference) || !strings.HasSuffix(got[0].Subject, "(en nog 1 bericht)") {
		t.Errorf("subject %q: want the match first, then that one more message is in it", got[0].Subject)
	}
	// The inbox keeps each message apart: they are read, and removed, one by one.
	inbox := env.Inbox(t, school)
	if len(testenv.MessagesOfKind(inbox, registration.KindMatch)) != 1 || len(testenv.MessagesOfKind(inbox, coordination.KindCoordinator)) != 1 {
		t.Errorf("the school's inbox = %+v, want one match and one coordinator message", inbox)
	}
}

func TestTheRegisteringProfessionalIsNotMailedWhatTheScreenShowed(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	care := env.Pro(t, env.Org(t, "Jeugdhulp Zuid", model.TypeJeugdhulp))

	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	if got := newMails(t, env)[school.Professional.Email]; len(got) != 0 {
		t.Fatalf("the school was mailed 'geen andere organisatie' the screen just showed: %+v", got)
	}
	alone := testenv.MessagesOfKind(env.Inbox(t, school), registration.KindAlone)
	if len(alone) != 1 || alone[0].ReadAt == nil {
		t.Fatalf("the inbox's record of what the screen showed = %+v, want one, marked read", alone)
	}

	env.Register(t, care, population.BSNTeen, model.KindKetenregistratie)
	if got := newMails(t, env)[care.Professional.Email]; len(got) != 0 {
		t.Fatalf("the care professional was mailed the match the screen just showed: %+v", got)
	}
	for _, m := range env.Inbox(t, care) {
		if m.ReadAt == nil {
			t.Errorf("the registering professional's %q is unread, though the screen showed it", m.Subject)
		}
	}
}

func TestAColleagueOfTheRegisteringProfessionalIsStillMailed(t *testing.T) {
	env := testenv.New(t)
	org := env.Org(t, "Jeugdhulp Zuid", model.TypeJeugdhulp)
	first, second := env.Pro(t, org), env.Pro(t, org)
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))

	env.Register(t, first, population.BSNTeen, model.KindSignaal)
	env.Register(t, second, population.BSNTeen, model.KindKetenregistratie)
	newMails(t, env) // what came before
	env.Register(t, school, population.BSNTeen, model.KindSignaal)

	mails := newMails(t, env)
	for _, a := range []usecase.Actor{first, second} {
		if got := mails[a.Professional.Email]; len(got) != 1 {
			t.Errorf("%s got %d e-mails about the school joining, want 1", a.Professional.Name, len(got))
		}
	}
	if got := mails[school.Professional.Email]; len(got) != 0 {
		t.Errorf("the school, which registered, got %d e-mails", len(got))
	}
}

// A client system registers on a professional's behalf: the professional did
// not see the answer, the client system did. They are mailed, once.
func TestAClientSystemsProfessionalIsMailedOnce(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	care := env.Pro(t, env.Org(t, "Jeugdhulp Zuid", model.TypeJeugdhulp))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	newMails(t, env)

	care.TokenID = 7
	env.Register(t, care, population.BSNTeen, model.KindKetenregistratie)

	mails := newMails(t, env)
	got := mails[care.Professional.Email]
	if len(got) != 1 {
		t.Fatalf("the professional behind the client system got %d e-mails, want 1", len(got))
	}
	for _, want := range []string{"Stedelijk College", "aangewezen als coördinator"} {
		if !strings.Contains(got[0].Body, want) {
			t.Errorf("their e-mail lacks %q:\n%s", want, got[0].Body)
		}
	}
	if got := mails[school.Professional.Email]; len(got) != 1 {
		t.Errorf("the school got %d e-mails, want 1", len(got))
	}
}

// A registration withdrawn before its e-mail went (made in error, an upheld
// objection) must not reach anyone by a combined e-mail either: the whole
// unsent e-mail is withdrawn with the message about it.
func TestWithdrawingARegistrationWithdrawsTheCombinedEmailAboutIt(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	care := env.Pro(t, env.Org(t, "Jeugdhulp Zuid", model.TypeJeugdhulp))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	r := env.Register(t, care, population.BSNTeen, model.KindKetenregistratie)
	raw := testenv.RawDB(t, env)
	mentioning := `SELECT count(*) FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.recipient = $1 AND COALESCE(o.body, m.body) LIKE '%' || $2 || '%'`
	if n := testenv.CountWhere(t, raw, mentioning, school.Professional.Email, care.Professional.Phone); n != 1 {
		t.Fatalf("%d e-mails to the school give the care professional's phone before the withdrawal, want 1", n)
	}

	if err := env.Registry.Registrations.RemoveInError(ctx, care, r.Registration.ID, model.RemovalByMistake); err != nil {
		t.Fatal(err)
	}

	if n := testenv.CountWhere(t, raw, mentioning, school.Professional.Email, care.Professional.Phone); n != 0 {
		t.Errorf("%d e-mails to the school still give the withdrawn registration's contact", n)
	}
}
