package notify_test

import (
	"context"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/notify"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// slowSender takes a long time per mail, as a slow SMTP server would.
type slowSender struct {
	clock *testenv.Clock
	next  notify.Sender
}

func (s slowSender) Send(ctx context.Context, m storage.Mail) error {
	s.clock.Advance(100 * time.Second)
	return s.next.Send(ctx, m)
}

func TestBatchStopsBeforeItsLeaseRunsOut(t *testing.T) {
	f := newFixture(t)
	for range 3 {
		f.queue(t, "Match", "tekst", "a@regio.example")
	}
	w := f.worker("A", slowSender{f.env.Clock, f.smtp})

	// Lease 2 minutes: the first send ends at +100 s; a second could end
	// after the lease, when another instance may have taken the mail.
	if n := f.runOnce(t, w); n != 1 {
		t.Fatalf("sent %d in the first batch, want 1", n)
	}
	if n := f.runOnce(t, w); n != 0 {
		t.Fatalf("sent %d while the rest is still leased, want 0", n)
	}
	f.env.Clock.Advance(time.Minute) // the lease has run out
	f.runOnce(t, w)
	f.env.Clock.Advance(3 * time.Minute)
	f.runOnce(t, w)
	if pending, sent := f.stats(t); pending != 0 || sent != 3 {
		t.Fatalf("pending %d, sent %d; want all 3 sent", pending, sent)
	}
	if got := len(f.catcher.Mails()); got != 3 {
		t.Fatalf("catcher got %d mails, want 3", got)
	}
}
