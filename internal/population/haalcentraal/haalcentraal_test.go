package haalcentraal_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/population/brpstub"
	"github.com/jeugdketen/jeugdketen/internal/population/haalcentraal"
)

var ctx = context.Background()

// unknownBSN passes the eleven-test but is nobody in RvIG's test set.
const unknownBSN = "999999011"

const unavailable = "De basisregistratie personen (BRP) is nu niet bereikbaar; probeer het over enkele minuten opnieuw. Er is niets opgeslagen."

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// recorder keeps the bodies of the requests a handler received.
type recorder struct {
	next http.Handler
	mu   sync.Mutex
	seen []map[string]any
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body map[string]any
	b, _ := io.ReadAll(r.Body)
	json.Unmarshal(b, &body)
	rec.mu.Lock()
	rec.seen = append(rec.seen, body)
	rec.mu.Unlock()
	r.Body = io.NopCloser(strings.NewReader(string(b)))
	rec.next.ServeHTTP(w, r)
}

func (rec *recorder) requests() []map[string]any {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return slices.Clone(rec.seen)
}

// startStub serves RvIG's test set over HTTP, as the register would.
func startStub(t *testing.T, apiKey string) (*httptest.Server, *recorder) {
	t.Helper()
	stub, err := brpstub.New(population.TestPersons())
	if err != nil {
		t.Fatal(err)
	}
	stub.APIKey = apiKey
	stub.Now = population.TestDay
	rec := &recorder{next: stub}
	srv := httptest.NewServer(rec)
	t.Cleanup(srv.Close)
	return srv, rec
}

func newClient(t *testing.T, cfg haalcentraal.Config) *haalcentraal.Client {
	t.Helper()
	if cfg.Log == nil {
		cfg.Log = quiet
	}
	c, err := haalcentraal.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// stubClient is a client of a stub at RvIG's base path.
func stubClient(t *testing.T) (*haalcentraal.Client, *recorder) {
	t.Helper()
	srv, rec := startStub(t, "")
	return newClient(t, haalcentraal.Config{URL: srv.URL + brpstub.BasePath}), rec
}

func records() map[string]population.Record {
	m := map[string]population.Record{}
	for _, r := range population.TestPersons() {
		m[r.Person.BSN] = r
	}
	return m
}

func assertCode(t *testing.T, err error, code, message string) {
	t.Helper()
	if model.ErrorCode(err) != code || !strings.Contains(model.ErrorMessage(err), message) {
		t.Fatalf("error %v: code %s, message %q; want %s with %q", err, model.ErrorCode(err), model.ErrorMessage(err), code, message)
	}
}

func assertInvalidBSN(t *testing.T, err error, reason string) {
	t.Helper()
	assertCode(t, err, model.EINVALID, reason)
	if p := model.ErrorParams(err); len(p) != 1 || p[0].Name != "burgerservicenummer" {
		t.Fatalf("invalid params %+v, want burgerservicenummer", p)
	}
}

func TestLookupGivesThePersonAsTheLocalRegisterHasThem(t *testing.T) {
	c, _ := stubClient(t)
	p, err := c.Lookup(ctx, population.BSNTeen)
	if err != nil {
		t.Fatal(err)
	}
	want := model.Person{
		BSN: "999998006", GivenNames: "Jason", FamilyName: "Mastenbroek", BirthDate: time.Date(2012, 12, 30, 0, 0, 0, 0, time.UTC),
		Sex: "M", Municipality: "0518", Postcode: "3596CZ", HouseNumber: "80",
	}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("Lookup = %+v\nwant %+v", p, want)
	}
	// Every person of the test set reads the same through the API as from
	// the imported file: letters, additions and prefixes included.
	for bsn, r := range records() {
		p, err := c.Lookup(ctx, bsn)
		if err != nil || !reflect.DeepEqual(p, r.Person) {
			t.Errorf("%s: %+v, %v\nlocal %+v", bsn, p, err, r.Person)
		}
	}
}

func TestLookupAsksNoMoreThanAPersonNeeds(t *testing.T) {
	c, rec := stubClient(t)
	if _, err := c.Lookup(ctx, population.BSNTeen); err != nil {
		t.Fatal(err)
	}
	fields := rec.requests()[0]["fields"].([]any)
	for _, f := range fields {
		if s := f.(string); strings.HasPrefix(s, "ouders") || strings.Contains(s, "straatnaam") || strings.Contains(s, "woonplaats") {
			t.Errorf("Lookup asked %s", s)
		}
	}
}

