package model

import "time"

// Relation links a youth to another person of the population register: the
// kind, who laid it and when, nothing else (seed 002).
type Relation struct {
	ID             int64
	YouthID        int64
	PersonHash     []byte // keyed hash of the other person's BSN
	Person         []byte // sealed JSON of the other person's name and birth date
	Kind           string // ouder, broer-zus, ander-familielid, huisgenoot
	OrganisationID int64
	ProfessionalID int64
	CreatedAt      time.Time
	// Filled by RelationsOfYouth: who laid it.
	Organisation Organisation
	Professional Professional
}
