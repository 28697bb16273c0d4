package model

import "time"

// How a handover proposal ended; an open one has no outcome.
const (
	HandoverAccepted  = "geaccepteerd" // the receiving organisation took coordination over
	HandoverDeclined  = "geweigerd"    // the receiving organisation declined
	HandoverWithdrawn = "ingetrokken"  // the proposer withdrew it
	HandoverLapsed    = "vervallen"    // the coordination ended otherwise meanwhile
)

// Handover is a coordinator's proposal to hand coordination over to another
// involved organisation.
type Handover struct {
	ID               int64
	CoordinationID   int64
	YouthID          int64
	ToOrganisationID int64
	ProposedBy       int64
	ProposedAt       time.Time
	Outcome          string // empty while open
	DecidedBy        int64
	DecidedAt        *time.Time
}
