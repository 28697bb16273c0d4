package mailcatcher

import (
	"net/mail"
	"slices"
	"time"
)

// Mail is one received message, decoded for reading and checking.
type Mail struct {
	ID        int         `json:"id"`        // 1-based arrival order
	From      string      `json:"van"`       // envelope sender (MAIL FROM)
	To        []string    `json:"aan"`       // envelope recipients (RCPT TO)
	Subject   string      `json:"onderwerp"` // decoded (RFC 2047)
	MessageID string      `json:"berichtId"` // Message-Id header value without <>
	Date      time.Time   `json:"ontvangen"` // arrival time
	Text      string      `json:"tekst"`     // decoded text/plain body, "\n" line ends
	Header    mail.Header `json:"-"`         // message headers as sent, not decoded
	Raw       []byte      `json:"-"`         // message as received
}

// clone copies m deeply, so callers cannot change the catcher's mails.
func (m Mail) clone() Mail {
	m.To = slices.Clone(m.To)
	m.Raw = slices.Clone(m.Raw)
	if m.Header != nil {
		h := make(mail.Header, len(m.Header))
		for k, v := range m.Header {
			h[k] = slices.Clone(v)
		}
		m.Header = h
	}
	return m
}
