package notify_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/notify"
	"github.com/jeugdketen/jeugdketen/internal/outbox"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// TestRefusedMailStopsAfterOneAttempt: the mail catcher, a real SMTP server,
// answers RCPT TO with 550 5.1.1 for one address. That mail is tried once,
// kept as undelivered with the server's answer and never leased again; the
// other mail of the batch is delivered as usual.
func TestRefusedMailStopsAfterOneAttempt(t *testing.T) {
	f := newFixture(t)
	f.catcher.Refuse("weg@gemeente.example")
	f.queue(t, "Nieuwe betrokkene", "Er is een nieuwe betrokkene.", "weg@gemeente.example")
	f.queue(t, "Nieuwe betrokkene", "Er is een nieuwe betrokkene.", "a@gemeente.example")
	rec := &recorder{next: f.smtp}
	w := f.worker("w1", rec)

	if n := f.runOnce(t, w); n != 1 {
		t.Fatalf("first run sent %d, want the 1 mail to the existing mailbox", n)
	}
	refused := rec.attempts()[0]
	if refused.Recipient != "weg@gemeente.example" {
		refused = rec.attempts()[1]
	}
	refusedAt := f.env.Clock.Now()
	r := f.row(t, refused.ID)
	if r.Attempts != 1 || !r.Undelivered.Valid || r.Undelivered.Int64 != refusedAt.UnixMilli() || r.SentAt.Valid || r.LeaseOwner.Valid || r.LeaseUntil.Valid {
		t.Fatalf("after the 550 the outbox row is %+v, want 1 attempt, undelivered now, not sent, no lease", r)
	}
	if !strings.HasPrefix(r.LastError.String, "550 5.1.1 ") || !strings.Contains(r.LastError.String, "no such user") {
		t.Errorf("recorded reply %q, want the server's 550 5.1.1 answer", r.LastError.String)
	}

	// Days later, however often the worker runs, it is not tried again.
	for range 5 {
		f.env.Clock.Advance(24 * time.Hour)
		f.runOnce(t, w)
	}
	if n := len(rec.attempts()); n != 2 {
		t.Fatalf("the worker made %d attempts in all, want 2: the refused mail once, the other once", n)
	}
	if pending, sent := f.stats(t); pending != 0 || sent != 1 {
		t.Fatalf("outbox pending %d sent %d, want 0 and 1: refused mail is not pending", pending, sent)
	}

	var list []model.UndeliveredMail
	ctx := context.Background()
	err := f.env.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		list, err = tx.UndeliveredMail(ctx, 10)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Fatalf("undelivered list %+v, want the one refused mail", list)
	}
	u := list[0]
	if u.ID != refused.ID || u.Recipient != "weg@gemeente.example" || u.Kind != "test" || !u.RefusedAt.Equal(refusedAt) ||
		u.ProfessionalID != f.pro.Professional.ID || !strings.HasPrefix(u.Reply, "550 5.1.1") {
		t.Errorf("undelivered mail %+v, want outbox %d to weg@gemeente.example, kind test, refused at %v with the 550", u, refused.ID, refusedAt)
	}

	// Queued again to a corrected address, it is delivered with its own Message-ID.
	err = f.env.DB.Update(ctx, func(tx *storage.Tx) error {
		_, err := tx.RequeueUndeliveredMail(ctx, f.pro.Professional.ID, "nieuw@gemeente.example", f.env.Clock.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := f.runOnce(t, w); n != 1 {
		t.Fatalf("run after queueing again sent %d, want 1", n)
	}
	mails := f.catcher.Mails()
	if last := mails[len(mails)-1]; last.To[0] != "nieuw@gemeente.example" || last.MessageID != messageID(refused) {
		t.Errorf("queued again, the mail arrived as %+v, want to nieuw@gemeente.example with Message-ID %s", last, messageID(refused))
	}
}

// TestOnlyRefusalsOfTheMailStopRetries drives the SMTP sender against a
// go-smtp server answering one command with one code: a 5xx to the recipient
// or the message stops the retries; a 4xx, or a refusal of the sender (our
// SMTP settings, the same for every mail), is tried again after the back-off.
func TestOnlyRefusalsOfTheMailStopRetries(t *testing.T) {
	cases := []struct {
		name    string
		refuse  refusing
		stopped bool
	}{
		{"550 5.1.1 to RCPT TO", refusing{rcpt: &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such user"}}, true},
		{"553 to RCPT TO", refusing{rcpt: &smtp.SMTPError{Code: 553, EnhancedCode: smtp.EnhancedCode{5, 1, 3}, Message: "Bad address syntax"}}, true},
		{"554 to DATA", refusing{data: &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCode{5, 7, 1}, Message: "Message rejected"}}, true},
		{"451 to RCPT TO", refusing{rcpt: &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 2, 0}, Message: "Try again later"}}, false},
		{"452 to DATA", refusing{data: &smtp.SMTPError{Code: 452, EnhancedCode: smtp.EnhancedCode{4, 3, 1}, Message: "Out of storage"}}, false},
		{"550 to MAIL FROM", refusing{mail: &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 7, 1}, Message: "Sender not allowed"}}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			s, sessions := startRefusing(t, c.refuse)
			f.queue(t, "Nieuwe betrokkene", "Er is een nieuwe betrokkene.", "a@gemeente.example")
			w := f.worker("w1", s)
			if n := f.runOnce(t, w); n != 0 {
				t.Fatalf("sent %d against a refusing server", n)
			}
			f.env.Clock.Advance(outbox.Backoff(1))
			f.runOnce(t, w)
			want := 2
			if c.stopped {
				want = 1
			}
			if got := sessions(); got != want {
				t.Errorf("the server saw %d deliveries, want %d", got, want)
			}
			if pending, _ := f.stats(t); (pending == 0) != c.stopped {
				t.Errorf("pending %d; refused for good: %v", pending, c.stopped)
			}
		})
	}
}

