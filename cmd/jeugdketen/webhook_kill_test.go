package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/webhook"
)

// TestWebhookDeliveryOutlivesASIGKILL runs the real server binary, kills it
// with SIGKILL while it is POSTing an organisation's events to a slow
// receiver on loopback, and starts it again: every event still arrives, the
// first arrivals in the order of the feed, each signed; an event sent again
// (the one in flight at the kill) is recognisable by its id.
func TestWebhookDeliveryOutlivesASIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the server binary twice")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	r := newRegion(t, ctx)
	care := r.orgs[6] // jeugdhulp: every youth it registers brings a match and a coordinator
	other := r.orgs[5]
	r.cli(t, ctx, "user", "add", "--db", r.db, "--org", fmt.Sprint(r.orgs[0].id), "--name", "Beheerder", "--email", "beheer@regio.example", "--phone", "040-5550000", "--admin")
	adminToken := r.cli(t, ctx, "token", "create", "--db", r.db, "--email", "beheer@regio.example")

	var mu sync.Mutex
	var ids []int64
	secret, badSig := "", 0
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		time.Sleep(40 * time.Millisecond) // slow enough to be killed mid-delivery
		var e struct {
			ID int64 `json:"id"`
		}
		json.Unmarshal(body, &e)
		mu.Lock()
		defer mu.Unlock()
		if req.Header.Get(webhook.HeaderSignature) != webhook.Sign(secret, req.Header.Get(webhook.HeaderTimestamp), body) ||
			req.Header.Get(webhook.HeaderEvent) != fmt.Sprint(e.ID) {
			badSig++
		}
		ids = append(ids, e.ID)
	}))
	defer recv.Close()
	received := func() []int64 { mu.Lock(); defer mu.Unlock(); return slices.Clone(ids) }

	addr := freeAddr(t)
	args := []string{"serve", "--addr", addr, "--db", r.db, "--keys", r.keys, "--covenant", "brabant", "--webhook-lease", "3s"}
	in := startInstance(t, r, "A", addr, args)
	in.waitReady(t, ctx)
	client := &http.Client{Timeout: 10 * time.Second}
	status, text, err := post(ctx, client, in.base()+"/api/v1/organisaties/"+fmt.Sprint(care.id)+"/webhook", adminToken, `{"url":"`+recv.URL+`"}`)
	if err != nil || status != http.StatusCreated {
		t.Fatalf("register webhook: %d %s %v", status, text, err)
	}
	var hook struct {
		Geheim string `json:"geheim"`
	}
	json.Unmarshal([]byte(text), &hook)
	mu.Lock()
	secret = hook.Geheim
	mu.Unlock()

	// Registrations go on through the kill: a refused connection is tried
	// again, and a registration sent twice is answered as the one it was.
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, y := range r.youths[:40] {
			for _, o := range []burstOrg{other, care} {
				body := fmt.Sprintf(`{"burgerservicenummer":%q,"soort":"ketenregistratie"}`, y.bsn)
				for ctx.Err() == nil {
					if s, _, err := post(ctx, client, in.base()+"/api/v1/registraties", o.token, body); err == nil && (s == http.StatusCreated || s == http.StatusOK) {
						break
					}
					time.Sleep(100 * time.Millisecond)
				}
			}
		}
	}()
	for len(received()) < 15 && ctx.Err() == nil {
		time.Sleep(10 * time.Millisecond)
	}
	in.kill(t)
	killedAt := len(received())
	in.start(t)
	in.waitReady(t, ctx)
	<-done

	db := testenv.OpenRaw(t, r.db)
	var want []int64
	rows, err := db.QueryContext(ctx, `SELECT id FROM events WHERE organisation_id = $1 ORDER BY id`, care.id)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		want = append(want, id)
	}
	rows.Close()
	var first []int64
	for ctx.Err() == nil {
		first = first[:0]
		seen := map[int64]bool{}
		for _, id := range received() {
			if !seen[id] {
				seen[id] = true
				first = append(first, id)
			}
		}
		if len(first) >= len(want) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	got := received()
	t.Logf("%d events; killed after %d deliveries; %d deliveries in all", len(want), killedAt, len(got))
	if len(want) < 60 || !slices.Equal(first, want) {
		t.Fatalf("first arrivals %v, want the feed's %v", first, want)
	}
	mu.Lock()
	bad := badSig
	mu.Unlock()
	if bad != 0 {
		t.Fatalf("%d deliveries with a bad signature or id", bad)
	}
	if dup := len(got) - len(want); dup > 2 {
		t.Fatalf("%d events sent twice; only the one in flight at the kill may be", dup)
	}
}
