package web_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

func TestPagesNeedALogin(t *testing.T) {
	a := startApp(t, server.Config{})
	for _, path := range []string{"/", "/registreren", "/registraties", "/berichten", "/beheer/organisaties"} {
		p := get(t, http.DefaultClient, a.base+path)
		if p.Request.URL.Path != "/inloggen" {
			t.Errorf("GET %s without login ends at %s", path, p.Request.URL.Path)
		}
	}
}

func TestSessionCookieIsHttpOnlyLaxAndSecureBehindHTTPS(t *testing.T) {
	a := startApp(t, server.Config{BaseURL: "https://verwijsindex.regio.example"})
	p := a.person(t, a.env.Org(t, "GGD", model.TypeJGZ), false, true)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res := post(t, c, a.base+"/inloggen", url.Values{"email": {p.Professional.Email}, "wachtwoord": {password}})
	cookie := res.Header.Get("Set-Cookie")
	for _, flag := range []string{"HttpOnly", "Secure", "SameSite=Lax"} {
		if !strings.Contains(cookie, flag) {
			t.Errorf("login cookie %q lacks %s", cookie, flag)
		}
	}
}

func TestWrongPasswordAndUnknownAddressLookTheSame(t *testing.T) {
	a := startApp(t, server.Config{})
	p := a.person(t, a.env.Org(t, "GGD", model.TypeJGZ), false, true)
	wrong := post(t, http.DefaultClient, a.base+"/inloggen", url.Values{"email": {p.Professional.Email}, "wachtwoord": {"niet het wachtwoord"}})
	unknown := post(t, http.DefaultClient, a.base+"/inloggen", url.Values{"email": {"niemand@nergens.example"}, "wachtwoord": {"niet het wachtwoord"}})
	if wrong.StatusCode != unknown.StatusCode || strings.Replace(unknown.Body, "niemand@nergens.example", p.Professional.Email, 1) != wrong.Body {
		t.Fatal("the login page tells an unknown address from a wrong password")
	}
	if strings.Contains(wrong.Body, "niet het wachtwoord") {
		t.Fatal("the password was sent back in the page")
	}
}

