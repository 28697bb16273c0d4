package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// wantConfirmation checks a confirmation page: what will happen, "Ja" posting
// to action with bevestigd=ja, and "Annuleren" back.
func wantConfirmation(t *testing.T, p page, action, button, cancel string, says ...string) {
	t.Helper()
	if p.StatusCode != http.StatusOK {
		t.Fatalf("%s: status %d, want the confirmation page", action, p.StatusCode)
	}
	mustContain(t, p, append(says, "Wat er gebeurt", `action="`+action+`"`, `name="bevestigd" value="ja"`, button, `href="`+cancel+`">Annuleren`)...)
}

func TestWebEndingARegistrationAsksFirstAndActsOnlyConfirmed(t *testing.T) {
	d := startDuties(t)
	c := d.login(t, d.school)
	mustContain(t, get(t, c, d.registration()), `action="/registraties/`+d.reg+`/beeindigen"`)
	p := post(t, c, d.registration()+"/beeindigen", nil)
	wantConfirmation(t, p, "/registraties/"+d.reg+"/beeindigen", "Ja, registratie beëindigen", "/registraties/"+d.reg,
		"Registratie beëindigen?", "historisch archief", "kan niet ongedaan worden gemaakt")
	if n := d.count(t, `SELECT count(*) FROM registrations WHERE ended_at IS NULL`); n != 1 {
		t.Fatal("the registration ended without the confirmation")
	}
	if p := post(t, d.login(t, d.other), d.registration()+"/beeindigen", nil); p.StatusCode != http.StatusNotFound {
		t.Errorf("another organisation got %d, not the page of a registration that does not exist", p.StatusCode)
	}

	p = post(t, c, d.registration()+"/beeindigen", url.Values{"bevestigd": {"ja"}})
	if p.Request.URL.Query().Get("melding") != "beeindigd" {
		t.Fatalf("after confirming: %d %s", p.StatusCode, p.Request.URL)
	}
	if n := d.count(t, `SELECT count(*) FROM registrations WHERE ended_at IS NOT NULL AND end_reason = 'organisatie'`); n != 1 {
		t.Error("the registration did not end")
	}
	if n := d.audited(t, "end", "registratie", "%"); n != 1 {
		t.Errorf("%d audit records of the ending, want 1", n)
	}
}

func TestWebStartingAnEscalationSaysStepOneIsDoneAndActsOnlyConfirmed(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs), false, true)
	jh := a.person(t, a.env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp), false, true)
	a.env.Register(t, school.Actor, population.BSNChild, model.KindSignaal)
	ref := a.env.Register(t, jh.Actor, population.BSNChild, model.KindKetenregistratie).Youth.Reference
	if _, err := a.env.Registry.Coordinations.AcceptCoordination(context.Background(), jh.Actor, ref, ""); err != nil {
		t.Fatal(err)
	}
	youth := a.base + "/jeugdigen/" + ref
	jc := a.login(t, jh)

	p := post(t, jc, youth+"/escalatie", nil)
	wantConfirmation(t, p, "/jeugdigen/"+ref+"/escalatie", "Ja, escalatieprocedure starten", "/jeugdigen/"+ref+"#escalatie",
		"Escalatieprocedure starten?", "Stap 1 wordt direct als gedaan vastgelegd", "binnen 2 werkdagen")
	if n := a.count(t, `SELECT count(*) FROM escalations`); n != 0 {
		t.Fatal("the escalation started without the confirmation")
	}
	// Who may not start gets the refusal, never the page that asks.
	if p := post(t, a.login(t, school), youth+"/escalatie", nil); p.StatusCode != http.StatusForbidden || strings.Contains(p.Body, "Ja, escalatieprocedure starten") {
		t.Errorf("the school: %d", p.StatusCode)
	}

	p = post(t, jc, youth+"/escalatie", url.Values{"bevestigd": {"ja"}})
	if p.Request.URL.Query().Get("melding") != "escalatie-gestart" {
		t.Fatalf("after confirming: %d %s", p.StatusCode, p.Request.URL)
	}
	if n := a.count(t, `SELECT count(*) FROM escalations`); n != 1 {
		t.Fatalf("%d escalations, want 1", n)
	}
	// One runs now: asking again is refused with the reason, no confirmation page.
	p = post(t, jc, youth+"/escalatie", nil)
	if p.StatusCode != http.StatusConflict || !strings.Contains(p.Body, "Er loopt al een escalatie") {
		t.Errorf("a second start: %d", p.StatusCode)
	}
}

