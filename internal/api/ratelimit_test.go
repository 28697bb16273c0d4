package api_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// wantTooMany checks a 429: a Dutch problem with the wait in Retry-After.
func wantTooMany(t *testing.T, r response) {
	t.Helper()
	p := wantProblem(t, r, http.StatusTooManyRequests)
	secs, err := strconv.Atoi(r.header.Get("Retry-After"))
	if err != nil || secs < 1 {
		t.Errorf("Retry-After %q, want a number of seconds", r.header.Get("Retry-After"))
	}
	if p.Title != "Te veel verzoeken" || !strings.Contains(p.Detail, "Wacht "+strconv.Itoa(secs)+" seconde") {
		t.Errorf("problem %+v does not say in Dutch how long to wait", p)
	}
}

func TestATokenOverItsRateGets429AndOtherTokensGoOn(t *testing.T) {
	t.Parallel()
	h := startWith(t, func(c *server.Config) { c.APIRate, c.APIBurst = 0.01, 3 })
	busy := h.user(t, "SMW Eindhoven", model.TypeSMW)
	calm := h.user(t, "AMW Helmond", model.TypeAMW)
	for range 3 {
		h.call(t, "GET", "/api/v1/berichten", busy.token, nil).want(t, http.StatusOK, nil)
	}
	r := h.call(t, "GET", "/api/v1/berichten", busy.token, nil)
	wantTooMany(t, r)
	if secs, _ := strconv.Atoi(r.header.Get("Retry-After")); secs < 99 {
		t.Errorf("Retry-After %d s; at 0.01 requests per second the next is allowed after 100 s", secs)
	}
	// Nothing is done on a refused request.
	body := map[string]any{"burgerservicenummer": "999998006", "soort": "ketenregistratie"}
	wantTooMany(t, h.call(t, "POST", "/api/v1/registraties", busy.token, body))
	h.call(t, "GET", "/api/v1/berichten", calm.token, nil).want(t, http.StatusOK, nil)
	if n := len(h.registrations(t, calm)); n != 0 {
		t.Fatalf("calm has %d registrations", n)
	}
}

// Invalid tokens from an address are slowed there, but a valid token from
// the same address is looked up first and never refused for them.
func TestInvalidTokensAreSlowedPerAddressButAValidTokenThereGoesOn(t *testing.T) {
	t.Parallel()
	h := startWith(t, func(c *server.Config) { c.BadTokens = 3 })
	u := h.user(t, "SMW Eindhoven", model.TypeSMW)
	client := h.clientSystem(t, u.Organisation)
	// Calls without any token guess nothing and do not count.
	for range 5 {
		wantProblem(t, h.call(t, "GET", "/api/v1/berichten", "", nil), http.StatusUnauthorized)
	}
	for _, guess := range []string{"jk_a", "jk_b", "jk_c"} {
		wantProblem(t, h.call(t, "GET", "/api/v1/berichten", guess, nil), http.StatusUnauthorized)
	}
	for _, guess := range []string{"jk_d", "jk_e", "jk_a"} {
		r := h.call(t, "GET", "/api/v1/berichten", guess, nil)
		wantTooMany(t, r)
		if !strings.Contains(wantProblem(t, r, http.StatusTooManyRequests).Detail, "ongeldig toegangstoken") {
			t.Errorf("the 429 does not say it is about invalid tokens: %s", r.body)
		}
	}
	// The colleague at the same address, and the organisation's client
	// system there, get in as always, again and again.
	for range 5 {
		h.call(t, "GET", "/api/v1/berichten", u.token, nil).want(t, http.StatusOK, nil)
		h.call(t, "GET", "/api/v1/berichten?medewerker="+u.email(), client, nil).want(t, http.StatusOK, nil)
		wantTooMany(t, h.call(t, "GET", "/api/v1/berichten", "jk_f", nil))
	}
	body := map[string]any{"burgerservicenummer": "999998006", "soort": "ketenregistratie"}
	h.call(t, "POST", "/api/v1/registraties", u.token, body).want(t, http.StatusCreated, nil)
	// Public routes stay reachable.
	h.call(t, "GET", "/api/v1/openapi.json", "", nil).want(t, http.StatusOK, nil)
}

// A 401 says which token the route takes.
func TestUnauthorizedSaysWhichTokenTheRouteTakes(t *testing.T) {
	t.Parallel()
	h := start(t)
	for _, c := range []struct{ method, path, wants, not string }{
		{"GET", "/api/v1/berichten", "het toegangstoken van een medewerker, of dat van het clientsysteem", "regiobeheerder"},
		{"POST", "/api/v1/registraties", "het toegangstoken van een medewerker, of dat van het clientsysteem", "regiobeheerder"},
		{"POST", "/api/v1/tokens", "het eigen toegangstoken van een regiobeheerder", "clientsysteem"},
		{"GET", "/api/v1/organisaties", "het eigen toegangstoken van een regiobeheerder", "clientsysteem"},
		{"GET", "/api/v1/monitoring", "het eigen toegangstoken van een monitoringsaccount van de gemeente of van een regiobeheerder", "clientsysteem"},
	} {
		for _, token := range []string{"", "jk_bestaatniet"} {
			p := wantProblem(t, h.call(t, c.method, c.path, token, nil), http.StatusUnauthorized)
			if !strings.Contains(p.Detail, "Deze route vraagt "+c.wants) || strings.Contains(p.Detail, c.not) {
				t.Errorf("%s %s with token %q: 401 says %q; want it to name %q", c.method, c.path, token, p.Detail, c.wants)
			}
		}
	}
}

func TestRateLimitsCanBeSwitchedOff(t *testing.T) {
	t.Parallel()
	h := startWith(t, func(c *server.Config) { c.APIRate, c.BadTokens = -1, -1 })
	u := h.user(t, "SMW Eindhoven", model.TypeSMW)
	for range 150 {
		h.call(t, "GET", "/api/v1/berichten", u.token, nil).want(t, http.StatusOK, nil)
	}
	for range 15 {
		wantProblem(t, h.call(t, "GET", "/api/v1/berichten", "jk_fout", nil), http.StatusUnauthorized)
	}
}
