package notify

import (
	"errors"
	"strconv"
	"strings"

	mail "github.com/wneessen/go-mail"
)

// Refused is a delivery the receiving mail server refused for good: an SMTP
// 5xx answer to the recipient or to the message, such as "550 5.1.1" for a
// mailbox that does not exist. Asking again gets the same answer, so the
// worker stops trying and records the mail as undelivered. A Sender reports
// it by returning (or wrapping) a *Refused.
type Refused struct {
	Code     int    // 550
	Enhanced string // "5.1.1", when the server gives one
	Reply    string // the server's answer, as it came
}

func (r *Refused) Error() string { return "mail server refused the mail for good: " + r.Reply }

// refusal turns go-mail's error for a failed send into a *Refused when the
// server refused the recipient (RCPT TO) or the message (DATA) with a 5xx
// answer. Everything else is worth trying again: 4xx answers, connections
// that fail or break, and refusals of the sender or of the login, which
// concern the SMTP settings and so every mail, not this one.
func refusal(err error) error {
	var se *mail.SendError
	if !errors.As(err, &se) || se.IsTemp() || se.ErrorCode() < 500 || se.ErrorCode() > 599 {
		return err
	}
	switch se.Reason {
	case mail.ErrSMTPRcptTo, mail.ErrSMTPData, mail.ErrSMTPDataClose:
	default:
		return err
	}
	return &Refused{Code: se.ErrorCode(), Enhanced: se.EnhancedStatusCode(), Reply: serverReply(se)}
}

// serverReply finds the server's answer in a SendError, whose text is
// `<command>: <code> <reply>[, affected …]`, the reply quoted by
// net/textproto (Go 1.26 and later) or as it came (before). Failing that, it
// is the whole text: a longer reply is better than none.
func serverReply(se *mail.SendError) string {
	text := se.Error()
	code := strconv.Itoa(se.ErrorCode())
	i := strings.Index(text, code+" ")
	if i < 0 {
		return text
	}
	rest := text[i+len(code)+1:]
	if q, err := strconv.QuotedPrefix(rest); err == nil {
		if msg, err := strconv.Unquote(q); err == nil {
			return code + " " + msg
		}
	}
	if j := strings.Index(rest, ", affected "); j >= 0 {
		rest = rest[:j]
	}
	return code + " " + rest
}
