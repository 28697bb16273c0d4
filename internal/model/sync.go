package model

import "time"

// SyncStatus is how far a synchronisation got.
type SyncStatus string

const (
	SyncLines  SyncStatus = "regels"     // applying the lines, a batch at a time
	SyncEnding SyncStatus = "beeindigen" // every line applied; ending what a complete list lacks
	SyncDone   SyncStatus = "klaar"
)

// SyncCounts says what a synchronisation did with its lines.
type SyncCounts struct {
	Created   int `json:"aangemaakt"`
	Unchanged int `json:"ongewijzigd"`
	Updated   int `json:"bijgewerkt"` // an end date or the informing changed
	Ended     int `json:"beeindigd"`  // not on a complete list
	Refused   int `json:"geweigerd"`
}

// Add adds o to c.
func (c *SyncCounts) Add(o SyncCounts) {
	c.Created += o.Created
	c.Unchanged += o.Unchanged
	c.Updated += o.Updated
	c.Ended += o.Ended
	c.Refused += o.Refused
}

// SyncRefusal is one refused line: its number in the list (from 1) and
// what is wrong with it, field by field. It never carries the BSN.
type SyncRefusal struct {
	Line     int           `json:"regel"`
	Problems []SyncProblem `json:"fouten"`
}

// SyncProblem is what is wrong with one field of a refused line.
type SyncProblem struct {
	Field  string `json:"veld"`
	Reason string `json:"reden"`
}

// SyncReport is one synchronisation of an organisation's client system (or
// CSV upload) and what it did.
type SyncReport struct {
	ID             int64
	OrganisationID int64
	ProfessionalID int64 // who uploaded a CSV file in the web application
	TokenID        int64 // the client system's token
	BodyHash       []byte
	Complete       bool // 'volledig': what is not on the list ends
	Lines          int
	Status         SyncStatus
	Step           int // batches committed so far
	DoneLines      int // lines applied so far, from the first
	Counts         SyncCounts
	Refusals       []SyncRefusal
	StartedAt      time.Time
	FinishedAt     *time.Time
}
