package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/report"
	"github.com/jeugdketen/jeugdketen/internal/server"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// dutiesApp is a school that registered a signal about a teenager, a
// colleague organisation that did not, and a regional administrator.
type dutiesApp struct {
	*app
	school, other, admin person
	reg, ref             string // the signal's id and the youth's reference
}

func startDuties(t *testing.T) dutiesApp {
	t.Helper()
	a := startApp(t, server.Config{})
	d := dutiesApp{app: a,
		school: a.person(t, a.env.Org(t, "Stedelijk College", model.TypeOnderwijs), false, true),
		other:  a.person(t, a.env.Org(t, "GGZ Oost", model.TypeGGZ), false, true),
		admin:  a.person(t, a.env.Org(t, "Regio Zuidoost-Brabant", model.TypeWijkteam), true, true),
	}
	r := a.env.Register(t, d.school.Actor, population.BSNTeen, model.KindSignaal)
	d.reg, d.ref = itoa(r.Registration.ID), r.Youth.Reference
	return d
}

func (d dutiesApp) registration() string { return d.base + "/registraties/" + d.reg }

func (d dutiesApp) audited(t *testing.T, action, objectType, purposeLike string) int {
	t.Helper()
	return d.count(t, `SELECT count(*) FROM audit_log WHERE action = $1 AND object_type = $2 AND purpose LIKE $3`, action, objectType, purposeLike)
}

func TestWebInformingLaterIsRecordedAndAuditedAndBadCodesChangeNothing(t *testing.T) {
	d := startDuties(t)
	c := d.login(t, d.school)
	p := get(t, c, d.registration())
	mustContain(t, p, "Ouders en jeugdige informeren", `action="/registraties/`+d.reg+`/informeren"`, `value="niet-informeren-veiligheid"`, "Nu vastgelegd: nog niet geïnformeerd")

	// From 12 the youth is informed too: "not applicable" is refused, at the field, the choice kept.
	p = post(t, c, d.registration()+"/informeren", url.Values{"ouders": {"geinformeerd"}, "jeugdige": {"niet-van-toepassing"}})
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a code the youth's age does not allow: %d", p.StatusCode)
	}
	mustContain(t, p, `href="#jeugdige"`, "Jeugdige geïnformeerd: &#39;niet-van-toepassing&#39; kan alleen bij een jeugdige jonger dan 12 jaar",
		`<option value="niet-van-toepassing" selected>`, `<option value="geinformeerd" selected>`)
	p = post(t, c, d.registration()+"/informeren", url.Values{})
	if p.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(p.Body, "Ouders of wettelijk vertegenwoordigers geïnformeerd: Geef aan of") {
		t.Fatalf("nothing chosen: %d", p.StatusCode)
	}
	if n := d.count(t, `SELECT count(*) FROM registrations WHERE parents_informed = 'nog-niet-geinformeerd' AND youth_informed = 'nog-niet-geinformeerd'`); n != 1 {
		t.Fatal("a refused form changed what was recorded")
	}

	// Another organisation's professional gets the page of a registration that does not exist.
	oc := d.login(t, d.other)
	refused := post(t, oc, d.registration()+"/informeren", url.Values{"ouders": {"geinformeerd"}})
	missing := post(t, oc, d.base+"/registraties/987654/informeren", url.Values{"ouders": {"geinformeerd"}})
	if refused.StatusCode != http.StatusNotFound || refused.Body != missing.Body {
		t.Errorf("another organisation: %d, not the page of a registration that does not exist", refused.StatusCode)
	}

	p = post(t, c, d.registration()+"/informeren", url.Values{"ouders": {"geinformeerd-niet-eens"}, "jeugdige": {"niet-informeren-veiligheid"}})
	if p.Request.URL.Query().Get("melding") != "geinformeerd" {
		t.Fatalf("after informing: %d %s", p.StatusCode, p.Request.URL)
	}
	mustContain(t, p, "Vastgelegd of de ouders en de jeugdige zijn geïnformeerd", "geïnformeerd, niet mee eens", "niet geïnformeerd: dat brengt de jeugdige in gevaar")
	if n := d.count(t, `SELECT count(*) FROM registrations WHERE parents_informed = 'geinformeerd-niet-eens' AND youth_informed = 'niet-informeren-veiligheid'`); n != 1 {
		t.Error("the codes were not stored")
	}
	if n := d.audited(t, "update", "registratie", "informeren ouders en jeugdige%"); n != 1 {
		t.Errorf("%d audit records of informing, want 1", n)
	}
}

