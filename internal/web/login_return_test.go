package web_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// youthLink is a professional involved with a youth, and the youth's page:
// the link every e-mail gives ("ziet u na inloggen: …").
func youthLink(t *testing.T, a *app, enrolled bool) (person, string) {
	t.Helper()
	p := a.person(t, a.env.Org(t, "Wijkteam Woensel", model.TypeWijkteam), false, enrolled)
	r := a.env.Register(t, p.Actor, population.BSNChild, model.KindKetenregistratie)
	return p, "/jeugdigen/" + r.Youth.Reference
}

func newJar() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar}
}

// TestADeepLinkLeadsThereAfterPasswordAndCode: a youth's page opened logged
// out asks for the login, and after password and code shows that page, not
// the registration form.
func TestADeepLinkLeadsThereAfterPasswordAndCode(t *testing.T) {
	a := startApp(t, server.Config{})
	p, link := youthLink(t, a, true)
	c := newJar()
	if res := get(t, c, a.base+link); res.Request.URL.Path != "/inloggen" {
		t.Fatalf("logged out, %s ends at %s", link, res.Request.URL)
	}
	post(t, c, a.base+"/inloggen", url.Values{"email": {p.Professional.Email}, "wachtwoord": {password}})
	res := post(t, c, a.base+"/inloggen/code", url.Values{"code": {a.code(t, p)}})
	if res.Request.URL.Path != link || res.StatusCode != http.StatusOK {
		t.Fatalf("after the login: %s %d, want %s", res.Request.URL.Path, res.StatusCode, link)
	}
	// Used once: the next login starts at the start page again.
	again := a.login(t, p)
	if res := get(t, again, a.base+"/"); res.Request.URL.Path != "/registreren" {
		t.Errorf("a later login lands on %s", res.Request.URL.Path)
	}
}

var enrolSecret = regexp.MustCompile(`jk-secret">([A-Z2-7]+)<`)

// TestADeepLinkLeadsThereAfterEnrollingTheSecondFactor: at the first login
// the recovery codes page goes on to the page asked for.
func TestADeepLinkLeadsThereAfterEnrollingTheSecondFactor(t *testing.T) {
	a := startApp(t, server.Config{})
	p, link := youthLink(t, a, false)
	c := newJar()
	get(t, c, a.base+link)
	enrol := post(t, c, a.base+"/inloggen", url.Values{"email": {p.Professional.Email}, "wachtwoord": {password}})
	m := enrolSecret.FindStringSubmatch(enrol.Body)
	if enrol.Request.URL.Path != "/inloggen/koppelen" || m == nil {
		t.Fatalf("first login: %s, no secret on the page", enrol.Request.URL.Path)
	}
	p.Secret = m[1]
	recovery := post(t, c, a.base+"/inloggen/koppelen", url.Values{"code": {a.code(t, p)}})
	mustContain(t, recovery, "Uw herstelcodes", `href="`+link+`"`)
	if res := get(t, c, a.base+link); res.Request.URL.Path != link || res.StatusCode != http.StatusOK {
		t.Errorf("following the link: %s %d", res.Request.URL.Path, res.StatusCode)
	}
}

// loginLandsAt logs in with the page to return to set to raw, as a browser
// (or an attacker who planted the cookie) could send it, and returns where
// the code step sends the browser.
func loginLandsAt(t *testing.T, a *app, p person, raw string) string {
	t.Helper()
	c := noFollow(nil)
	res := post(t, c, a.base+"/inloggen", url.Values{"email": {p.Professional.Email}, "wachtwoord": {password}})
	var halfway string
	for _, ck := range res.Cookies() {
		if ck.Name == "jeugdketen_inloggen" {
			halfway = ck.Value
		}
	}
	if halfway == "" {
		t.Fatal("no login cookie after the password")
	}
	req, _ := http.NewRequest("POST", a.base+"/inloggen/code", strings.NewReader(url.Values{"code": {a.code(t, p)}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Cookie", "jeugdketen_inloggen="+halfway+"; jeugdketen_terug="+raw)
	out, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out.Body.Close()
	if out.StatusCode != http.StatusSeeOther {
		t.Fatalf("code step: %d", out.StatusCode)
	}
	return out.Header.Get("Location")
}

// TestNoOpenRedirectAfterLogin: a page to return to that could lead to
// another site is ignored; the login lands on the start page.
func TestNoOpenRedirectAfterLogin(t *testing.T) {
	a := startApp(t, server.Config{})
	p, link := youthLink(t, a, true)
	if got := loginLandsAt(t, a, p, link); got != link {
		t.Fatalf("a safe page to return to: %q, want %q", got, link)
	}
	for _, raw := range []string{"//evil.example", `/\evil.example`, "https://evil.example", "%2F%2Fevil.example",
		"/%2F%2Fevil.example", "/%5Cevil.example", "javascript:alert(1)", "/inloggen"} {
		if got := loginLandsAt(t, a, p, raw); got != "/" {
			t.Errorf("returning to %q: the login sends the browser to %q, want /", raw, got)
		}
	}
}

// TestOnlyAPageAskedForIsRemembered: a form sent while logged out, and an
// htmx request for a piece of a page, are not where the login leads.
func TestOnlyAPageAskedForIsRemembered(t *testing.T) {
	a := startApp(t, server.Config{})
	p, link := youthLink(t, a, true)
	for name, req := range map[string]*http.Request{
		"POST": func() *http.Request {
			r, _ := http.NewRequest("POST", a.base+link+"/coordinatie/accepteren", nil)
			return r
		}(),
		"htmx": func() *http.Request {
			r, _ := http.NewRequest("GET", a.base+link, nil)
			r.Header.Set("HX-Request", "true")
			return r
		}(),
	} {
		res, err := noFollow(nil).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		for _, ck := range res.Cookies() {
			if ck.Name == "jeugdketen_terug" && ck.Value != "" {
				t.Errorf("%s logged out remembers %q", name, ck.Value)
			}
		}
	}
	// Logging out forgets a page asked for, for whoever logs in next.
	c := a.login(t, p)
	post(t, c, a.base+"/uitloggen", nil)
	get(t, c, a.base+link)
	post(t, c, a.base+"/uitloggen", nil)
	post(t, c, a.base+"/inloggen", url.Values{"email": {p.Professional.Email}, "wachtwoord": {password}})
	if res := post(t, c, a.base+"/inloggen/code", url.Values{"code": {a.code(t, p)}}); res.Request.URL.Path != "/registreren" {
		t.Errorf("after a logout the next login lands on %s", res.Request.URL.Path)
	}
}
