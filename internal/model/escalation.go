package model

import "time"

// Override authority (doorzettingsmacht) in an escalation: the GI for its
// youth-protection and probation clients, the alderman for youth otherwise
// (seed 002).
const (
	AuthorityGI       = "gi"
	AuthorityAlderman = "wethouder"
)

// How an escalation ended.
const (
	EscalationExecuted  = "uitgevoerd"  // the coordinator executed the decision
	EscalationWithdrawn = "ingetrokken" // the coordinator withdrew it
	EscalationLapsed    = "vervallen"   // the coordination it belonged to ended
)

// Escalation is one run of the escalation procedure for a youth.
type Escalation struct {
	ID                      int64
	YouthID                 int64
	CoordinationID          int64
	Authority               string // AuthorityGI or AuthorityAlderman
	AuthorityOrganisationID int64  // the GI, with AuthorityGI
	StartedBy               int64
	StartedAt               time.Time
	EndedAt                 *time.Time
	Outcome                 string // how it ended; "" while it runs
	EndedBy                 int64  // 0 when the system ended it
	Steps                   []EscalationStep
}

// EscalationStep is one step of an escalation, stored once it became due.
type EscalationStep struct {
	ID           int64
	EscalationID int64
	Step         int
	DueAt        *time.Time // nil: no deadline
	DoneAt       *time.Time
	DoneBy       int64
	Outcome      string // step 3: overeenstemming or geen-overeenstemming
	AlertedAt    *time.Time
}

// OverdueEscalationStep is a step past its deadline that nobody was told about yet.
type OverdueEscalationStep struct {
	EscalationStep
	YouthID int64
}

// Running reports whether the escalation has not ended.
func (e Escalation) Running() bool { return e.EndedAt == nil }
