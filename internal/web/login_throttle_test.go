package web_test

import (
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// suspectNotice is what the code page says at a suspect address.
const suspectNotice = "Vanaf uw netwerkadres zijn veel inlogpogingen mislukt."

// Twenty failed logins from the office's address (here: the test's own) do
// not keep a colleague out who knows password and code; a guesser there
// learns nothing from a right password alone.
func TestFailuresFromAnAddressDoNotKeepAColleagueThereOut(t *testing.T) {
	a := startApp(t, server.Config{})
	org := a.env.Org(t, "GGD", model.TypeJGZ)
	colleague := a.person(t, org, false, true)
	victim := a.person(t, org, false, true)
	for i := range 20 {
		res := post(t, http.DefaultClient, a.base+"/inloggen", url.Values{"email": {fmt.Sprintf("gok%d@nergens.example", i)}, "wachtwoord": {"verkeerd wachtwoord"}})
		if res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("guess %d: %d, want the usual 401", i, res.StatusCode)
		}
	}

	// The guesser: a wrong and a right password for the victim look alike,
	// up to the end of the attempt.
	attempt := func(pw string) page {
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar}
		res := post(t, c, a.base+"/inloggen", url.Values{"email": {victim.Professional.Email}, "wachtwoord": {pw}})
		if res.Request.URL.Path != "/inloggen/code" {
			t.Fatalf("password %q at a suspect address ends at %s %d; want the code page", pw, res.Request.URL, res.StatusCode)
		}
		mustContain(t, res, suspectNotice)
		res = post(t, c, a.base+"/inloggen/code", url.Values{"code": {"000000"}})
		if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(res.Body, "Het inloggen is niet gelukt.") {
			t.Fatalf("wrong code after password %q: %d; want 429 with the one answer", pw, res.StatusCode)
		}
		mustContain(t, res, `action="/inloggen"`)
		// The attempt is over: the code step sends back to the login.
		if again := get(t, c, a.base+"/inloggen/code"); again.Request.URL.Path != "/inloggen" {
			t.Errorf("after the failed attempt the code page is still open: %s", again.Request.URL)
		}
		return res
	}
	if wrong, right := attempt("verkeerd wachtwoord"), attempt(password); wrong.Body != right.Body {
		t.Error("at a suspect address a right password with a wrong code is told apart from a wrong password")
	}

	// The colleague at the same address gets in as always.
	c := a.login(t, colleague)
	if got := get(t, c, a.base+"/registraties"); got.Request.URL.Path != "/registraties" {
		t.Fatalf("the colleague is not logged in: %s", got.Request.URL)
	}
}
