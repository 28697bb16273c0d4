package webhook_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/feed"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/webhook"
)

func ids(events []feed.Event) []int64 {
	var out []int64
	for _, e := range events {
		out = append(out, e.ID)
	}
	return out
}

// TestWebhookDeliversEveryEventInOrderSignedThroughAnOutage: a receiver on
// loopback goes down and comes back; every event of the organisation
// arrives once it is up, in the order of the feed, each with a valid
// signature, and nothing from before the webhook was registered.
func TestWebhookDeliversEveryEventInOrderSignedThroughAnOutage(t *testing.T) {
	r := newRegion(t)
	before := r.feedIDs(t)
	r.happen(t, 2)
	if n := r.runOnce(t); n == 0 {
		t.Fatal("nothing delivered while the receiver is up")
	}
	r.recv.down()
	r.happen(t, 2)
	if n := r.runOnce(t); n != 0 {
		t.Fatalf("%d delivered while the receiver is down", n)
	}
	r.recv.up()
	if n := r.runOnce(t); n != 0 {
		t.Fatalf("%d delivered before the back-off passed", n)
	}
	r.c.Env.Clock.Advance(11 * time.Second)
	r.runOnce(t)
	r.happen(t, 1)
	r.runOnce(t)

	want := slices.DeleteFunc(r.feedIDs(t), func(id int64) bool { return slices.Contains(before, id) })
	got := ids(r.recv.events())
	if !slices.Equal(got, want) || len(want) < 5 {
		t.Fatalf("received %v, want the feed's %v", got, want)
	}
	if r.recv.badSig != 0 {
		t.Fatalf("%d deliveries with a bad signature", r.recv.badSig)
	}
	for _, e := range r.recv.events() {
		if e.Youth.Reference != r.c.Ref || e.Youth.BSN != population.BSNChild {
			t.Fatalf("event %d filed under %+v", e.ID, e.Youth)
		}
	}
}

// TestWebhookRetriesServerErrorsAndCountsRefusalsAsDelivered: a 503 is
// tried again and holds back the later events; a 400 is the receiver's
// final word about that event and the next one goes.
func TestWebhookRetriesServerErrorsAndCountsRefusalsAsDelivered(t *testing.T) {
	r := newRegion(t)
	r.happen(t, 1)
	r.recv.status = http.StatusServiceUnavailable
	r.runOnce(t)
	tries := len(r.recv.ids)
	r.c.Env.Clock.Advance(11 * time.Second)
	r.runOnce(t)
	if len(r.recv.ids) != tries+1 || r.recv.ids[0] != r.recv.ids[tries] {
		t.Fatalf("after a 503 the same event was not tried again: %v", r.recv.ids)
	}
	r.recv.status = http.StatusBadRequest
	r.c.Env.Clock.Advance(time.Minute)
	r.runOnce(t)
	r.recv.status = 0
	r.happen(t, 1)
	r.runOnce(t)
	if len(r.recv.events()) == 0 {
		t.Fatal("a refused event held back the next one")
	}
	if slices.Contains(ids(r.recv.events()), mustAtoi(t, r.recv.ids[0])) {
		t.Fatal("the refused event was sent again after the receiver's 400")
	}
}

// TestWebhookPausesAfter24HoursAndResumesWhereItStopped: a receiver down for
// a day pauses the webhook and tells every regional administrator, in-app
// and by e-mail; resumed, it delivers from the first event that did not
// arrive.
func TestWebhookPausesAfter24HoursAndResumesWhereItStopped(t *testing.T) {
	r := newRegion(t)
	r.recv.down()
	r.happen(t, 2)
	for range 30 {
		r.runOnce(t)
		r.c.Env.Clock.Advance(time.Hour)
	}
	hook, err := r.c.Env.Registry.Feed.WebhookOf(ctx, r.admin, r.c.JH.Organisation.ID)
	if err != nil || hook.PausedAt == nil || hook.FailingSince == nil || hook.PausedAt.Sub(*hook.FailingSince) < webhook.PauseAfter {
		t.Fatalf("webhook after a day down = %+v, %v", hook, err)
	}
	told := testenv.MessagesOfKind(r.c.Env.Inbox(t, r.admin), webhook.KindPaused)
	if len(told) != 1 || !told[0].Urgent {
		t.Fatalf("administrator was told %d times: %+v", len(told), told)
	}
	// The message leads to the page where the webhook is resumed.
	if page := "/beheer/organisaties/" + testenv.Itoa(r.c.JH.Organisation.ID) + "/webhook"; !strings.Contains(told[0].Body, page) {
		t.Errorf("the pause message does not name the webhook's page %s:\n%s", page, told[0].Body)
	}
	db := testenv.RawDB(t, r.c.Env)
	if n := testenv.CountWhere(t, db, `SELECT COUNT(*) FROM outbox o JOIN messages m ON m.id = o.message_id WHERE m.kind = 'webhook-gepauzeerd'`); n != 1 {
		t.Fatalf("%d e-mails queued about the pause, want 1", n)
	}
	r.recv.up()
	if n := r.runOnce(t); n != 0 {
		t.Fatalf("a paused webhook delivered %d events", n)
	}
	if _, err := r.c.Env.Registry.Feed.ResumeWebhook(ctx, r.admin, r.c.JH.Organisation.ID); err != nil {
		t.Fatal(err)
	}
	r.runOnce(t)
	if got := r.recv.events(); len(got) < 2 {
		t.Fatalf("after resuming %d events arrived, want every one since the webhook was made", len(got))
	}
}

