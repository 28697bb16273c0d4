package notify

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/outbox"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Sender delivers one e-mail.
type Sender interface {
	Send(ctx context.Context, m storage.Mail) error
}

// Worker moves mail from the outbox to the sender.
type Worker struct {
	DB     *storage.DB
	Sender Sender
	Owner  string // unique per instance, names its leases
	Now    func() time.Time
	Lease  time.Duration // how long a taken batch is ours (default 2 minutes); one send may take a quarter of it
	Batch  int           // default 20
	Log    *slog.Logger
}

func (w *Worker) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

// RunOnce delivers one batch of due mail and reports how many were sent.
func (w *Worker) RunOnce(ctx context.Context) (int, error) {
	lease, batch := w.Lease, w.Batch
	if lease <= 0 {
		lease = 2 * time.Minute
	}
	sendTimeout := min(lease/4, SendTimeout)
	if batch == 0 {
		batch = 20
	}
	var mails []storage.Mail
	leasedUntil := w.now().Add(lease)
	err := w.DB.Update(ctx, func(tx *storage.Tx) error {
		var err error
		mails, err = tx.LeaseMail(ctx, w.Owner, w.now(), lease, batch)
		return err
	})
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, m := range mails {
		// Send only while the lease surely outlasts the send: past it another
		// instance may take the same mail. What is left waits for the lease
		// to expire; a stop request leaves it likewise, untried.
		if ctx.Err() != nil || w.now().Add(sendTimeout).After(leasedUntil) {
			break
		}
		sctx, cancel := context.WithTimeout(ctx, sendTimeout)
		sendErr := w.Sender.Send(sctx, m)
		cancel()
		// A mail the server took must be recorded even when we are told to
		// stop meanwhile, or it is sent again when the lease runs out.
		// A refusal for good is recorded likewise: the mail then waits for
		// the administrator instead of being tried for ever; any other failure
		// is tried again after outbox.Backoff. A crash before
		// either is recorded leaves the lease to run out and the mail to be
		// tried again.
		var refused *Refused
		permanent := errors.As(sendErr, &refused)
		rctx := context.WithoutCancel(ctx)
		err := w.DB.Update(rctx, func(tx *storage.Tx) error {
			switch {
			case sendErr == nil:
				return tx.MailSent(rctx, m.ID, w.Owner, w.now())
			case permanent:
				return tx.MailUndelivered(rctx, m.ID, w.Owner, w.now(), refused.Reply)
			}
			return tx.MailFailed(rctx, m.ID, w.Owner, w.now().Add(outbox.Backoff(m.Attempts+1)), sendErr.Error())
		})
		if err != nil {
			return sent, err
		}
		switch {
		case permanent:
			w.logger().Error("e-mail refused for good, not retried; see Niet bezorgde e-mail", "outbox", m.ID, "attempt", m.Attempts+1, "reply", refused.Reply)
			continue
		case sendErr != nil:
			w.logger().Warn("e-mail not delivered, will retry", "outbox", m.ID, "attempt", m.Attempts+1, "error", sendErr)
			continue
		}
		sent++
	}
	return sent, nil
}

// Run delivers mail every interval until ctx ends; a batch that sent
// something is followed at once by the next.
func (w *Worker) Run(ctx context.Context, interval time.Duration) {
	outbox.Run(ctx, interval, w.RunOnce, func(err error) { w.logger().Error("outbox worker failed", "error", err) })
}

func (w *Worker) logger() *slog.Logger {
	if w.Log != nil {
		return w.Log
	}
	return slog.Default()
}
