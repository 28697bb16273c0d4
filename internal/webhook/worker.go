// Package webhook delivers each organisation's events (package feed) to the
// URL its administrator registered: POSTed as JSON, signed, in order, at
// least once. It follows the mail outbox (package notify): a lease per
// webhook, a retry with back-off, and a record of each delivery made before
// the next one is tried, so a killed instance leaves at most the event in
// flight to be sent again, recognisable by its id.
package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/feed"
	"github.com/jeugdketen/jeugdketen/internal/outbox"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Headers of a delivery.
const (
	HeaderSignature = "X-Jeugdketen-Signature"
	HeaderTimestamp = "X-Jeugdketen-Tijdstip"
	HeaderEvent     = "X-Jeugdketen-Gebeurtenis"
)

// PauseAfter is how long a webhook may fail before it is paused and the
// regional administrators are told.
const PauseAfter = 24 * time.Hour

// Worker delivers due webhooks.
type Worker struct {
	DB     *storage.DB
	Feed   *feed.Service // opens the events (the BSN) and the secrets
	Owner  string        // unique per instance, names its leases
	Now    func() time.Time
	Lease  time.Duration // how long a taken webhook is ours; default 2 minutes
	Batch  int           // webhooks per round; default 10
	Client *http.Client  // default: no redirects, a timeout of a quarter lease (10 s at most)
	Log    *slog.Logger
}

func (w *Worker) now() time.Time {
	if w.Now != nil {
		return w.Now().UTC()
	}
	return time.Now().UTC()
}

// Sign is the signature of a delivery: HMAC-SHA256, keyed with the secret as
// given to the administrator, of the timestamp, a dot and the body, in hex.
func Sign(secret, timestamp string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(timestamp))
	m.Write([]byte("."))
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// RunOnce delivers what is due for a batch of webhooks and reports how many
// events were delivered.
func (w *Worker) RunOnce(ctx context.Context) (int, error) {
	lease, batch := w.Lease, w.Batch
	if lease <= 0 {
		lease = 2 * time.Minute
	}
	if batch <= 0 {
		batch = 10
	}
	leasedUntil := w.now().Add(lease)
	var hooks []storage.Webhook
	err := w.DB.Update(ctx, func(tx *storage.Tx) error {
		var err error
		hooks, err = tx.LeaseWebhooks(ctx, w.Owner, w.now(), lease, batch)
		return err
	})
	if err != nil {
		return 0, err
	}
	delivered := 0
	for _, h := range hooks {
		n, err := w.deliver(ctx, h, leasedUntil, min(lease/4, 10*time.Second))
		delivered += n
		if err != nil {
			return delivered, err
		}
	}
	return delivered, nil
}

// deliver sends one webhook's events after its cursor, one at a time, each
// recorded before the next is tried: event n+1 never goes before n was taken.
func (w *Worker) deliver(ctx context.Context, h storage.Webhook, leasedUntil time.Time, timeout time.Duration) (int, error) {
	secret, err := w.Feed.Keys.Open(h.Secret)
	if err != nil {
		return 0, fmt.Errorf("webhook: unable to open the secret of organisation %d: %w", h.OrganisationID, err)
	}
	var events []storage.Event
	if err := w.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		events, err = tx.Events(ctx, h.OrganisationID, h.DeliveredThrough, 100)
		return err
	}); err != nil {
		return 0, err
	}
	rctx := context.WithoutCancel(ctx) // a delivery made is recorded even when we are told to stop
	sent := 0
	for _, e := range events {
		// Send only while the lease surely outlasts the send, as the mail
		// worker does: past it another instance may take the webhook.
		if ctx.Err() != nil || w.now().Add(timeout).After(leasedUntil) {
			break
		}
		v, err := w.Feed.View(e)
		if err != nil {
			return sent, err
		}
		sendErr := w.post(ctx, h.URL, string(secret), v, timeout)
		if sendErr != nil {
			return sent, w.failed(rctx, h, sendErr)
		}
		var held bool
		if err := w.DB.Update(rctx, func(tx *storage.Tx) error {
			held, err = tx.WebhookDelivered(rctx, h.ID, w.Owner, e.ID)
			return err
		}); err != nil {
			return sent, err
		}
		sent++
		if !held { // replaced, removed, or our lease lapsed: stop here
			return sent, nil
		}
	}
	return sent, w.DB.Update(rctx, func(tx *storage.Tx) error { return tx.ReleaseWebhook(rctx, h.ID, w.Owner) })
}