// refusing is what a test SMTP server answers; nil accepts.
type refusing struct{ mail, rcpt, data *smtp.SMTPError }

// startRefusing serves SMTP on loopback with the given answers and returns a
// sender for it and a count of the transactions that reached MAIL FROM.
func startRefusing(t *testing.T, r refusing) (*notify.SMTP, func() int) {
	t.Helper()
	var mu sync.Mutex
	tries := 0
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &refusingSession{r: r, tried: func() { mu.Lock(); tries++; mu.Unlock() }}, nil
	}))
	srv.Domain = "localhost"
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); srv.Serve(l) }()
	t.Cleanup(func() { srv.Close(); l.Close(); <-done })
	s, err := notify.ParseSMTP("smtp://" + l.Addr().String() + "?from=" + url.QueryEscape(sender))
	if err != nil {
		t.Fatal(err)
	}
	return s, func() int { mu.Lock(); defer mu.Unlock(); return tries }
}

type refusingSession struct {
	r     refusing
	tried func()
}

func (s *refusingSession) Mail(string, *smtp.MailOptions) error {
	s.tried()
	return errOrNil(s.r.mail)
}
func (s *refusingSession) Rcpt(string, *smtp.RcptOptions) error { return errOrNil(s.r.rcpt) }
func (s *refusingSession) Data(r io.Reader) error {
	io.Copy(io.Discard, r)
	return errOrNil(s.r.data)
}
func (s *refusingSession) Reset()        {}
func (s *refusingSession) Logout() error { return nil }

// errOrNil keeps a nil *SMTPError from becoming a non-nil error.
func errOrNil(e *smtp.SMTPError) error {
	if e == nil {
		return nil
	}
	return e
}

// TestRefusedNeedsTheSenderToSayIt: errors of any other kind, however they
// read, are retried; a wrapped *Refused stops.
func TestRefusedNeedsTheSenderToSayIt(t *testing.T) {
	f := newFixture(t)
	f.queue(t, "Nieuwe betrokkene", "tekst", "a@gemeente.example")
	f.queue(t, "Nieuwe betrokkene", "tekst", "b@gemeente.example")
	w := f.worker("w1", senderFunc(func(_ context.Context, m storage.Mail) error {
		if m.Recipient == "a@gemeente.example" {
			return errors.New("550 5.1.1 looks permanent but is only text")
		}
		return errors.Join(errors.New("send failed"), &notify.Refused{Code: 550, Reply: "550 5.1.1 No such user"})
	}))
	f.runOnce(t, w)
	if pending, _ := f.stats(t); pending != 1 {
		t.Fatalf("pending %d, want 1: only the mail the sender reported as refused stops", pending)
	}
}
