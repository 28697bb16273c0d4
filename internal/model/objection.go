package model

import "time"

// Objection is an objection (bezwaar) against registrations about a youth,
// lodged at a municipality, and its decision.
type Objection struct {
	ID             int64
	YouthReference string
	Municipality   string
	ReceivedOn     time.Time
	RecordedAt     time.Time
	RecordedBy     int64
	Outcome        string // "", "toegewezen" or "afgewezen"
	DecidedOn      *time.Time
	DecidedAt      *time.Time
	DecidedBy      int64
	Registrations  []ObjectedRegistration
}

// ObjectedRegistration is one registration an objection concerns.
type ObjectedRegistration struct {
	RegistrationID int64
	RemovedAt      *time.Time
}
