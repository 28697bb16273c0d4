package notify_test

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/mailcatcher"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/notify"
	"github.com/jeugdketen/jeugdketen/internal/region"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

const sender = "verwijsindex@regio.example"

// fixture is a database with one professional to write to and a mail
// catcher the SMTP sender delivers to.
type fixture struct {
	env     *testenv.Env
	pro     usecase.Actor
	catcher *mailcatcher.Catcher
	smtp    *notify.SMTP
	n       int // messages queued so far, for unique event keys
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	// testenv.New also imports the population register, which costs a
	// second and which mail does not need.
	db, path := testenv.MustOpenDB(t)
	clock := &testenv.Clock{}
	clock.Set(testenv.Start)
	env := &testenv.Env{DB: db, Path: path, Clock: clock, Region: &region.Service{DB: db, Now: clock.Now}}
	pro := env.Pro(t, env.Org(t, "Wijkteam Woensel", model.TypeWijkteam))
	c, err := mailcatcher.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	s, err := notify.ParseSMTP("smtp://" + c.Addr() + "?from=" + url.QueryEscape(sender))
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{env: env, pro: pro, catcher: c, smtp: s}
}

// queue adds a message for the fixture's professional with an e-mail, as the
// registry does, and returns it.
func (f *fixture) queue(t *testing.T, subject, body, email string) model.Message {
	t.Helper()
	f.n++
	m := model.Message{
		ProfessionalID: f.pro.Professional.ID, Kind: "test", Subject: subject, Body: body,
		EventKey: fmt.Sprintf("test-%d", f.n), CreatedAt: f.env.Clock.Now(),
	}
	err := f.env.DB.Update(context.Background(), func(tx *storage.Tx) error {
		added, err := tx.AddMessage(context.Background(), &m, email)
		if err == nil && !added {
			err = fmt.Errorf("message %s not added", m.EventKey)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func (f *fixture) worker(owner string, s notify.Sender) *notify.Worker {
	return &notify.Worker{
		DB: f.env.DB, Sender: s, Owner: owner, Now: f.env.Clock.Now, Lease: 2 * time.Minute,
		Log: slog.New(slog.DiscardHandler),
	}
}

func (f *fixture) runOnce(t *testing.T, w *notify.Worker) int {
	t.Helper()
	n, err := w.RunOnce(context.Background())
	if err != nil {
		t.Fatalf("worker %s: %v", w.Owner, err)
	}
	return n
}

func (f *fixture) stats(t *testing.T) (pending, sent int) {
	t.Helper()
	err := f.env.DB.View(context.Background(), func(tx *storage.Tx) error {
		var err error
		pending, sent, err = tx.OutboxStats(context.Background())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return pending, sent
}

// outboxRow is what the worker recorded about one e-mail; storage has no
// reader for it, so the test reads the table itself.
type outboxRow struct {
	Attempts    int
	NextAttempt int64
	LeaseOwner  sql.NullString
	LeaseUntil  sql.NullInt64
	SentAt      sql.NullInt64
	LastError   sql.NullString
	Undelivered sql.NullInt64 // refused for good at
}

func (f *fixture) row(t *testing.T, id int64) outboxRow {
	t.Helper()
	db := testenv.OpenRaw(t, f.env.Path)
	var r outboxRow
	err := db.QueryRow(`SELECT attempts, next_attempt_at, lease_owner, lease_until, sent_at, last_error, undelivered_at FROM outbox WHERE id = $1`, id).
		Scan(&r.Attempts, &r.NextAttempt, &r.LeaseOwner, &r.LeaseUntil, &r.SentAt, &r.LastError, &r.Undelivered)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func messageID(m storage.Mail) string {
	return fmt.Sprintf("outbox-%d@jeugdketen", m.ID)
}

// recorder remembers every mail it was asked to send, then passes it on.
type recorder struct {
	next   notify.Sender
	before func(storage.Mail) // runs before each send when set

	mu    sync.Mutex
	tried []storage.Mail
}

func (r *recorder) Send(ctx context.Context, m storage.Mail) error {
	r.mu.Lock()
	r.tried = append(r.tried, m)
	r.mu.Unlock()
	if r.before != nil {
		r.before(m)
	}
	return r.next.Send(ctx, m)
}

func (r *recorder) attempts() []storage.Mail {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]storage.Mail(nil), r.tried...)
}

// senderFunc makes a function a Sender.
type senderFunc func(context.Context, storage.Mail) error

func (f senderFunc) Send(ctx context.Context, m storage.Mail) error { return f(ctx, m) }