// post sends one event. A 2xx answer is a delivery, and so is a 4xx other
// than 408 and 429: the receiver read the event and refused it for good
// (a bad signature check, an unknown client), which a retry cannot change;
// it must not hold up every later event. Connection errors, timeouts, 3xx,
// 408, 429 and 5xx are failures, retried with back-off.
func (w *Worker) post(ctx context.Context, url, secret string, v feed.Event, timeout time.Duration) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	ts := strconv.FormatInt(w.now().Unix(), 10)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("User-Agent", "Jeugdketen-webhook/1")
	req.Header.Set(HeaderEvent, strconv.FormatInt(v.ID, 10))
	req.Header.Set(HeaderTimestamp, ts)
	req.Header.Set(HeaderSignature, Sign(secret, ts, body))
	resp, err := w.client().Do(req)
	if err != nil {
		return unreachable(err, timeout)
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	switch c := resp.StatusCode; {
	case c >= 200 && c < 300:
		return nil
	case c >= 400 && c < 500 && c != http.StatusRequestTimeout && c != http.StatusTooManyRequests:
		w.logger().Warn("webhook receiver refused an event; counted as delivered", "organisation_event", v.ID, "status", c)
		return nil
	case c >= 300 && c < 400:
		return &failure{reason: fmt.Sprintf("ontvanger antwoordde %s: Jeugdketen volgt geen doorverwijzing, registreer het adres waar hij heen wijst", resp.Status)}
	default:
		return &failure{reason: fmt.Sprintf("ontvanger antwoordde %s", resp.Status)}
	}
}

// failure is why a delivery did not arrive, in Dutch: it is stored as the
// webhook's last error, which the administrator reads on the webhook's page
// and in the e-mail about a pause. The cause, in Go's words, is for the log.
type failure struct {
	reason string
	cause  error
}

func (f *failure) Error() string { return f.reason }
func (f *failure) Unwrap() error { return f.cause }

// unreachable names, for people, why the receiver could not be reached.
func unreachable(err error, timeout time.Duration) error {
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var wrongHost x509.HostnameError
	var invalid x509.CertificateInvalidError
	var timedOut interface{ Timeout() bool }
	reason := "de verbinding met de ontvanger mislukte"
	switch {
	case errors.Is(err, context.Canceled):
		reason = "afgebroken: de server van Jeugdketen stopte"
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &timedOut) && timedOut.Timeout()):
		reason = fmt.Sprintf("geen antwoord binnen %d seconden", int(timeout.Seconds()))
	case errors.As(err, &dns):
		reason = fmt.Sprintf("de naam %s is niet gevonden (DNS)", dns.Name)
	case errors.Is(err, syscall.ECONNREFUSED):
		reason = "de ontvanger weigerde de verbinding: er luistert niets op dit adres"
	case errors.As(err, &unknownCA), errors.As(err, &wrongHost), errors.As(err, &invalid):
		reason = "het certificaat van de ontvanger klopt niet (https)"
	}
	return &failure{reason: reason, cause: err}
}

func (w *Worker) client() *http.Client {
	if w.Client != nil {
		return w.Client
	}
	return &http.Client{
		// A redirect could take the BSN somewhere the administrator never
		// registered: it is a failure, not followed.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

func (w *Worker) logger() *slog.Logger {
	if w.Log != nil {
		return w.Log
	}
	return slog.Default()
}

// Run delivers every interval until ctx ends; a round that delivered
// something is followed at once by the next.
func (w *Worker) Run(ctx context.Context, interval time.Duration) {
	outbox.Run(ctx, interval, w.RunOnce, func(err error) { w.logger().Error("webhook worker failed", "error", err) })
}
