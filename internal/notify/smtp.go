// Package notify delivers the outbox: every message a registration queued is
// sent by e-mail over SMTP by a worker that takes mail by lease and retries
// with back-off, never dropping a message. Mail the receiving server refuses
// for good (an SMTP 5xx answer such as 550 5.1.1) is kept as undelivered,
// for the regional administrator to see and queue again. A crash after sending but before the
// delivery is recorded resends it with the same Message-ID, so a receiving
// system can recognise the duplicate.
package notify

import (
	"context"
	"errors"
	"fmt"
	"net"
	netmail "net/mail"
	"net/url"
	"strconv"
	"time"

	mail "github.com/wneessen/go-mail"

	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// SendTimeout bounds one delivery to the SMTP server; a worker with a short
// lease allows less.
const SendTimeout = 30 * time.Second

// SMTP sends e-mail through one SMTP server.
type SMTP struct {
	host     string
	port     int
	from     string
	username string
	password string
	tls      string // "none", "starttls" or "tls"
}

// ParseSMTP reads a server address as a URL:
// smtp://user:password@host:port?from=noreply@regio.nl&tls=starttls.
// tls is "none" (default for loopback hosts), "starttls" (default) or "tls";
// the port defaults to 587, or 465 for tls. Errors never repeat the password.
func ParseSMTP(raw string) (*SMTP, error) {
	u, err := url.Parse(raw)
	if err != nil {
		// url.Error quotes the whole address, password included.
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		return nil, fmt.Errorf("notify: invalid SMTP address: %v", err)
	}
	if u.Scheme != "smtp" || u.Hostname() == "" {
		return nil, fmt.Errorf("notify: SMTP address must look like smtp://host:port?from=afzender@regio.nl, got %q", u.Redacted())
	}
	s := &SMTP{host: u.Hostname(), from: u.Query().Get("from"), tls: u.Query().Get("tls")}
	if s.tls == "" {
		s.tls = "starttls"
		if ip := net.ParseIP(s.host); (ip != nil && ip.IsLoopback()) || s.host == "localhost" {
			s.tls = "none"
		}
	}
	if s.tls != "none" && s.tls != "starttls" && s.tls != "tls" {
		return nil, fmt.Errorf("notify: tls must be none, starttls or tls, got %q", s.tls)
	}
	s.port = 587
	if s.tls == "tls" {
		s.port = 465
	}
	if p := u.Port(); p != "" {
		if s.port, err = strconv.Atoi(p); err != nil || s.port < 1 || s.port > 65535 {
			return nil, fmt.Errorf("notify: SMTP port must be 1 to 65535, got %q", p)
		}
	}
	if s.from == "" {
		s.from = "verwijsindex@jeugdketen.invalid"
	}
	// Checked now: a bad sender would fail every delivery, for ever.
	if _, err := netmail.ParseAddress(s.from); err != nil {
		return nil, fmt.Errorf("notify: from must be an e-mail address, got %q", s.from)
	}
	if u.User != nil {
		s.username = u.User.Username()
		s.password, _ = u.User.Password()
	}
	return s, nil
}

// Send delivers one e-mail. Its Message-ID derives from the outbox row, so a
// resend after a crash carries the same one. A 5xx refusal of the recipient
// or the message comes back as a *Refused.
func (s *SMTP) Send(ctx context.Context, m storage.Mail) error {
	msg := mail.NewMsg()
	if err := msg.From(s.from); err != nil {
		return err
	}
	if err := msg.To(m.Recipient); err != nil {
		return err
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(fmt.Sprintf("outbox-%d@jeugdketen", m.ID))
	msg.SetDateWithValue(m.CreatedAt)
	msg.SetBodyString(mail.TypeTextPlain, m.Body)

	opts := []mail.Option{mail.WithPort(s.port), mail.WithTimeout(SendTimeout)}
	switch s.tls {
	case "none":
		opts = append(opts, mail.WithTLSPolicy(mail.NoTLS))
	case "starttls":
		opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
	case "tls":
		opts = append(opts, mail.WithSSL())
	}
	if s.username != "" {
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover), mail.WithUsername(s.username), mail.WithPassword(s.password))
	}
	c, err := mail.NewClient(s.host, opts...)
	if err != nil {
		return err
	}
	return refusal(c.DialAndSendWithContext(ctx, msg))
}
