package notify_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/mailcatcher"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/notify"
	"github.com/jeugdketen/jeugdketen/internal/outbox"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

func TestWorkerDeliversQueuedMailOverSMTP(t *testing.T) {
	f := newFixture(t)
	queued := []model.Message{
		f.queue(t, "Nieuwe betrokkene bij jeugdige", "Er is een nieuwe betrokkene.\nNeem contact op met het wijkteam.", "a@gemeente.example"),
		f.queue(t, "Coördinatie overgedragen", "U bent nu coördinator.", "b@zorg.example"),
	}
	rec := &recorder{next: f.smtp}
	w := f.worker("w1", rec)

	if n := f.runOnce(t, w); n != 2 {
		t.Fatalf("first run sent %d mails, want 2", n)
	}
	tried := rec.attempts()
	if len(tried) != 2 {
		t.Fatalf("worker tried %d mails, want 2", len(tried))
	}
	mails := f.catcher.Mails()
	if len(mails) != 2 {
		t.Fatalf("catcher received %d mails, want 2", len(mails))
	}
	emails := map[int64]string{queued[0].ID: "a@gemeente.example", queued[1].ID: "b@zorg.example"}
	for _, q := range queued {
		i := slices.IndexFunc(tried, func(m storage.Mail) bool { return m.MessageID == q.ID })
		if i < 0 {
			t.Fatalf("message %d was not taken from the outbox", q.ID)
		}
		want := messageID(tried[i])
		j := slices.IndexFunc(mails, func(m mailcatcher.Mail) bool { return m.MessageID == want })
		if j < 0 {
			t.Fatalf("no mail with Message-ID %q among %v", want, mails)
		}
		got := mails[j]
		if got.Subject != q.Subject {
			t.Errorf("subject = %q, want %q", got.Subject, q.Subject)
		}
		if strings.TrimRight(got.Text, "\n") != q.Body {
			t.Errorf("body = %q, want %q", got.Text, q.Body)
		}
		if !slices.Equal(got.To, []string{emails[q.ID]}) {
			t.Errorf("recipients = %v, want %s", got.To, emails[q.ID])
		}
		if got.From != sender {
			t.Errorf("envelope sender = %q, want %q", got.From, sender)
		}
	}
	if pending, sent := f.stats(t); pending != 0 || sent != 2 {
		t.Fatalf("outbox pending %d sent %d, want 0 and 2", pending, sent)
	}

	if n := f.runOnce(t, w); n != 0 {
		t.Errorf("second run sent %d mails, want 0", n)
	}
	f.env.Clock.Advance(24 * time.Hour)
	if n := f.runOnce(t, w); n != 0 {
		t.Errorf("run a day later sent %d mails, want 0", n)
	}
	if got := len(f.catcher.Mails()); got != 2 {
		t.Errorf("catcher received %d mails in all, want 2", got)
	}
}

func TestTemporaryFailureIsRetriedAfterBackoff(t *testing.T) {
	f := newFixture(t)
	f.queue(t, "Nieuwe betrokkene", "Er is een nieuwe betrokkene.", "a@gemeente.example")
	rec := &recorder{next: f.smtp}
	w := f.worker("w1", rec)
	f.catcher.SetFailNext(1)

	if n := f.runOnce(t, w); n != 0 {
		t.Fatalf("run against a failing server sent %d, want 0", n)
	}
	first := rec.attempts()[0]
	r := f.row(t, first.ID)
	if r.Attempts != 1 || !r.LastError.Valid || !strings.Contains(r.LastError.String, "451") || r.SentAt.Valid || r.LeaseOwner.Valid || r.Undelivered.Valid {
		t.Fatalf("after the failure the outbox row is %+v, want 1 attempt, the 451 as last error, no lease, not sent and not given up", r)
	}
	if due := f.env.Clock.Now().Add(outbox.Backoff(1)).UnixMilli(); r.NextAttempt != due {
		t.Errorf("next attempt at %d, want now + Backoff(1) = %d", r.NextAttempt, due)
	}

	if n := f.runOnce(t, w); n != 0 || len(rec.attempts()) != 1 {
		t.Fatalf("run at the same time sent %d and tried %d times, want 0 sent and 1 try", n, len(rec.attempts()))
	}
	f.env.Clock.Advance(outbox.Backoff(1) - time.Second)
	if n := f.runOnce(t, w); n != 0 || len(rec.attempts()) != 1 {
		t.Fatalf("run a second before the back-off ends sent %d and tried %d times, want 0 sent and 1 try", n, len(rec.attempts()))
	}
	f.env.Clock.Advance(2 * time.Second)
	if n := f.runOnce(t, w); n != 1 {
		t.Fatalf("run after the back-off sent %d, want 1", n)
	}
	if n := f.runOnce(t, w); n != 0 {
		t.Fatalf("run after delivery sent %d, want 0", n)
	}
	mails := f.catcher.Mails()
	if len(mails) != 1 || mails[0].MessageID != messageID(first) {
		t.Fatalf("catcher received %v, want the one mail with Message-ID %s", mails, messageID(first))
	}
	if tries := rec.attempts(); tries[1].Attempts != 1 {
		t.Errorf("retry carried %d earlier attempts, want 1", tries[1].Attempts)
	}
}

