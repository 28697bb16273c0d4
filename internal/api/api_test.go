package api_test

// The API tests drive a real server on loopback: a real SQLite database with
// the RvIG test persons (testenv), the brabant covenant, the outbox worker and
// a real SMTP server (mailcatcher) that receives the e-mails. The package is
// api_test because server imports api.

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/mailcatcher"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/server"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// mailInterval is how often the outbox worker looks for mail in these tests.
const mailInterval = 50 * time.Millisecond

// harness is one test's running Jeugdketen.
type harness struct {
	env    *testenv.Env
	mail   *mailcatcher.Catcher
	base   string
	client *http.Client
}

func start(t *testing.T) *harness {
	t.Helper()
	return startWith(t, nil)
}

// startWith starts a harness whose server configuration configure changes.
func startWith(t *testing.T, configure func(*server.Config)) *harness {
	t.Helper()
	env := testenv.New(t)
	catcher, err := mailcatcher.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { catcher.Close() })
	rules, err := covenant.Preset("brabant")
	if err != nil {
		t.Fatal(err)
	}
	cfg := server.Config{
		Addr: "127.0.0.1:0", DB: env.DB, Keys: env.Keys, Covenant: rules, Now: env.Clock.Now,
		SMTP: "smtp://" + catcher.Addr() + "?tls=none", MailInterval: mailInterval,
		Log: slog.New(slog.DiscardHandler),
	}
	if configure != nil {
		configure(&cfg)
	}
	srv, err := server.Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	// Registered after the database's cleanup, so it runs before it.
	t.Cleanup(func() { srv.Close() })
	return &harness{env: env, mail: catcher, base: "http://" + srv.Addr(), client: &http.Client{Timeout: 10 * time.Second}}
}

var adminActor = audit.Actor{Role: "beheerder", Source: "test"}

// user is a professional with a personal API token.
type user struct {
	usecase.Actor
	token string
}

func (u user) email() string { return u.Professional.Email }

// user adds an organisation of type typ with one professional and a token.
func (h *harness) user(t *testing.T, name string, typ model.OrgType) user {
	t.Helper()
	return h.colleague(t, h.env.Org(t, name, typ))
}

// colleague adds a professional with a token to an existing organisation.
func (h *harness) colleague(t *testing.T, org model.Organisation) user {
	t.Helper()
	a := h.env.Pro(t, org)
	token, err := h.env.Region.CreateProfessionalToken(context.Background(), adminActor, a.Professional.Email)
	if err != nil {
		t.Fatal(err)
	}
	return user{Actor: a, token: token}
}

// admin adds a regional administrator with a token.
func (h *harness) admin(t *testing.T) user {
	t.Helper()
	a := h.env.Admin(t, h.env.Org(t, "Regio Zuidoost-Brabant", model.TypeWijkteam))
	token, err := h.env.Region.CreateProfessionalToken(context.Background(), adminActor, a.Professional.Email)
	if err != nil {
		t.Fatal(err)
	}
	return user{Actor: a, token: token}
}

// clientSystem returns a token for an organisation's client system.
func (h *harness) clientSystem(t *testing.T, org model.Organisation) string {
	t.Helper()
	token, err := h.env.Region.CreateOrganisationToken(context.Background(), adminActor, org.ID)
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// response is an answer as received.
type response struct {
	status int
	header http.Header
	body   []byte
}

// call sends a request. A string body is sent as is, nil as no body, anything
// else as JSON.
func (h *harness) call(t *testing.T, method, path, token string, body any) response {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, h.base+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := h.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: data}
}

// want fails the test unless the answer has the status, and decodes its body into v.
func (r response) want(t *testing.T, status int, v any) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body: %s", r.status, status, r.body)
	}
	if v == nil {
		return
	}
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("body is not the expected JSON: %v\n%s", err, r.body)
	}
}

// The API's answers as a client reads them.

type organisation struct {
	ID   int64  `json:"id"`
	Naam string `json:"naam"`
	Type string `json:"type"`
}

type involvement struct {
	Registratie int64        `json:"registratie"`
	Organisatie organisation `json:"organisatie"`
	Medewerker  struct {
		Naam     string `json:"naam"`
		Telefoon string `json:"telefoon"`
		Email    string `json:"email"`
	} `json:"medewerker"`
	Soort  string    `json:"soort"`
	Urgent bool      `json:"urgent"`
	Sinds  time.Time `json:"sinds"`
}

type coordinator struct {
	Organisatie organisation `json:"organisatie"`
	Regel       string       `json:"regel"`
	Reden       string       `json:"reden"`
}

type registered struct {
	ID          int64      `json:"id"`
	Soort       string     `json:"soort"`
	Urgent      bool       `json:"urgent"`
	Status      string     `json:"status"`
	Einddatum   *string    `json:"einddatum"`
	BeeindigdOp *time.Time `json:"beeindigdOp"`
	RedenEinde  *string    `json:"redenEinde"`
	Jeugdige    struct {
		Referentie    string `json:"referentie"`
		Naam          string `json:"naam"`
		Geboortedatum string `json:"geboortedatum"`
		Leeftijd      int    `json:"leeftijd"`
	} `json:"jeugdige"`
	Match       *bool         `json:"match"`
	Betrokkenen []involvement `json:"betrokkenen"`
	Coordinator *coordinator  `json:"coordinator"`
	Bericht     string        `json:"bericht"`
}

// involves reports whether u's organisation and u appear among the betrokkenen.
func (r registered) involves(u user) bool {
	for _, b := range r.Betrokkenen {
		if b.Organisatie.ID == u.Organisation.ID && b.Medewerker.Email == u.email() {
			return true
		}
	}
	return false
}