func TestFindGivesParentsAndTheAddressInParts(t *testing.T) {
	c, _ := stubClient(t)
	r, err := c.Find(ctx, population.BSNSibling1)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"999999357", population.BSNParent}; !reflect.DeepEqual(r.ParentBSNs, want) {
		t.Errorf("parents of Daan = %v, want %v", r.ParentBSNs, want)
	}
	if want := (population.Address{Street: "Hofdijk", ShortStreet: "Hofdijk", Number: 651, Town: "Rotterdam"}); r.Address != want {
		t.Errorf("address = %+v, want %+v", r.Address, want)
	}
	for bsn, want := range records() {
		if got, err := c.Find(ctx, bsn); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %+v, %v\nlocal %+v", bsn, got, err, want)
		}
	}
}

func TestAtAddressGivesTheHousehold(t *testing.T) {
	c, _ := stubClient(t)
	household, err := c.AtAddress(ctx, "3032 cg", "651")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range household {
		got = append(got, r.Person.GivenNames)
		if r.Person.Postcode != "3032CG" || r.Person.HouseNumber != "651" {
			t.Errorf("%s lives at %s %s", r.Person.BSN, r.Person.Postcode, r.Person.HouseNumber)
		}
	}
	if want := []string{"Johan", "Wilma", "Teun", "Daan", "Hein"}; !reflect.DeepEqual(got, want) {
		t.Errorf("household = %v, want %v", got, want)
	}
	if !slices.Contains(household[3].ParentBSNs, population.BSNParent) {
		t.Errorf("Daan's parents %v lack Johan", household[3].ParentBSNs)
	}
	// The house letter is part of the address.
	for number, n := range map[string]int{"1C": 1, "1D": 0} {
		found, err := c.AtAddress(ctx, "3938SX", number)
		if err != nil || len(found) != n {
			t.Errorf("3938SX %s: %d persons, %v; want %d", number, len(found), err, n)
		}
	}
}

func TestAtAddressRefusesABadAddressWithoutAskingTheRegister(t *testing.T) {
	c, rec := stubClient(t)
	_, err := c.AtAddress(ctx, "0628HJ", "twee")
	assertCode(t, err, model.EINVALID, "adres")
	var names []string
	for _, p := range model.ErrorParams(err) {
		names = append(names, p.Name)
	}
	if !reflect.DeepEqual(names, []string{"postcode", "huisnummer"}) {
		t.Errorf("invalid params %v, want postcode and huisnummer", names)
	}
	for _, number := range []string{"100000", "12-ü", "12-abcde"} {
		_, err := c.AtAddress(ctx, "3032CG", number)
		assertCode(t, err, model.EINVALID, "adres")
	}
	if n := len(rec.requests()); n != 0 {
		t.Errorf("%d requests for a bad address", n)
	}
}

func TestUnknownPersonIsBadInputOnTheBSN(t *testing.T) {
	c, _ := stubClient(t)
	_, err := c.Lookup(ctx, unknownBSN)
	assertInvalidBSN(t, err, "niet in de basisregistratie personen")
}

func TestBadBSNIsRefusedWithoutAskingTheRegister(t *testing.T) {
	c, rec := stubClient(t)
	for bsn, reason := range map[string]string{"12345": "9 cijfers", "<script>1</script>": "9 cijfers", "010008579": "elfproef"} {
		_, err := c.Lookup(ctx, bsn)
		assertInvalidBSN(t, err, reason)
	}
	if n := len(rec.requests()); n != 0 {
		t.Errorf("%d requests for bad BSNs", n)
	}
}

func TestMissingAPIKeyIsAnInternalErrorInDutch(t *testing.T) {
	srv, _ := startStub(t, "geheim")
	_, err := newClient(t, haalcentraal.Config{URL: srv.URL}).Lookup(ctx, population.BSNTeen)
	assertCode(t, err, model.EINTERNAL, "geen toegang tot de basisregistratie personen (BRP)")
	if !strings.Contains(err.Error(), "401 authentication") {
		t.Errorf("the error for the log lacks the register's answer: %v", err)
	}
	if _, err := newClient(t, haalcentraal.Config{URL: srv.URL, APIKey: "geheim"}).Lookup(ctx, population.BSNTeen); err != nil {
		t.Errorf("with the key: %v", err)
	}
}

