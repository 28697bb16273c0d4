package model

import "time"

// Statuses of an agreement in the plan of action.
const (
	AgreementOpen    = "open"
	AgreementDone    = "gedaan"
	AgreementNotKept = "niet-nagekomen"
)

// AgreementStatuses are the statuses in the order forms offer them.
var AgreementStatuses = []string{AgreementOpen, AgreementDone, AgreementNotKept}

// Agreement is one line of a youth's plan of action ("één gezin, één plan"):
// an action from the region's list, the professional responsible, from when
// until when, and how it stands. Procedural only: no case content.
type Agreement struct {
	ID               int64
	YouthID          int64
	CoordinationID   int64 // the coordination under which it was made
	Action           string
	ProfessionalID   int64 // responsible
	StartOn, EndOn   time.Time
	Status           string
	CreatedBy        int64
	CreatedAt        time.Time
	UpdatedBy        int64
	UpdatedAt        *time.Time
	OverdueAlertedAt *time.Time // the coordinator and the responsible were told the end date passed
}