func TestWebDeactivatingAProfessionalAsksFirst(t *testing.T) {
	d := startDuties(t)
	ac := d.login(t, d.admin)
	id := itoa(d.other.Professional.ID)
	p := post(t, ac, d.base+"/beheer/medewerkers/"+id+"/deactiveren", nil)
	wantConfirmation(t, p, "/beheer/medewerkers/"+id+"/deactiveren", "Ja, medewerker deactiveren", "/beheer/medewerkers",
		"Medewerker deactiveren?", d.other.Professional.Name, "direct uitgelogd")
	if n := d.count(t, `SELECT count(*) FROM professionals WHERE id = $1 AND active = 1`, id); n != 1 {
		t.Fatal("deactivated without the confirmation")
	}
	p = post(t, ac, d.base+"/beheer/medewerkers/"+id+"/deactiveren", url.Values{"bevestigd": {"ja"}})
	if p.Request.URL.Query().Get("melding") != "gedeactiveerd" {
		t.Fatalf("after confirming: %d %s", p.StatusCode, p.Request.URL)
	}
	if n := d.count(t, `SELECT count(*) FROM professionals WHERE id = $1 AND active = 1`, id); n != 0 {
		t.Error("the professional is still active")
	}
	if n := d.audited(t, "update", "medewerker", "%gedeactiveerd"); n != 1 {
		t.Errorf("%d audit records of the deactivation, want 1", n)
	}
}

func TestWebDeactivatingAnOrganisationAsksFirstAndTheFormNeverDeactivates(t *testing.T) {
	d := startDuties(t)
	ac := d.login(t, d.admin)
	org := d.other.Organisation
	path := "/beheer/organisaties/" + itoa(org.ID)
	active := func() bool {
		return d.count(t, `SELECT count(*) FROM organisations WHERE id = $1 AND active = 1`, org.ID) == 1
	}
	p := get(t, ac, d.base+path)
	mustContain(t, p, `action="`+path+`/deactiveren"`, "Organisatie deactiveren")
	mustNotContain(t, p, `name="actief"`)

	// Saving the form without the old checkbox keeps it taking part.
	fields := url.Values{"naam": {org.Name}, "type": {string(org.Type)}, "rol": {string(org.Role)}, "gemeente": {"Eindhoven"}}
	if p := post(t, ac, d.base+path, fields); p.Request.URL.Query().Get("melding") != "opgeslagen" || !active() {
		t.Fatalf("saving the form: %d %s, active %v", p.StatusCode, p.Request.URL, active())
	}

	p = post(t, ac, d.base+path+"/deactiveren", nil)
	wantConfirmation(t, p, path+"/deactiveren", "Ja, organisatie deactiveren", path, "Organisatie deactiveren?", "kunnen niet meer inloggen of registreren")
	if !active() {
		t.Fatal("deactivated without the confirmation")
	}
	p = post(t, ac, d.base+path+"/deactiveren", url.Values{"bevestigd": {"ja"}})
	if p.Request.URL.Query().Get("melding") != "gedeactiveerd" || active() {
		t.Fatalf("after confirming: %d %s, active %v", p.StatusCode, p.Request.URL, active())
	}
	mustContain(t, p, "Deze organisatie is gedeactiveerd", `name="actief"`, "Weer laten deelnemen")
	if n := d.audited(t, "update", "organisatie", "%"); n != 2 {
		t.Errorf("%d audit records of changing the organisation, want 2", n)
	}

	// Taking part again is the checkbox.
	fields.Set("actief", "ja")
	if p := post(t, ac, d.base+path, fields); p.Request.URL.Query().Get("melding") != "opgeslagen" || !active() {
		t.Errorf("reactivating: %d %s, active %v", p.StatusCode, p.Request.URL, active())
	}
}