// TestWebhookFailureIsStoredInDutch: the last error is what the
// administrator reads on the webhook's page and in the pause e-mail, so it
// says in Dutch why the delivery failed, not in Go's words.
func TestWebhookFailureIsStoredInDutch(t *testing.T) {
	r := newRegion(t)
	r.happen(t, 1)
	lastError := func() string {
		hook, err := r.c.Env.Registry.Feed.WebhookOf(ctx, r.admin, r.c.JH.Organisation.ID)
		if err != nil {
			t.Fatal(err)
		}
		return hook.LastError
	}
	r.recv.down()
	r.runOnce(t)
	if got := lastError(); got != "de ontvanger weigerde de verbinding: er luistert niets op dit adres" {
		t.Errorf("receiver down: last error %q", got)
	}
	r.recv.up()
	r.recv.status = http.StatusServiceUnavailable
	r.c.Env.Clock.Advance(time.Minute)
	r.runOnce(t)
	if got := lastError(); got != "ontvanger antwoordde 503 Service Unavailable" {
		t.Errorf("receiver answering 503: last error %q", got)
	}
	r.recv.status = http.StatusFound
	r.c.Env.Clock.Advance(time.Hour)
	r.runOnce(t)
	if got := lastError(); !strings.HasPrefix(got, "ontvanger antwoordde 302 Found: Jeugdketen volgt geen doorverwijzing") {
		t.Errorf("receiver redirecting: last error %q", got)
	}
}

// TestWebhookURLIsHTTPSOrLoopback: events carry BSNs.
func TestWebhookURLIsHTTPSOrLoopback(t *testing.T) {
	for url, ok := range map[string]bool{
		"https://cs.example.nl/hook":     true,
		"http://127.0.0.1:8080/hook":     true,
		"http://[::1]:8080/hook":         true,
		"http://localhost/hook":          true,
		"http://cs.example.nl/hook":      false,
		"http://10.0.0.1/hook":           false,
		"ftp://cs.example.nl/hook":       false,
		"https://user:pw@cs.example.nl/": false,
		"cs.example.nl/hook":             false,
		"":                               false,
	} {
		if err := feed.CheckURL(url); (err == nil) != ok {
			t.Errorf("CheckURL(%q) = %v, want ok %v", url, err, ok)
		}
	}
}

// TestOnlyAnAdministratorManagesWebhooks, and the secret is shown once.
func TestOnlyAnAdministratorManagesWebhooks(t *testing.T) {
	r := newRegion(t)
	_, err := r.c.Env.Registry.Feed.SetWebhook(ctx, r.c.JH, r.c.JH.Organisation.ID, "https://cs.example.nl/hook")
	testenv.WantCode(t, err, "forbidden")
	hook, err := r.c.Env.Registry.Feed.WebhookOf(ctx, r.admin, r.c.JH.Organisation.ID)
	if err != nil || hook.Secret != "" || hook.URL != r.recv.url() {
		t.Fatalf("webhook as read = %+v, %v", hook, err)
	}
	var stored storage.Webhook
	r.c.Env.DB.View(ctx, func(tx *storage.Tx) error { stored, err = tx.WebhookOf(ctx, r.c.JH.Organisation.ID); return err })
	if string(stored.Secret) == r.recv.secret {
		t.Fatal("the secret is stored in the clear")
	}
}