func TestWebRenewalIsOfferedWithThe30DayWarningAndRenews(t *testing.T) {
	d := startDuties(t)
	c := d.login(t, d.school)
	if p := get(t, c, d.registration()); strings.Contains(p.Body, "De looptijd eindigt op") {
		t.Fatal("a fresh registration warns that its term ends")
	}
	if p := get(t, c, d.base+"/registraties"); strings.Contains(p.Body, "binnen 30 dagen af") {
		t.Fatal("the list warns of a fresh registration")
	}

	// Two years on, ten days before the term ends (22 November 2028).
	d.env.Clock.Set(testenv.Start.AddDate(2, 0, -10))
	c = d.login(t, d.school)
	p := get(t, c, d.registration())
	mustContain(t, p, "De looptijd eindigt op 22 november 2028", `action="/registraties/`+d.reg+`/verlengen"`)
	p = get(t, c, d.base+"/registraties")
	mustContain(t, p, "Eén registratie loopt binnen 30 dagen af", "looptijd eindigt 22 november 2028", `href="/registraties/`+d.reg+`#verlengen"`)

	p = post(t, c, d.registration()+"/verlengen", nil)
	if p.Request.URL.Query().Get("melding") != "verlengd" {
		t.Fatalf("after renewing: %d %s", p.StatusCode, p.Request.URL)
	}
	mustContain(t, p, "De registratie is verlengd", "tot en met 12 november 2030")
	mustNotContain(t, p, "De looptijd eindigt op")
	if n := d.count(t, `SELECT count(*) FROM registrations WHERE expires_on = '2030-11-12' AND renewed_at IS NOT NULL`); n != 1 {
		t.Error("the new term was not stored")
	}
	if n := d.audited(t, "update", "registratie", "looptijd verlengd tot en met 2030-11-12"); n != 1 {
		t.Errorf("%d audit records of the renewal, want 1", n)
	}
	if p := post(t, d.login(t, d.other), d.registration()+"/verlengen", nil); p.StatusCode != http.StatusNotFound {
		t.Errorf("another organisation renewed: %d", p.StatusCode)
	}
}

func TestWebRemovalInErrorNeedsAReasonAndTheConfirmation(t *testing.T) {
	d := startDuties(t)
	c := d.login(t, d.school)
	mustContain(t, get(t, c, d.registration()), "Ten onrechte geregistreerd?", `<option value="verkeerde-jeugdige">geregistreerd bij de verkeerde jeugdige</option>`)
	still := func(why string) {
		t.Helper()
		if n := d.count(t, `SELECT count(*) FROM registrations WHERE id = $1`, d.reg); n != 1 {
			t.Fatalf("%s removed the registration", why)
		}
	}

	p := post(t, c, d.registration()+"/verwijderen", url.Values{})
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("without a reason: %d", p.StatusCode)
	}
	mustContain(t, p, `href="#reden"`, "Reden: Kies waarom de registratie ten onrechte is gedaan")
	p = post(t, c, d.registration()+"/verwijderen", url.Values{"reden": {"geen-zin"}, "bevestigd": {"ja"}})
	if p.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(p.Body, "Onbekende reden") {
		t.Fatalf("an unknown reason, confirmed: %d", p.StatusCode)
	}
	still("a bad reason")

	p = post(t, c, d.registration()+"/verwijderen", url.Values{"reden": {"dubbel"}})
	if p.StatusCode != http.StatusOK {
		t.Fatalf("the confirmation page: %d", p.StatusCode)
	}
	mustContain(t, p, "Registratie verwijderen?", "omdat zij ten onrechte is gedaan: dubbel geregistreerd", "zonder historisch archief",
		`<input type="hidden" name="reden" value="dubbel">`, `name="bevestigd" value="ja"`, "Ja, registratie verwijderen", `href="/registraties/`+d.reg+`">Annuleren`)
	still("the confirmation page")
	if n := d.audited(t, "remove", "registratie", "%"); n != 0 {
		t.Fatal("the confirmation page wrote a removal into the audit trail")
	}

	oc := d.login(t, d.other)
	refused := post(t, oc, d.registration()+"/verwijderen", url.Values{"reden": {"dubbel"}, "bevestigd": {"ja"}})
	missing := post(t, oc, d.base+"/registraties/987654/verwijderen", url.Values{"reden": {"dubbel"}, "bevestigd": {"ja"}})
	if refused.StatusCode != http.StatusNotFound || refused.Body != missing.Body {
		t.Errorf("another organisation: %d, not the page of a registration that does not exist", refused.StatusCode)
	}
	still("another organisation")

	p = post(t, c, d.registration()+"/verwijderen", url.Values{"reden": {"dubbel"}, "bevestigd": {"ja"}})
	if p.Request.URL.Path != "/registraties" || p.Request.URL.Query().Get("melding") != "verwijderd" {
		t.Fatalf("after removing: %d %s", p.StatusCode, p.Request.URL)
	}
	if n := d.count(t, `SELECT count(*) FROM registrations WHERE id = $1`, d.reg); n != 0 {
		t.Fatal("the registration is still held")
	}
	if n := d.audited(t, "remove", "registratie", "%reden: dubbel"); n != 1 {
		t.Errorf("%d audit records of the removal with its reason, want 1", n)
	}
}

