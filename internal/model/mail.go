package model

import "time"

// UndeliveredMail is an e-mail the receiving mail server refused for good,
// with an SMTP 5xx answer such as "550 5.1.1" (no such mailbox). It is no
// longer retried until the regional administrator queues it again. It names
// the professional it was for and never the youth it is about.
type UndeliveredMail struct {
	ID             int64  // the outbox row
	ProfessionalID int64  // whom the message was for
	Professional   string // their name
	Recipient      string // the address the mail was sent to
	CurrentEmail   string // the professional's address now; another one once it was corrected
	Kind           string // the message's kind, such as "match"
	QueuedAt       time.Time
	RefusedAt      time.Time
	Reply          string // the mail server's answer
}
