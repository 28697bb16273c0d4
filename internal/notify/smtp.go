// Package notify delivers the outbox: every message a registration queued is
// sent by e-mail over SMTP by a worker that takes mail by lease, retries with
// back-off and never drops a message. A crash after sending but before the
// delivery is recorded resends it with the same Message-ID, so a receiving
// system can recognise the duplicate.
package notify

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"time"

	mail "github.com/wneessen/go-mail"

	"github.com/jeugdketen/jeugdketen/internal/storage"
)

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
// tls is "none" (default for loopback hosts), "starttls" (default) or "tls".
func ParseSMTP(raw string) (*SMTP, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "smtp" || u.Hostname() == "" {
		return nil, fmt.Errorf("notify: SMTP address must look like smtp://host:port?from=afzender@regio.nl, got %q", raw)
	}
	s := &SMTP{host: u.Hostname(), port: 587, from: u.Query().Get("from"), tls: u.Query().Get("tls")}
	if p := u.Port(); p != "" {
		if s.port, err = strconv.Atoi(p); err != nil {
			return nil, fmt.Errorf("notify: bad SMTP port %q", p)
		}
	}
	if s.from == "" {
		s.from = "verwijsindex@jeugdketen.invalid"
	}
	if u.User != nil {
		s.username = u.User.Username()
		s.password, _ = u.User.Password()
	}
	if s.tls == "" {
		s.tls = "starttls"
		if ip := net.ParseIP(s.host); (ip != nil && ip.IsLoopback()) || s.host == "localhost" {
			s.tls = "none"
		}
	}
	if s.tls != "none" && s.tls != "starttls" && s.tls != "tls" {
		return nil, fmt.Errorf("notify: tls must be none, starttls or tls, got %q", s.tls)
	}
	return s, nil
}

// Send delivers one e-mail. Its Message-ID derives from the outbox row, so a
// resend after a crash carries the same one.
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

	opts := []mail.Option{mail.WithPort(s.port), mail.WithTimeout(30 * time.Second)}
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
	return c.DialAndSendWithContext(ctx, msg)
}
