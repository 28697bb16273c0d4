package web_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/mailcatcher"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/notify"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// refusedNotice is the start of what every page tells a professional whose
// mail is refused.
const refusedNotice = "E-mail aan u komt niet aan."

// mailWorld is a region whose SMTP server refuses one professional's mail:
// the school and the social worker register the same youth, so both get a
// message about it and the school's bounces.
type mailWorld struct {
	a        *app
	deliver  func(t *testing.T) // runs the outbox worker once
	school   person
	smw      person
	admin    person
	youthRef string
}

func newMailWorld(t *testing.T) *mailWorld {
	t.Helper()
	a := startApp(t, server.Config{}) // no SMTP: the test runs the worker itself
	w := &mailWorld{
		a:      a,
		school: a.person(t, a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs), false, true),
		smw:    a.person(t, a.env.Org(t, "Schoolmaatschappelijk Werk", model.TypeSMW), false, true),
		admin:  a.person(t, a.env.Org(t, "Regio Zuidoost-Brabant", model.TypeWijkteam), true, true),
	}
	a.env.Register(t, w.school.Actor, population.BSNTeen, model.KindSignaal)
	w.youthRef = a.env.Register(t, w.smw.Actor, population.BSNTeen, model.KindKetenregistratie).Youth.Reference
	w.deliver = a.refusingMailServer(t, w.school.Professional.Email)
	w.deliver(t)
	if n := a.count(t, `SELECT count(*) FROM outbox WHERE undelivered_at IS NOT NULL`); n == 0 {
		t.Fatal("no mail was refused")
	}
	return w
}

