package mailcatcher

import (
	"context"
	"errors"
	"mime"
	"mime/quotedprintable"
	"net/smtp"
	"net/textproto"
	"strings"
	"testing"
	"time"
)

var fixedNow = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)

func startCatcher(t *testing.T) *Catcher {
	t.Helper()
	c, err := Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c.mu.Lock()
	c.now = func() time.Time { return fixedNow }
	c.mu.Unlock()
	t.Cleanup(func() { c.Close() })
	return c
}

func send(t *testing.T, c *Catcher, to []string, msg string) {
	t.Helper()
	if err := smtp.SendMail(c.Addr(), nil, "noreply@jeugdketen.test", to, []byte(msg)); err != nil {
		t.Fatalf("send: %v", err)
	}
}

func waitFor(t *testing.T, c *Catcher, n int) []Mail {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	mails, err := c.WaitFor(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	return mails
}

const plainMail = "From: Jeugdketen <noreply@jeugdketen.test>\n" +
	"To: a@gemeente.test\n" +
	"Subject: Nieuwe betrokkene\n" +
	"Message-Id: <abc.123@jeugdketen.test>\n" +
	"\n" +
	"Er is een nieuwe betrokkene.\n"

func TestPlainMailArrivesOnceWithItsEnvelope(t *testing.T) {
	c := startCatcher(t)
	waited := make(chan []Mail)
	go func() {
		mails, _ := c.WaitFor(context.Background(), 1)
		waited <- mails
	}()

	send(t, c, []string{"a@gemeente.test", "b@ggd.test"}, plainMail)

	select {
	case mails := <-waited:
		if len(mails) != 1 {
			t.Fatalf("WaitFor gave %d mails", len(mails))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("WaitFor did not wake on arrival")
	}
	mails := c.Mails()
	if len(mails) != 1 {
		t.Fatalf("got %d mails, want exactly 1", len(mails))
	}
	m := mails[0]
	if m.ID != 1 || m.From != "noreply@jeugdketen.test" || strings.Join(m.To, ",") != "a@gemeente.test,b@ggd.test" {
		t.Errorf("envelope = %d %q %q", m.ID, m.From, m.To)
	}
	if m.Subject != "Nieuwe betrokkene" || m.MessageID != "abc.123@jeugdketen.test" {
		t.Errorf("subject %q, message id %q", m.Subject, m.MessageID)
	}
	if m.Text != "Er is een nieuwe betrokkene.\n" {
		t.Errorf("text = %q", m.Text)
	}
	if !m.Date.Equal(fixedNow) {
		t.Errorf("date = %v, want arrival time %v", m.Date, fixedNow)
	}
	if !strings.Contains(string(m.Raw), "Subject: Nieuwe betrokkene\r\n") {
		t.Errorf("raw message not kept: %q", m.Raw)
	}
}

func TestQuotedPrintableBodyAndEncodedSubjectAreDecoded(t *testing.T) {
	c := startCatcher(t)
	subject := "Nieuwe betrokkene bij jeugdige J-ABC123 – één gezin"
	body := "Beste collega, er is een nieuwe betrokkene bij één gezin. " +
		strings.Repeat("Deze regel is lang genoeg voor een zachte regelafbreking. ", 3) + "\n"
	var qp strings.Builder
	w := quotedprintable.NewWriter(&qp)
	w.Write([]byte(body))
	w.Close()
	if !strings.Contains(qp.String(), "=\r\n") || !strings.Contains(qp.String(), "=C3=A9") {
		t.Fatalf("test message is not really quoted-printable: %q", qp.String())
	}

	send(t, c, []string{"a@gemeente.test"}, "Subject: "+mime.QEncoding.Encode("utf-8", subject)+"\n"+
		"MIME-Version: 1.0\n"+
		"Content-Type: text/plain; charset=utf-8\n"+
		"Content-Transfer-Encoding: quoted-printable\n"+
		"\n"+qp.String())

	m := waitFor(t, c, 1)[0]
	if m.Subject != subject {
		t.Errorf("subject = %q, want %q", m.Subject, subject)
	}
	if m.Text != body {
		t.Errorf("text = %q, want %q", m.Text, body)
	}
}

func TestMultipartPicksThePlainTextPartNotHTMLOrAttachment(t *testing.T) {
	c := startCatcher(t)
	send(t, c, []string{"a@gemeente.test"}, "Subject: Overzicht\n"+
		"MIME-Version: 1.0\n"+
		"Content-Type: multipart/mixed; boundary=\"outer\"\n"+
		"\n"+
		"--outer\n"+
		"Content-Type: multipart/alternative; boundary=\"inner\"\n"+
		"\n"+
		"--inner\n"+
		"Content-Type: text/html; charset=utf-8\n"+
		"\n"+
		"<p>HTML-versie</p>\n"+
		"--inner\n"+
		"Content-Type: text/plain; charset=utf-8\n"+
		"Content-Transfer-Encoding: base64\n"+
		"\n"+
		"VGVrc3R2ZXJzaWUgbWV0IMOpw6lu\n"+
		"--inner--\n"+
		"--outer\n"+
		"Content-Type: text/plain\n"+
		"Content-Disposition: attachment; filename=\"bijlage.txt\"\n"+
		"\n"+
		"bijlage\n"+
		"--outer--\n")

	m := waitFor(t, c, 1)[0]
	if m.Text != "Tekstversie met één" {
		t.Errorf("text = %q", m.Text)
	}
}

func TestLatin1BodyIsDecodedToUTF8(t *testing.T) {
	c := startCatcher(t)
	send(t, c, []string{"a@gemeente.test"}, "Subject: oud\n"+
		"Content-Type: text/plain; charset=iso-8859-1\n"+
		"Content-Transfer-Encoding: quoted-printable\n"+
		"\n"+
		"=E9=E9n gezin\n")

	if m := waitFor(t, c, 1)[0]; m.Text != "één gezin\n" {
		t.Errorf("text = %q", m.Text)
	}
}

func TestFailNextAnswersTemporaryFailureThenAccepts(t *testing.T) {
	c := startCatcher(t)
	c.SetFailNext(1)

	err := smtp.SendMail(c.Addr(), nil, "noreply@jeugdketen.test", []string{"a@gemeente.test"}, []byte(plainMail))
	var perr *textproto.Error
	if !errors.As(err, &perr) || perr.Code != 451 {
		t.Fatalf("first send: %v, want 451", err)
	}
	if n := len(c.Mails()); n != 0 {
		t.Fatalf("failed message was kept: %d mails", n)
	}
	send(t, c, []string{"a@gemeente.test"}, plainMail)
	if mails := waitFor(t, c, 1); len(mails) != 1 || mails[0].ID != 1 {
		t.Fatalf("after retry: %+v", mails)
	}
}

func TestRefusedRecipientGets550AndOthersStillArrive(t *testing.T) {
	c := startCatcher(t)
	c.Refuse("Weg@Gemeente.test")

	err := smtp.SendMail(c.Addr(), nil, "noreply@jeugdketen.test", []string{"weg@gemeente.test"}, []byte(plainMail))
	var perr *textproto.Error
	if !errors.As(err, &perr) || perr.Code != 550 || !strings.HasPrefix(perr.Msg, "5.1.1 ") {
		t.Fatalf("send to the refused address: %v, want 550 5.1.1", err)
	}
	if n := len(c.Mails()); n != 0 {
		t.Fatalf("refused message was kept: %d mails", n)
	}
	send(t, c, []string{"a@gemeente.test"}, plainMail)
	if mails := waitFor(t, c, 1); len(mails) != 1 || mails[0].To[0] != "a@gemeente.test" {
		t.Fatalf("mail to another address: %+v", mails)
	}
}

func TestMessageOverOneMebibyteIsRejected(t *testing.T) {
	c := startCatcher(t)
	big := "Subject: groot\n\n" + strings.Repeat(strings.Repeat("x", 99)+"\n", MaxMessageBytes/100+1)

	err := smtp.SendMail(c.Addr(), nil, "noreply@jeugdketen.test", []string{"a@gemeente.test"}, []byte(big))
	var perr *textproto.Error
	if !errors.As(err, &perr) || perr.Code != 552 {
		t.Fatalf("send: %v, want 552", err)
	}
	if n := len(c.Mails()); n != 0 {
		t.Fatalf("too large message was kept: %d mails", n)
	}
}

func TestStartRefusesNonLoopbackAddresses(t *testing.T) {
	for _, addr := range []string{":0", "0.0.0.0:0", "192.0.2.1:2525", "mail.example.test:25", "127.0.0.1"} {
		if c, err := Start(addr); err == nil {
			c.Close()
			t.Errorf("Start(%q) accepted a non-loopback address", addr)
		}
	}
	c, err := Start("localhost:0")
	if err != nil {
		t.Fatalf("Start(localhost:0): %v", err)
	}
	c.Close()
}

func TestWaitForGivesUpWhenContextEnds(t *testing.T) {
	c := startCatcher(t)
	send(t, c, []string{"a@gemeente.test"}, plainMail)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()

	mails, err := c.WaitFor(ctx, 2)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	if len(mails) != 1 {
		t.Fatalf("got %d mails so far, want 1", len(mails))
	}
}

func TestWaitForGivesUpWhenCatcherCloses(t *testing.T) {
	c := startCatcher(t)
	done := make(chan error)
	go func() {
		_, err := c.WaitFor(context.Background(), 1)
		done <- err
	}()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if !errors.Is(err, ErrClosed) {
			t.Fatalf("err = %v, want ErrClosed", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("WaitFor still blocked after Close")
	}
	if err := c.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}

func TestMailsReturnsACopy(t *testing.T) {
	c := startCatcher(t)
	send(t, c, []string{"a@gemeente.test"}, plainMail)
	waitFor(t, c, 1)

	mails := c.Mails()
	mails[0].To[0] = "changed"
	mails[0].Raw[0] = 'X'
	mails[0].Header["Subject"][0] = "changed"

	m := c.Mails()[0]
	if m.To[0] != "a@gemeente.test" || m.Raw[0] == 'X' || m.Header.Get("Subject") != "Nieuwe betrokkene" {
		t.Fatalf("caller changed the catcher's mail: %+v", m)
	}
}
