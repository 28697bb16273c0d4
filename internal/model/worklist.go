package model

import "time"

// DueAgreement is an open agreement of the plan of action, as a worklist
// shows it.
type DueAgreement struct {
	ID             int64
	YouthID        int64
	Action         string
	ProfessionalID int64 // responsible
	StartOn, EndOn time.Time
}

// Uncontacted is a signaller the coordinator has not recorded as contacted:
// an active registration of another organisation about a youth whose
// accepted coordination the organisation holds.
type Uncontacted struct {
	CoordinationID int64
	AcceptedAt     time.Time
	Registration   int64
	YouthID        int64
	OrganisationID int64
	ProfessionalID int64
	CreatedAt      time.Time
}

// HandoverOffer is an open handover proposed to an organisation.
type HandoverOffer struct {
	ID                 int64
	YouthID            int64
	CoordinationID     int64
	FromOrganisationID int64
	ProposedAt         time.Time
}