func TestAFormPostedFromAnotherSiteIsRefusedAndStoresNothing(t *testing.T) {
	a := startApp(t, server.Config{})
	p := a.person(t, a.env.Org(t, "Basisschool", model.TypeOnderwijs), false, true)
	c := a.login(t, p)
	req, _ := http.NewRequest("POST", a.base+"/registreren", strings.NewReader(url.Values{"burgerservicenummer": {population.BSNChild}, "geboortedatum": {birthDate(population.BSNChild)}, "soort": {"signaal"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden || a.count(t, `SELECT count(*) FROM registrations`) != 0 {
		t.Fatalf("cross-site form: %d, registrations %d", res.StatusCode, a.count(t, `SELECT count(*) FROM registrations`))
	}
}

func TestBadInputComesBackWithTheValuesAndAnErrorAtTheFieldAndStoresNothing(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool", model.TypeOnderwijs), false, true)
	c := a.login(t, school)
	cases := []struct {
		name, bsn, kind, field, says string
	}{
		{"eleven-test", "123456789", "signaal", "burgerservicenummer", "123456789"},
		{"unknown person", "999999990", "signaal", "burgerservicenummer", "horen niet bij een jeugdige"},
		{"adult", population.BSNAdult, "signaal", "burgerservicenummer", "horen niet bij een jeugdige"},
		{"no kind", population.BSNChild, "", "soort", "Kies de soort"},
		{"signal-only organisation", population.BSNChild, "ketenregistratie", "soort", "alleen signalen"},
	}
	for _, tc := range cases {
		p := post(t, c, a.base+"/registreren", url.Values{"burgerservicenummer": {tc.bsn}, "geboortedatum": {birthDateOr(tc.bsn, "2012-12-30")}, "soort": {tc.kind}, "einddatum": {"30-06-2027"}})
		if p.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: status %d", tc.name, p.StatusCode)
		}
		mustContain(t, p, `href="#`+tc.field+`"`, `value="30-06-2027"`, tc.says, "<title>Fout: ")
	}
	if n := a.count(t, `SELECT count(*) FROM registrations`); n != 0 {
		t.Fatalf("%d registrations stored from bad input", n)
	}
}

func TestUrgentSignalFirstSaysToPhoneTheCoordinator(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool", model.TypeOnderwijs), false, true)
	c := a.login(t, school)
	form := url.Values{"burgerservicenummer": {population.BSNChild}, "geboortedatum": {birthDate(population.BSNChild)}, "soort": {"urgent"}}
	p := post(t, c, a.base+"/registreren", form)
	mustContain(t, p, "eerst", "coördinerende organisatie", `name="bevestigd"`)
	if a.count(t, `SELECT count(*) FROM registrations`) != 0 {
		t.Fatal("an urgent signal was stored before the confirmation")
	}
	form.Set("bevestigd", "ja")
	p = post(t, c, a.base+"/registreren", form)
	if p.StatusCode != http.StatusUnprocessableEntity || a.count(t, `SELECT count(*) FROM registrations`) != 0 {
		t.Fatal("an urgent signal was stored without confirming the phone call")
	}
	form.Set("gebeld", "ja")
	p = post(t, c, a.base+"/registreren", form)
	mustContain(t, p, "urgent signaal", "Het initiatief ligt bij u")
}

func TestRegisteringShowsWhoElseIsInvolvedWithPhoneAndCoordinator(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool", model.TypeOnderwijs), false, true)
	gi := a.person(t, a.env.Org(t, "GI Brabant", model.TypeGI), false, true)
	p := post(t, a.login(t, school), a.base+"/registreren", url.Values{"burgerservicenummer": {population.BSNTeen}, "geboortedatum": {birthDate(population.BSNTeen)}, "soort": {"signaal"}})
	mustContain(t, p, "Het initiatief ligt bij u")
	p = post(t, a.login(t, gi), a.base+"/registreren", url.Values{"burgerservicenummer": {population.BSNTeen}, "geboortedatum": {birthDate(population.BSNTeen)}, "soort": {"ketenregistratie"}})
	mustContain(t, p, "Basisschool", school.Professional.Phone, school.Professional.Email, "Coördinator: GI Brabant", "Waarom:")
}

func TestYouthPageOnlyWhileInvolvedAndOtherwiseLikeAnUnknownReference(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool", model.TypeOnderwijs), false, true)
	police := a.person(t, a.env.Org(t, "Politie", model.TypePolitie), false, true)
	r := a.env.Register(t, school.Actor, population.BSNChild, model.KindSignaal)
	c := a.login(t, police)
	other := get(t, c, a.base+"/jeugdigen/"+r.Youth.Reference)
	unknown := get(t, c, a.base+"/jeugdigen/J-BESTAATNT")
	if other.StatusCode != http.StatusNotFound || unknown.StatusCode != http.StatusNotFound || other.Body != unknown.Body {
		t.Fatalf("an uninvolved professional can tell a registered youth from an unknown one: %d / %d", other.StatusCode, unknown.StatusCode)
	}
	mine := get(t, a.login(t, school), a.base+"/jeugdigen/"+r.Youth.Reference)
	mustContain(t, mine, r.Youth.Person.FullName(), "Basisschool")
}

func TestAdministratorPagesAreForTheAdministratorOnly(t *testing.T) {
	a := startApp(t, server.Config{})
	org := a.env.Org(t, "Wijkteam", model.TypeWijkteam)
	pro := a.person(t, org, false, true)
	if p := get(t, a.login(t, pro), a.base+"/beheer/organisaties"); p.StatusCode != http.StatusForbidden {
		t.Fatalf("a professional opened the administrator's page: %d", p.StatusCode)
	}
	admin := a.person(t, org, true, true)
	c := a.login(t, admin)
	p := post(t, c, a.base+"/beheer/organisaties", url.Values{"naam": {""}, "type": {"bakker"}, "gemeente": {"Eindhoven"}})
	mustContain(t, p, `href="#naam"`, `href="#type"`, `value="Eindhoven"`)
	p = post(t, c, a.base+"/beheer/organisaties", url.Values{"naam": {"GGZ Oost"}, "type": {"ggz"}, "gemeente": {"Eindhoven"}})
	mustContain(t, p, "GGZ Oost", "De wijzigingen zijn opgeslagen")
	mustContain(t, get(t, c, a.base+"/beheer/convenant"), "Regel 1")
}

// The administrator sees the plan's action list, and a warning for an action
// that names an agency: every involved organisation reads the plan (issue 19).
func TestTheCovenantPageWarnsAboutAPlanActionThatNamesAnAgency(t *testing.T) {
	rules, err := covenant.Load(strings.NewReader(`{"naam":"regio","regels":[{"id":"a","alleZorgaanbieders":true}],
		"zorgcoordinatie":{"afspraken":["gesprek","advies of melding Veilig Thuis"]}}`))
	if err != nil {
		t.Fatal(err)
	}
	a := startApp(t, server.Config{Covenant: rules})
	admin := a.person(t, a.env.Org(t, "Wijkteam", model.TypeWijkteam), true, true)
	p := get(t, a.login(t, admin), a.base+"/beheer/convenant")
	mustContain(t, p, `id="plan-acties"`, "gesprek", `id="convenant-waarschuwingen"`, "noemt &#34;veilig thuis&#34;")

	a = startApp(t, server.Config{})
	admin = a.person(t, a.env.Org(t, "Wijkteam", model.TypeWijkteam), true, true)
	p = get(t, a.login(t, admin), a.base+"/beheer/convenant")
	mustContain(t, p, "inzet hulp")
	mustNotContain(t, p, `id="convenant-waarschuwingen"`)
}

func TestLogoutEndsTheSession(t *testing.T) {
	a := startApp(t, server.Config{})
	p := a.person(t, a.env.Org(t, "GGD", model.TypeJGZ), false, true)
	c := a.login(t, p)
	post(t, c, a.base+"/uitloggen", nil)
	if got := get(t, c, a.base+"/registraties"); got.Request.URL.Path != "/inloggen" {
		t.Fatalf("after logout: %s", got.Request.URL.Path)
	}
	if n := a.count(t, `SELECT count(*) FROM sessions WHERE professional_id = $1`, p.Professional.ID); n != 0 {
		t.Fatalf("%d sessions left after logout", n)
	}
}

func TestFirstLoginEnrolsWithAQRCodeMadeHere(t *testing.T) {
	a := startApp(t, server.Config{})
	p := a.person(t, a.env.Org(t, "GGD", model.TypeJGZ), false, false)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	page := post(t, c, a.base+"/inloggen", url.Values{"email": {p.Professional.Email}, "wachtwoord": {password}})
	mustContain(t, page, `src="/inloggen/koppelen/qr.png"`)
	qr := get(t, c, a.base+"/inloggen/koppelen/qr.png")
	if qr.Header.Get("Content-Type") != "image/png" || !strings.HasPrefix(qr.Body, "\x89PNG") {
		t.Fatalf("QR code: %s", qr.Header.Get("Content-Type"))
	}
}

// /static/ serves the embedded files, never a listing of them (issue 19).
func TestStaticFilesAreServedButNotListed(t *testing.T) {
	a := startApp(t, server.Config{})
	for path, want := range map[string]int{
		"/static/":        http.StatusNotFound,
		"/static/app.css": http.StatusOK,
		"/static/nergens": http.StatusNotFound,
	} {
		resp, err := http.Get(a.base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s = %d, want %d", path, resp.StatusCode, want)
		}
		if strings.Contains(string(body), "README.md") {
			t.Errorf("GET %s lists the files", path)
		}
	}
}