func TestRegisterDownIsUnavailable(t *testing.T) {
	srv, _ := startStub(t, "")
	c := newClient(t, haalcentraal.Config{URL: srv.URL})
	srv.Close() // connection refused from now on
	_, err := c.Lookup(ctx, population.BSNTeen)
	assertCode(t, err, model.EUNAVAILABLE, unavailable)
	if model.ErrorMessage(err) != unavailable {
		t.Errorf("message %q", model.ErrorMessage(err))
	}
	_, err = c.AtAddress(ctx, "3032CG", "651")
	assertCode(t, err, model.EUNAVAILABLE, unavailable)
}

func TestSlowRegisterTimesOutAsUnavailable(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-release // past the client's timeout
	}))
	defer srv.Close()
	defer close(release)
	c := newClient(t, haalcentraal.Config{URL: srv.URL, Timeout: 100 * time.Millisecond})
	start := time.Now()
	_, err := c.Lookup(ctx, population.BSNTeen)
	assertCode(t, err, model.EUNAVAILABLE, unavailable)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("gave up after %v, want about the 100 ms timeout", d)
	}
}

func TestServerErrorsAreUnavailableAndRefusalsInternal(t *testing.T) {
	for status, code := range map[int]string{
		http.StatusInternalServerError: model.EUNAVAILABLE,
		http.StatusServiceUnavailable:  model.EUNAVAILABLE,
		http.StatusTooManyRequests:     model.EUNAVAILABLE,
		http.StatusForbidden:           model.EINTERNAL,
		http.StatusNotFound:            model.EINTERNAL,
		http.StatusTemporaryRedirect:   model.EINTERNAL, // never followed: it would send the BSN elsewhere
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if status == http.StatusTemporaryRedirect {
				w.Header().Set("Location", "http://elders.example/personen")
			}
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(status)
			io.WriteString(w, `{"title":"Bronservice BRP is tijdelijk niet beschikbaar.","status":503,"code":"notAvailable"}`)
		}))
		_, err := newClient(t, haalcentraal.Config{URL: srv.URL}).Lookup(ctx, population.BSNTeen)
		srv.Close()
		if model.ErrorCode(err) != code || !strings.Contains(model.ErrorMessage(err), "Er is niets opgeslagen") {
			t.Errorf("%d: %v (%s), want %s with a Dutch message", status, err, model.ErrorCode(err), code)
		}
	}
}

// register answers every query with the given persons, as the real
// register could and the stub never does.
func register(t *testing.T, personen string) *haalcentraal.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		io.WriteString(w, `{"type":"RaadpleegMetBurgerservicenummer","personen":`+personen+`}`)
	}))
	t.Cleanup(srv.Close)
	return newClient(t, haalcentraal.Config{URL: srv.URL})
}

func TestPersonNoLongerKeptCannotBeRegistered(t *testing.T) {
	c := register(t, `[{"burgerservicenummer":"999998006","geboorte":{"datum":{"type":"Datum","datum":"2012-12-30","langFormaat":"30 december 2012"}},
		"opschortingBijhouding":{"reden":{"code":"O","omschrijving":"overlijden"},"datum":{"type":"Datum","datum":"2024-01-01","langFormaat":"1 januari 2024"}}}]`)
	_, err := c.Lookup(ctx, population.BSNTeen)
	assertInvalidBSN(t, err, "houdt deze persoon niet meer bij")
}

func TestIncompleteBirthDateCannotBeRegistered(t *testing.T) {
	c := register(t, `[{"burgerservicenummer":"999998006","geboorte":{"datum":{"type":"JaarMaandDatum","jaar":2012,"maand":12,"langFormaat":"december 2012"}}}]`)
	_, err := c.Lookup(ctx, population.BSNTeen)
	assertInvalidBSN(t, err, "geboortedatum")
}

func TestUnreadableAnswerIsAnInternalErrorInDutch(t *testing.T) {
	c := register(t, `"geen lijst"`)
	_, err := c.Lookup(ctx, population.BSNTeen)
	assertCode(t, err, model.EINTERNAL, "niet kan lezen")
}

func TestConfigurationNeedsAnAddressAndBothCertificateFiles(t *testing.T) {
	for _, cfg := range []haalcentraal.Config{
		{URL: ""},
		{URL: "brp.example/haalcentraal/api/brp"},
		{URL: "https://brp.example", CertFile: "client.pem"},
		{URL: "https://brp.example", CAFile: "bestaat-niet.pem"},
	} {
		if _, err := haalcentraal.New(cfg); err == nil {
			t.Errorf("New(%+v) accepted", cfg)
		}
	}
}