func TestCrashedWorkersLeaseIsTakenOver(t *testing.T) {
	f := newFixture(t)
	f.queue(t, "Nieuwe betrokkene", "Er is een nieuwe betrokkene.", "a@gemeente.example")
	ctx := context.Background()
	lease := 2 * time.Minute

	// Worker A leases the mail and crashes before sending it.
	var taken []storage.Mail
	err := f.env.DB.Update(ctx, func(tx *storage.Tx) error {
		var err error
		taken, err = tx.LeaseMail(ctx, "A", f.env.Clock.Now(), lease, 10)
		return err
	})
	if err != nil || len(taken) != 1 {
		t.Fatalf("A leased %d mails (%v), want 1", len(taken), err)
	}
	id := taken[0].ID
	late := func(tx *storage.Tx) error {
		if err := tx.MailFailed(ctx, id, "A", f.env.Clock.Now().Add(time.Hour), "A kwam te laat"); err != nil {
			return err
		}
		if err := tx.MailUndelivered(ctx, id, "A", f.env.Clock.Now(), "550 5.1.1 A kwam te laat"); err != nil {
			return err
		}
		return tx.MailSent(ctx, id, "A", f.env.Clock.Now())
	}

	// While B holds the lease, A wakes up and reports on the mail.
	rec := &recorder{next: f.smtp, before: func(storage.Mail) {
		if err := f.env.DB.Update(ctx, late); err != nil {
			t.Error(err)
		}
	}}
	b := f.worker("B", rec)
	if n := f.runOnce(t, b); n != 0 || len(rec.attempts()) != 0 {
		t.Fatalf("B took A's fresh lease: sent %d, tried %d", n, len(rec.attempts()))
	}
	f.env.Clock.Advance(lease - time.Second)
	if n := f.runOnce(t, b); n != 0 || len(rec.attempts()) != 0 {
		t.Fatalf("B took A's lease a second before it ended: sent %d, tried %d", n, len(rec.attempts()))
	}
	f.env.Clock.Advance(2 * time.Second)
	if n := f.runOnce(t, b); n != 1 {
		t.Fatalf("B sent %d mails after A's lease ended, want 1", n)
	}
	mails := f.catcher.Mails()
	if len(mails) != 1 || mails[0].MessageID != messageID(taken[0]) {
		t.Fatalf("catcher received %v, want the one mail with Message-ID %s", mails, messageID(taken[0]))
	}
	delivered := f.row(t, id)
	if delivered.Attempts != 1 || delivered.LastError.Valid || !delivered.SentAt.Valid || delivered.LeaseOwner.Valid || delivered.Undelivered.Valid {
		t.Fatalf("A's late report changed B's delivery: row %+v", delivered)
	}

	// And after B recorded the delivery.
	f.env.Clock.Advance(time.Minute)
	if err := f.env.DB.Update(ctx, late); err != nil {
		t.Fatal(err)
	}
	if r := f.row(t, id); r != delivered {
		t.Fatalf("A's late report changed the sent mail: %+v, was %+v", r, delivered)
	}
	if pending, sent := f.stats(t); pending != 0 || sent != 1 {
		t.Fatalf("outbox pending %d sent %d, want 0 and 1", pending, sent)
	}
}

