package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/server"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

const password = "een lange zin als wachtwoord"

// cheap keeps password hashing fast in tests; the format is the same.
var cheap = auth.Argon2{Memory: 1024, Time: 1, Threads: 1}

// app is a running Jeugdketen with its test environment.
type app struct {
	env    *testenv.Env
	base   string
	people *auth.People
}

// person is a professional who can log in.
type person struct {
	usecase.Actor
	Secret string // TOTP secret; empty: not enrolled yet
}

func startApp(t *testing.T, cfg server.Config) *app {
	t.Helper()
	env := testenv.New(t)
	if cfg.Covenant == nil {
		rules, err := covenant.Preset("brabant")
		if err != nil {
			t.Fatal(err)
		}
		cfg.Covenant = rules
	}
	cfg.Addr, cfg.DB, cfg.Keys, cfg.Now, cfg.Argon2 = "127.0.0.1:0", env.DB, env.Keys, env.Clock.Now, cheap
	cfg.Log = slog.New(slog.DiscardHandler)
	srv, err := server.Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return &app{env: env, base: "http://" + srv.Addr(), people: srv.People}
}

// person adds a professional with a password and, when enrolled, a second factor.
func (a *app) person(t *testing.T, org model.Organisation, admin, enrolled bool) person {
	t.Helper()
	actor := a.env.Pro(t, org)
	if admin {
		actor = a.env.Admin(t, org)
	}
	ctx := context.Background()
	who := audit.Actor{Role: "beheerder", Source: "test"}
	if err := a.people.SetChosenPassword(ctx, who, actor.Professional.ID, password); err != nil {
		t.Fatal(err)
	}
	p := person{Actor: actor}
	if enrolled {
		secret, err := a.people.EnrolDirectly(ctx, actor.Professional.ID, actor.Professional.Email)
		if err != nil {
			t.Fatal(err)
		}
		p.Secret = secret
	}
	return p
}

// code is the person's TOTP code now. The test clock stands still, so each
// call first moves it a time step on: a code is accepted once.
func (a *app) code(t *testing.T, p person) string {
	t.Helper()
	a.env.Clock.Advance(30 * time.Second)
	c, err := auth.Code(p.Secret, a.env.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// login returns an HTTP client logged in as an enrolled person, on their
// start page (see roles_test.go).
func (a *app) login(t *testing.T, p person) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	res := post(t, c, a.base+"/inloggen", url.Values{"email": {p.Professional.Email}, "wachtwoord": {password}})
	if !strings.HasSuffix(res.Request.URL.Path, "/inloggen/code") {
		t.Fatalf("after the password: %s %d", res.Request.URL, res.StatusCode)
	}
	res = post(t, c, a.base+"/inloggen/code", url.Values{"code": {a.code(t, p)}})
	if strings.HasPrefix(res.Request.URL.Path, "/inloggen") || strings.HasPrefix(res.Request.URL.Path, "/account") || res.StatusCode != 200 {
		t.Fatalf("after the code: %s %d", res.Request.URL, res.StatusCode)
	}
	return c
}

// page is an answer with its body read.
type page struct {
	*http.Response
	Body string
}

func post(t *testing.T, c *http.Client, u string, form url.Values) page {
	t.Helper()
	res, err := c.PostForm(u, form)
	if err != nil {
		t.Fatal(err)
	}
	return read(t, res)
}

func get(t *testing.T, c *http.Client, u string) page {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	return read(t, res)
}

func read(t *testing.T, res *http.Response) page {
	t.Helper()
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return page{res, string(b)}
}

// count counts rows in the database, as someone inspecting it would.
func (a *app) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := testenv.OpenRaw(t, a.env.Path).QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func mustContain(t *testing.T, p page, parts ...string) {
	t.Helper()
	for _, s := range parts {
		if !strings.Contains(p.Body, s) {
			t.Errorf("%s %d does not contain %q", p.Request.URL.Path, p.StatusCode, s)
		}
	}
}

func mustNotContain(t *testing.T, p page, parts ...string) {
	t.Helper()
	for _, s := range parts {
		if strings.Contains(p.Body, s) {
			t.Errorf("%s %d contains %q", p.Request.URL.Path, p.StatusCode, s)
		}
	}
}
