package model

import "time"

// What the coordinator records about a signaller.
const (
	ContactCalled      = "contact"           // the signaller was called (seed 002)
	ContactWrongSignal = "overleg-onterecht" // the signaller was consulted about an evidently wrong signal
)

// SignallerContact is that the coordinator contacted the organisation behind
// one registration, on a day, within one coordination. It names the
// registration by id only: the fact stays when the registration is removed.
type SignallerContact struct {
	ID             int64
	CoordinationID int64
	YouthID        int64
	RegistrationID int64
	Kind           string
	ContactedOn    time.Time
	RecordedBy     int64
	RecordedAt     time.Time
}