type message struct {
	ID        int64      `json:"id"`
	Soort     string     `json:"soort"`
	Onderwerp string     `json:"onderwerp"`
	Tekst     string     `json:"tekst"`
	Jeugdige  string     `json:"jeugdige"`
	GelezenOp *time.Time `json:"gelezenOp"`
}

type problem struct {
	Type          string `json:"type"`
	Title         string `json:"title"`
	Status        int    `json:"status"`
	Detail        string `json:"detail"`
	InvalidParams []struct {
		Name   string `json:"name"`
		Reason string `json:"reason"`
	} `json:"invalidParams"`
}

// register posts a registration and fails the test unless the status is want.
func (h *harness) register(t *testing.T, u user, bsn string, kind model.Kind, want int) registered {
	t.Helper()
	var out registered
	h.call(t, "POST", "/api/v1/registraties", u.token, map[string]any{"burgerservicenummer": bsn, "soort": kind}).want(t, want, &out)
	return out
}

func (h *harness) registrations(t *testing.T, u user) []registered {
	t.Helper()
	var out struct {
		Registraties []registered `json:"registraties"`
	}
	h.call(t, "GET", "/api/v1/registraties", u.token, nil).want(t, http.StatusOK, &out)
	return out.Registraties
}

func (h *harness) inbox(t *testing.T, u user) []message {
	t.Helper()
	var out struct {
		Berichten []message `json:"berichten"`
	}
	h.call(t, "GET", "/api/v1/berichten", u.token, nil).want(t, http.StatusOK, &out)
	return out.Berichten
}

// wantProblem checks a problem+json answer with the status and, when fields
// are given, exactly those invalid fields, each with a reason.
func wantProblem(t *testing.T, r response, status int, fields ...string) problem {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body: %s", r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		t.Errorf("Content-Type %q, want application/problem+json", ct)
	}
	var p problem
	if err := json.Unmarshal(r.body, &p); err != nil {
		t.Fatalf("body is no problem JSON: %v\n%s", err, r.body)
	}
	if p.Status != status || p.Title == "" || p.Detail == "" {
		t.Errorf("problem needs status %d, a title and a detail: %s", status, r.body)
	}
	var names []string
	for _, ip := range p.InvalidParams {
		names = append(names, ip.Name)
		if ip.Reason == "" {
			t.Errorf("invalid param %q has no reason: %s", ip.Name, r.body)
		}
	}
	if len(fields) > 0 && !slices.Equal(names, fields) {
		t.Errorf("invalidParams name %v, want %v: %s", names, fields, r.body)
	}
	return p
}

// mailsSettled waits for n e-mails, then a few more worker rounds so that any
// surplus mail would have arrived too, and returns them all.
func (h *harness) mailsSettled(t *testing.T, n int) []mailcatcher.Mail {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if mails, err := h.mail.WaitFor(ctx, n); err != nil {
		if now := time.Now(); now.Before(h.env.Clock.Now()) {
			// The outbox worker reads the real time, the registry the test clock.
			t.Fatalf("%v: mail queued at the test clock's %v is not due for the worker's real %v", err, h.env.Clock.Now(), now)
		}
		t.Fatalf("%v; arrived: %v", err, subjects(mails))
	}
	time.Sleep(5 * mailInterval)
	return h.mail.Mails()
}

func mailsTo(mails []mailcatcher.Mail, email string) []mailcatcher.Mail {
	var out []mailcatcher.Mail
	for _, m := range mails {
		if slices.Contains(m.To, email) {
			out = append(out, m)
		}
	}
	return out
}

func subjects(mails []mailcatcher.Mail) []string {
	var out []string
	for _, m := range mails {
		out = append(out, strings.Join(m.To, ",")+": "+m.Subject)
	}
	return out
}

// field returns one top-level member of a JSON object as sent.
func field(t *testing.T, body []byte, name string) (json.RawMessage, bool) {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("body is no JSON object: %v\n%s", err, body)
	}
	v, ok := m[name]
	return v, ok
}

// wantNoCoordinator fails unless coordinator is null or absent.
func wantNoCoordinator(t *testing.T, body []byte) {
	t.Helper()
	if c, ok := field(t, body, "coordinator"); ok && string(c) != "null" {
		t.Errorf("coordinator = %s, want null or absent", c)
	}
}

func TestAPIRoutes(t *testing.T) {
	t.Parallel()
	h := start(t)

	t.Run("OpenAPIDocumentIsServedAsJSON", func(t *testing.T) {
		r := h.call(t, "GET", "/api/v1/openapi.json", "", nil)
		var doc map[string]any
		r.want(t, http.StatusOK, &doc)
		if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("Content-Type %q, want application/json", ct)
		}
		if v, ok := doc["openapi"].(string); !ok || !strings.HasPrefix(v, "3.") {
			t.Errorf("openapi = %v, want an OpenAPI 3 version", doc["openapi"])
		}
	})

	t.Run("UnknownRouteIsProblemNotFound", func(t *testing.T) {
		u := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
		for _, path := range []string{"/api/v1/bestaatniet", "/api/v2/registraties", "/api/v1/registraties/1/vernietigen"} {
			wantProblem(t, h.call(t, "GET", path, u.token, nil), http.StatusNotFound)
			wantProblem(t, h.call(t, "GET", path, "", nil), http.StatusNotFound)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// clockTick moves the test clock a minute on, so that anything recorded
// again would carry a different time.
func (h *harness) clockTick() { h.env.Clock.Advance(time.Minute) }