func TestWebObjectionIsRecordedAndDecidedByTheAdministrator(t *testing.T) {
	d := startDuties(t)
	ac := d.login(t, d.admin)
	if p := get(t, d.login(t, d.school), d.base+"/beheer/bezwaren"); p.StatusCode != http.StatusForbidden {
		t.Fatalf("a professional opened the objections: %d", p.StatusCode)
	}
	mustContain(t, get(t, ac, d.base+"/beheer/bezwaren"), "Er zijn geen bezwaren vastgelegd", `action="/beheer/bezwaren"`)

	p := post(t, ac, d.base+"/beheer/bezwaren", url.Values{"burgerservicenummer": {"12345"}, "gemeente": {"Helmond"}, "ontvangen": {"2026-12-01"}})
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad input: %d", p.StatusCode)
	}
	mustContain(t, p, `href="#burgerservicenummer"`, `href="#ontvangen"`, "Ontvangen op: De datum van ontvangst ligt in de toekomst", `value="Helmond"`)
	p = post(t, ac, d.base+"/beheer/bezwaren", url.Values{"burgerservicenummer": {population.BSNTeen}, "ontvangen": {"20-11-2026"}, "registraties": {"twaalf"}})
	mustContain(t, p, `href="#registraties"`, "Noem de registraties met hun nummer")
	if n := d.count(t, `SELECT count(*) FROM objections`); n != 0 {
		t.Fatalf("%d objections stored from bad input", n)
	}

	p = post(t, ac, d.base+"/beheer/bezwaren", url.Values{"burgerservicenummer": {population.BSNTeen}, "gemeente": {"Helmond"}, "ontvangen": {"20-11-2026"}})
	if p.Request.URL.Query().Get("melding") != "bezwaar-vastgelegd" || !strings.HasPrefix(p.Request.URL.Path, "/beheer/bezwaren/") {
		t.Fatalf("after recording: %d %s", p.StatusCode, p.Request.URL)
	}
	objection := d.base + p.Request.URL.Path
	mustContain(t, p, "Het bezwaar is vastgelegd", d.ref, "Helmond", "20 november 2026", "Stedelijk College", "signaal", "actief", "Besluit van de gemeente vastleggen")
	if n := d.audited(t, "create", "bezwaar", "%"); n != 1 {
		t.Errorf("%d audit records of recording, want 1", n)
	}

	p = post(t, ac, objection+"/besluit", url.Values{"datum": {"2026-11-22"}})
	if p.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(p.Body, "Uitkomst: Kies de uitkomst") || !strings.Contains(p.Body, `value="2026-11-22"`) {
		t.Fatalf("a decision without outcome: %d", p.StatusCode)
	}
	p = post(t, ac, objection+"/besluit", url.Values{"uitkomst": {"toegewezen"}, "datum": {"19-11-2026"}})
	if p.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(p.Body, "vóór de ontvangst") {
		t.Fatalf("a decision before the objection came in: %d", p.StatusCode)
	}
	if n := d.count(t, `SELECT count(*) FROM registrations`); n != 1 {
		t.Fatal("a refused decision removed the registration")
	}

	p = post(t, ac, objection+"/besluit", url.Values{"uitkomst": {"toegewezen"}, "datum": {"2026-11-22"}})
	if p.Request.URL.Query().Get("melding") != "bezwaar-toegewezen" {
		t.Fatalf("after deciding: %d %s", p.StatusCode, p.Request.URL)
	}
	mustContain(t, p, "het bezwaar is toegewezen en de registraties zijn verwijderd", "toegewezen op 22 november 2026", "verwijderd op")
	mustNotContain(t, p, "Besluit van de gemeente vastleggen")
	if n := d.count(t, `SELECT count(*) FROM registrations`); n != 0 {
		t.Error("the upheld objection left the registration")
	}
	if n := d.audited(t, "update", "bezwaar", "besluit op bezwaar: toegewezen"); n != 1 {
		t.Errorf("%d audit records of the decision, want 1", n)
	}
	mustContain(t, get(t, ac, d.base+"/beheer/bezwaren"), "toegewezen op 22 november 2026")
}

