package webhook_test

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/feed"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
	"github.com/jeugdketen/jeugdketen/internal/webhook"
)

var ctx = context.Background()

// receiver is a client system's webhook endpoint on loopback that can be
// taken down and brought up again on the same address.
type receiver struct {
	t      *testing.T
	secret string
	addr   string
	status int // answered while up; 0: 200

	mu     sync.Mutex
	srv    *http.Server
	got    []feed.Event
	ids    []string // X-Jeugdketen-Gebeurtenis of each request, duplicates too
	badSig int
	keep   func(timestamp, signature string, body []byte) // sees every request
}

func newReceiver(t *testing.T) *receiver {
	r := &receiver{t: t}
	r.up()
	t.Cleanup(r.down)
	return r
}

func (r *receiver) url() string { return "http://" + r.addr + "/jeugdketen" }

func (r *receiver) up() {
	addr := r.addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	var ln net.Listener
	var err error
	for range 50 { // the port may linger a moment after down
		if ln, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		r.t.Fatal(err)
	}
	r.addr = ln.Addr().String()
	srv := &http.Server{Handler: http.HandlerFunc(r.serve)}
	r.mu.Lock()
	r.srv = srv
	r.mu.Unlock()
	go srv.Serve(ln)
}

func (r *receiver) down() {
	r.mu.Lock()
	srv := r.srv
	r.srv = nil
	r.mu.Unlock()
	if srv != nil {
		srv.Close()
	}
}

func (r *receiver) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ids = append(r.ids, req.Header.Get(webhook.HeaderEvent))
	ts := req.Header.Get(webhook.HeaderTimestamp)
	if r.keep != nil {
		r.keep(ts, req.Header.Get(webhook.HeaderSignature), body)
	}
	if req.Header.Get(webhook.HeaderSignature) != webhook.Sign(r.secret, ts, body) {
		r.badSig++
	}
	if r.status != 0 {
		w.WriteHeader(r.status)
		return
	}
	var e feed.Event
	if err := json.Unmarshal(body, &e); err != nil || strconv.FormatInt(e.ID, 10) != req.Header.Get(webhook.HeaderEvent) {
		r.t.Errorf("body %s does not match header %q", body, req.Header.Get(webhook.HeaderEvent))
	}
	r.got = append(r.got, e)
}

func (r *receiver) events() []feed.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]feed.Event(nil), r.got...)
}

// region is a care case with a webhook for the care provider.
type region struct {
	c      testenv.CareCase
	admin  usecase.Actor
	w      *webhook.Worker
	recv   *receiver
	events int
}

func newRegion(t *testing.T) *region {
	c := testenv.NewCareCase(t)
	admin := c.Env.Admin(t, c.Env.Org(t, "Regio Zuidoost-Brabant", model.TypeWijkteam))
	recv := newReceiver(t)
	hook, err := c.Env.Registry.Feed.SetWebhook(ctx, admin, c.JH.Organisation.ID, recv.url())
	if err != nil {
		t.Fatal(err)
	}
	recv.secret = hook.Secret
	w := &webhook.Worker{DB: c.Env.DB, Feed: c.Env.Registry.Feed, Owner: "test", Now: c.Env.Clock.Now, Lease: time.Minute}
	return &region{c: c, admin: admin, w: w, recv: recv}
}

// happen makes new events for the care provider: organisations join the youth.
func (r *region) happen(t *testing.T, n int) {
	types := []model.OrgType{model.TypeWijkteam, model.TypeAMW, model.TypeSMW, model.TypeJGZ}
	for range n {
		r.events++
		r.c.Join(t, "Organisatie "+strconv.Itoa(r.events), types[r.events%len(types)], model.KindKetenregistratie)
	}
}

// feedIDs is every event of the care provider, from its feed.
func (r *region) feedIDs(t *testing.T) []int64 {
	p, err := r.c.Env.Registry.Feed.Read(ctx, r.c.JH, feed.Query{Max: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for _, e := range p.Events {
		out = append(out, e.ID)
	}
	return out
}

func (r *region) runOnce(t *testing.T) int {
	n, err := r.w.RunOnce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func mustAtoi(t *testing.T, s string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
