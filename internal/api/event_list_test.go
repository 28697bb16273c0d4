package api_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/webhook"
)

type eventPage struct {
	Gebeurtenissen []struct {
		ID       int64  `json:"id"`
		Soort    string `json:"soort"`
		Jeugdige struct {
			Referentie          string `json:"referentie"`
			Burgerservicenummer string `json:"burgerservicenummer"`
		} `json:"jeugdige"`
	} `json:"gebeurtenissen"`
	Volgende int64 `json:"volgende"`
}

// TestEventFeedGivesTheClientSystemItsOrganisationsEvents: the client
// system reads its organisation's events with the cursor, filed under the
// J-reference and the BSN, and a bad parameter is a problem naming it.
func TestEventFeedGivesTheClientSystemItsOrganisationsEvents(t *testing.T) {
	h := start(t)
	school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	jh := h.user(t, "Jeugdhulp Brabant", model.TypeJeugdhulp)
	cs := h.clientSystem(t, jh.Organisation)
	h.register(t, school, population.BSNChild, model.KindSignaal, http.StatusCreated)
	reg := h.register(t, jh, population.BSNChild, model.KindKetenregistratie, http.StatusCreated)

	var page eventPage
	h.call(t, "GET", "/api/v1/gebeurtenissen?max=1", cs, nil).want(t, http.StatusOK, &page)
	if len(page.Gebeurtenissen) != 1 || page.Volgende != page.Gebeurtenissen[0].ID {
		t.Fatalf("first page = %+v", page)
	}
	e := page.Gebeurtenissen[0]
	if e.Jeugdige.Burgerservicenummer != population.BSNChild || e.Jeugdige.Referentie != reg.Jeugdige.Referentie {
		t.Fatalf("event filed under %+v, want %s / %s", e.Jeugdige, reg.Jeugdige.Referentie, population.BSNChild)
	}
	var rest eventPage
	h.call(t, "GET", "/api/v1/gebeurtenissen?na="+itoa(page.Volgende), cs, nil).want(t, http.StatusOK, &rest)
	if len(rest.Gebeurtenissen) == 0 || rest.Gebeurtenissen[0].ID <= page.Volgende {
		t.Fatalf("after the cursor = %+v", rest)
	}
	for q, field := range map[string]string{"na=x": "na", "max=0": "max", "max=5000": "max", "wacht=1m": "wacht", "wacht=soms": "wacht"} {
		wantProblem(t, h.call(t, "GET", "/api/v1/gebeurtenissen?"+q, cs, nil), http.StatusBadRequest, field)
	}
}

// TestWebhookRegisteredOverTheAPIReceivesSignedEvents: the administrator
// registers a loopback receiver, gets the secret once, and the running
// server POSTs the organisation's next event, signed.
func TestWebhookRegisteredOverTheAPIReceivesSignedEvents(t *testing.T) {
	h := start(t)
	admin := h.admin(t)
	school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	jh := h.user(t, "Jeugdhulp Brabant", model.TypeJeugdhulp)

	var mu sync.Mutex
	type got struct{ body, ts, sig, id string }
	var received []got
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		received = append(received, got{string(b), r.Header.Get(webhook.HeaderTimestamp), r.Header.Get(webhook.HeaderSignature), r.Header.Get(webhook.HeaderEvent)})
		mu.Unlock()
	}))
	defer recv.Close()

	wantProblem(t, h.call(t, "POST", "/api/v1/organisaties/"+itoa(jh.Organisation.ID)+"/webhook", admin.token, map[string]string{"url": "http://cs.example.nl/hook"}), http.StatusBadRequest, "url")
	wantProblem(t, h.call(t, "POST", "/api/v1/organisaties/"+itoa(jh.Organisation.ID)+"/webhook", jh.token, map[string]string{"url": recv.URL}), http.StatusForbidden)
	var hook struct {
		URL    string `json:"url"`
		Geheim string `json:"geheim"`
	}
	h.call(t, "POST", "/api/v1/organisaties/"+itoa(jh.Organisation.ID)+"/webhook", admin.token, map[string]string{"url": recv.URL}).want(t, http.StatusCreated, &hook)
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(hook.Geheim) {
		t.Fatalf("secret = %q", hook.Geheim)
	}
	var again map[string]any
	h.call(t, "GET", "/api/v1/organisaties/"+itoa(jh.Organisation.ID)+"/webhook", admin.token, nil).want(t, http.StatusOK, &again)
	if _, shown := again["geheim"]; shown {
		t.Fatal("the secret is shown again")
	}

	h.register(t, school, population.BSNChild, model.KindSignaal, http.StatusCreated)
	h.register(t, jh, population.BSNChild, model.KindKetenregistratie, http.StatusCreated)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		mu.Lock()
		n := len(received)
		mu.Unlock()
		if n >= 2 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(received) < 2 {
		t.Fatalf("received %d deliveries, want the coordinator and the match", len(received))
	}
	for _, g := range received {
		if g.sig != webhook.Sign(hook.Geheim, g.ts, []byte(g.body)) || g.id == "" {
			t.Fatalf("delivery %s has a bad signature or no id", g.body)
		}
	}
}