func TestWebAccessReportAsPagePDFAndPrint(t *testing.T) {
	d := startDuties(t)
	ac := d.login(t, d.admin)
	if p := post(t, d.login(t, d.school), d.base+"/beheer/inzage", url.Values{"burgerservicenummer": {population.BSNTeen}}); p.StatusCode != http.StatusForbidden {
		t.Fatalf("a professional made an access report: %d", p.StatusCode)
	}
	mustContain(t, get(t, ac, d.base+"/beheer/inzage"), "Inzagerapport maken", `id="burgerservicenummer"`)

	p := post(t, ac, d.base+"/beheer/inzage", url.Values{"burgerservicenummer": {"12345678"}})
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a bad BSN: %d", p.StatusCode)
	}
	mustContain(t, p, `href="#burgerservicenummer"`, `value="12345678"`)
	if n := d.audited(t, "export", "inzagerapport", "%"); n != 0 {
		t.Fatal("a refused request made a report")
	}

	p = post(t, ac, d.base+"/beheer/inzage", url.Values{"burgerservicenummer": {population.BSNTeen}})
	if p.StatusCode != http.StatusOK || strings.Contains(p.Request.URL.String(), population.BSNTeen) {
		t.Fatalf("the report page: %d %s", p.StatusCode, p.Request.URL)
	}
	mustContain(t, p, "<h1>Inzagerapport verwijsindex Jeugdketen</h1>", d.ref, "Stedelijk College (Onderwijs)", "Wie heeft de gegevens ingezien",
		`name="formaat" value="pdf"`, "Download als PDF", `name="formaat" value="afdrukken"`)

	res, err := ac.PostForm(d.base+"/beheer/inzage", url.Values{"burgerservicenummer": {population.BSNTeen}, "formaat": {"pdf"}})
	if err != nil {
		t.Fatal(err)
	}
	pdf := read(t, res)
	if pdf.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf.Body, "%PDF") ||
		pdf.Header.Get("Content-Disposition") != `attachment; filename="inzagerapport-`+d.ref+`.pdf"` {
		t.Fatalf("PDF: %s %q %.8q", pdf.Header.Get("Content-Type"), pdf.Header.Get("Content-Disposition"), pdf.Body)
	}
	printable := post(t, ac, d.base+"/beheer/inzage", url.Values{"burgerservicenummer": {population.BSNTeen}, "formaat": {"afdrukken"}})
	if !strings.HasPrefix(printable.Body, "<!doctype html>") || printable.Header.Get("Content-Security-Policy") != report.ContentSecurityPolicy {
		t.Fatalf("printable page: %q, policy %q", printable.Body[:min(40, len(printable.Body))], printable.Header.Get("Content-Security-Policy"))
	}
	for format, want := range map[string]int{"html": 2, "pdf": 1} {
		if n := d.count(t, `SELECT count(*) FROM audit_log WHERE action = 'export' AND object_type = 'inzagerapport' AND object_id = $1`, format); n != want {
			t.Errorf("%d audit records of a report as %s, want %d", n, format, want)
		}
	}
}