func TestTwoWorkersNeverSendTheSameMailTwice(t *testing.T) {
	const total = 50
	f := newFixture(t)
	for range total {
		f.queue(t, "Nieuwe betrokkene", "Er is een nieuwe betrokkene.", "a@gemeente.example")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Second)
	defer cancel()

	recs := []*recorder{{next: f.smtp}, {next: f.smtp}}
	errs := make(chan error, len(recs))
	var wg sync.WaitGroup
	for i, owner := range []string{"A", "B"} {
		w := f.worker(owner, recs[i])
		w.Batch = 5
		wg.Go(func() {
			errs <- drain(ctx, f, w)
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}

	mails := f.catcher.Mails()
	if len(mails) != total {
		t.Errorf("catcher received %d mails, want %d", len(mails), total)
	}
	seen := map[string]int{}
	for _, m := range mails {
		seen[m.MessageID]++
	}
	tried := append(recs[0].attempts(), recs[1].attempts()...)
	if len(tried) != total {
		t.Errorf("workers tried %d sends, want %d", len(tried), total)
	}
	for _, m := range tried {
		if seen[messageID(m)] != 1 {
			t.Errorf("mail %s arrived %d times, want once", messageID(m), seen[messageID(m)])
		}
	}
	t.Logf("A sent %d, B sent %d", len(recs[0].attempts()), len(recs[1].attempts()))
}

// drain runs w until the outbox has nothing pending.
func drain(ctx context.Context, f *fixture, w *notify.Worker) error {
	for {
		if _, err := w.RunOnce(ctx); err != nil {
			return err
		}
		var pending int
		err := f.env.DB.View(ctx, func(tx *storage.Tx) error {
			var err error
			pending, _, err = tx.OutboxStats(ctx)
			return err
		})
		if err != nil || pending == 0 {
			return err
		}
	}
}

func TestMailIsNeverGivenUp(t *testing.T) {
	const failures = 40 // far past the point where the back-off stops growing
	f := newFixture(t)
	f.queue(t, "Nieuwe betrokkene", "Er is een nieuwe betrokkene.", "a@gemeente.example")
	var tried []int
	failing := true
	w := f.worker("w1", senderFunc(func(_ context.Context, m storage.Mail) error {
		tried = append(tried, m.Attempts)
		if failing {
			return errors.New("451 server tijdelijk niet beschikbaar")
		}
		return nil
	}))

	for attempt := 1; attempt <= failures; attempt++ {
		if n := f.runOnce(t, w); n != 0 {
			t.Fatalf("attempt %d: failing sender counted as sent", attempt)
		}
		if len(tried) != attempt || tried[attempt-1] != attempt-1 {
			t.Fatalf("after %d failures the worker tried with earlier attempts %v", attempt, tried)
		}
		f.env.Clock.Advance(outbox.Backoff(attempt))
	}
	failing = false
	if n := f.runOnce(t, w); n != 1 {
		t.Fatalf("after %d failures the mail was not sent when the server came back (sent %d)", failures, n)
	}
	if pending, sent := f.stats(t); pending != 0 || sent != 1 {
		t.Fatalf("outbox pending %d sent %d, want 0 and 1", pending, sent)
	}
}

func TestRunStopsWhenContextEnds(t *testing.T) {
	f := newFixture(t)
	f.queue(t, "Nieuwe betrokkene", "Er is een nieuwe betrokkene.", "a@gemeente.example")
	w := f.worker("w1", f.smtp)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.Run(ctx, time.Hour)
	}()

	wait, stop := context.WithTimeout(context.Background(), 5*time.Second)
	defer stop()
	if _, err := f.catcher.WaitFor(wait, 1); err != nil {
		t.Fatalf("Run did not deliver the queued mail: %v", err)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("Run still running 2 s after its context ended")
	}
}

// A shutdown while a mail is on its way must still record the delivery, or
// the mail is sent again once its lease runs out.
func TestDeliveryIsRecordedWhenContextEndsDuringSend(t *testing.T) {
	f := newFixture(t)
	f.queue(t, "Nieuwe betrokkene", "Er is een nieuwe betrokkene.", "a@gemeente.example")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sends := 0
	w := f.worker("w1", senderFunc(func(context.Context, storage.Mail) error {
		sends++
		cancel() // the server accepted the mail as the process was told to stop
		return nil
	}))

	if _, err := w.RunOnce(ctx); err != nil {
		t.Fatalf("delivery not recorded after the context ended: %v", err)
	}
	if pending, sent := f.stats(t); pending != 0 || sent != 1 {
		t.Fatalf("outbox pending %d sent %d, want 0 and 1", pending, sent)
	}
	f.env.Clock.Advance(time.Hour)
	f.runOnce(t, w)
	if sends != 1 {
		t.Fatalf("mail sent %d times, want once", sends)
	}
}
