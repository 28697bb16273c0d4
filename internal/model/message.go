package model

import "time"

// Message is an in-app message to one professional. Its text names
// organisations and professionals, never the youth.
type Message struct {
	ID             int64
	ProfessionalID int64
	YouthID        int64 // 0 when the message is about no youth
	YouthReference string
	Kind           string
	Subject        string
	Body           string
	EventKey       string
	CreatedAt      time.Time
	ReadAt         *time.Time
	// Urgent: an escalation, a deadline passed, a handover offered, a match
	// with an urgent signal or with Veilig Thuis or a GI. Listed first while
	// unread, marked "Spoed", and so is its e-mail's subject.
	Urgent bool
}