// refusingMailServer starts a real SMTP server that answers 550 5.1.1 for
// address and accepts all other mail, and returns a function that runs the
// outbox worker against it once.
func (a *app) refusingMailServer(t *testing.T, address string) func(*testing.T) {
	t.Helper()
	c, err := mailcatcher.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.Refuse(address)
	s, err := notify.ParseSMTP("smtp://" + c.Addr() + "?from=verwijsindex%40regio.example")
	if err != nil {
		t.Fatal(err)
	}
	w := &notify.Worker{DB: a.env.DB, Sender: s, Owner: "test", Now: a.env.Clock.Now, Log: slog.New(slog.DiscardHandler)}
	return func(t *testing.T) {
		t.Helper()
		if _, err := w.RunOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

func TestUndeliveredMailIsListedForTheAdministrator(t *testing.T) {
	t.Parallel()
	w := newMailWorld(t)
	admin := w.a.login(t, w.admin)
	p := get(t, admin, w.a.base+"/beheer/niet-bezorgde-mail")
	if p.StatusCode != http.StatusOK {
		t.Fatalf("status %d", p.StatusCode)
	}
	mustContain(t, p, "Niet bezorgde e-mail", w.school.Professional.Name, w.school.Professional.Email, "550 5.1.1", "no such user", "Opnieuw proberen")
	if strings.Contains(p.Body, w.smw.Professional.Email) {
		t.Error("the page lists mail that was delivered")
	}
	if strings.Contains(p.Body, w.youthRef) || strings.Contains(p.Body, population.BSNTeen) {
		t.Error("the page names the youth the message is about")
	}
	// Only the kind of message, not its subject or text.
	if n := w.a.count(t, `SELECT count(*) FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.undelivered_at IS NOT NULL AND m.kind = 'match'`); n == 0 {
		t.Fatal("the refused mail is no match message; the test expects one")
	}
	mustContain(t, p, ">match<")
}

func TestProfessionalWhoseMailIsRefusedIsToldOnEveryPage(t *testing.T) {
	t.Parallel()
	w := newMailWorld(t)
	school := w.a.login(t, w.school) // lands on /registreren, after login
	for _, path := range []string{"/registreren", "/berichten"} {
		p := get(t, school, w.a.base+path)
		mustContain(t, p, refusedNotice, w.school.Professional.Email, "Vraag de regiobeheerder uw e-mailadres te controleren")
	}
	if p := get(t, w.a.login(t, w.smw), w.a.base+"/registreren"); strings.Contains(p.Body, refusedNotice) {
		t.Error("a professional whose mail arrives is told it does not")
	}
}

func TestAdministratorCorrectsTheAddressAndRetries(t *testing.T) {
	t.Parallel()
	w := newMailWorld(t)
	admin := w.a.login(t, w.admin)
	school := w.a.login(t, w.school)
	id := itoa(w.school.Professional.ID)
	refused := w.a.count(t, `SELECT count(*) FROM outbox WHERE undelivered_at IS NOT NULL`)

	// Bad input is refused and changes nothing.
	p := post(t, admin, w.a.base+"/beheer/medewerkers/"+id+"/email", url.Values{"email": {"geen adres"}})
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("an invalid address: status %d, want 422", p.StatusCode)
	}
	mustContain(t, p, "Vul een geldig e-mailadres in", `href="#email"`)
	p = post(t, admin, w.a.base+"/beheer/medewerkers/"+id+"/email", url.Values{"email": {w.smw.Professional.Email}})
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a colleague's address: status %d, want 422", p.StatusCode)
	}
	mustContain(t, p, "Er is al een medewerker met dit e-mailadres")
	if n := w.a.count(t, `SELECT count(*) FROM professionals WHERE id = $1 AND email = $2`, w.school.Professional.ID, w.school.Professional.Email); n != 1 {
		t.Fatal("a refused change of address changed it")
	}

	// The corrected address: the professional's notice goes, the mail waits.
	p = post(t, admin, w.a.base+"/beheer/medewerkers/"+id+"/email", url.Values{"email": {"  Juf.Jansen@Regenboog.example "}})
	if p.StatusCode != http.StatusOK || p.Request.URL.Path != "/beheer/medewerkers" {
		t.Fatalf("changing the address: %s %d", p.Request.URL, p.StatusCode)
	}
	mustContain(t, p, "Het e-mailadres is gewijzigd", "juf.jansen@regenboog.example")
	if q := get(t, school, w.a.base+"/registreren"); strings.Contains(q.Body, refusedNotice) {
		t.Error("the notice stays after the address was corrected")
	}
	p = get(t, admin, w.a.base+"/beheer/niet-bezorgde-mail")
	mustContain(t, p, w.school.Professional.Email, "adres nu: juf.jansen@regenboog.example")

	// Retry: every refused mail to her is queued to the new address and sent.
	outbox := w.a.count(t, `SELECT min(id) FROM outbox WHERE undelivered_at IS NOT NULL`)
	p = post(t, admin, w.a.base+"/beheer/niet-bezorgde-mail/"+itoa(int64(outbox))+"/opnieuw", nil)
	if p.StatusCode != http.StatusOK {
		t.Fatalf("retry: status %d", p.StatusCode)
	}
	mustContain(t, p, "De e-mail staat weer klaar om te versturen", "Er is geen niet bezorgde e-mail")
	if n := w.a.count(t, `SELECT count(*) FROM outbox WHERE undelivered_at IS NULL AND sent_at IS NULL AND recipient = 'juf.jansen@regenboog.example'`); n != refused {
		t.Fatalf("%d mails queued to the new address, want the %d refused", n, refused)
	}
	if n := w.a.count(t, `SELECT count(*) FROM audit_log WHERE action = 'update' AND object_type = 'e-mail' AND professional_id = $1`, w.admin.Professional.ID); n != refused {
		t.Errorf("%d retries in the audit trail, want %d", n, refused)
	}
	if n := w.a.count(t, `SELECT count(*) FROM audit_log WHERE action = 'update' AND object_type = 'medewerker' AND object_id = $1`, id); n != 1 {
		t.Errorf("%d address changes in the audit trail, want 1", n)
	}
	w.deliver(t)
	if n := w.a.count(t, `SELECT count(*) FROM outbox WHERE recipient = 'juf.jansen@regenboog.example' AND sent_at IS NOT NULL`); n != refused {
		t.Errorf("%d mails delivered to the new address, want %d", n, refused)
	}

	// A second retry of the same mail finds nothing to do.
	p = post(t, admin, w.a.base+"/beheer/niet-bezorgde-mail/"+itoa(int64(outbox))+"/opnieuw", nil)
	if p.StatusCode != http.StatusNotFound {
		t.Errorf("retrying delivered mail: status %d, want 404", p.StatusCode)
	}
}
