package mailcatcher

import (
	"io"

	"github.com/emersion/go-smtp"
)

// errFailRequested answers a DATA command that SetFailNext asked to fail.
var errFailRequested = &smtp.SMTPError{
	Code:         451,
	EnhancedCode: smtp.EnhancedCode{4, 3, 0},
	Message:      "Temporary failure requested by the test, try again",
}

// errNoMailbox answers RCPT TO for an address Refuse named.
var errNoMailbox = &smtp.SMTPError{
	Code:         550,
	EnhancedCode: smtp.EnhancedCode{5, 1, 1},
	Message:      "Mailbox unavailable: no such user here",
}

// session collects one SMTP transaction's envelope; go-smtp runs one per
// connection and calls it from that connection's goroutine only.
type session struct {
	catcher *Catcher
	from    string
	to      []string
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.from = from
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if s.catcher.refuses(to) {
		return errNoMailbox
	}
	s.to = append(s.to, to)
	return nil
}

func (s *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err // go-smtp turns its own too-large error into 552
	}
	if s.catcher.shouldFail() {
		return errFailRequested
	}
	s.catcher.add(s.from, s.to, raw)
	return nil
}

func (s *session) Reset() {
	s.from = ""
	s.to = nil
}

func (s *session) Logout() error {
	return nil
}
