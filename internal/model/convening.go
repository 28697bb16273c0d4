package model

import "time"

// Convening is the duty of a level-3 coordinator in Almere's care pyramid to
// convene everyone involved: the day the meeting was recorded for, and when
// the coordinator and the administrators were told the deadline passed.
type Convening struct {
	ID             int64
	CoordinationID int64
	YouthID        int64
	ConvenedOn     *time.Time // a calendar day
	RecordedBy     int64
	RecordedAt     *time.Time
	AlertedAt      *time.Time
}

// Stagnation is a report that care stagnates (Almere, level 4): the
// brandpunt officer convenes everyone by DueAt and may instruct.
type Stagnation struct {
	ID             int64
	YouthID        int64
	CoordinationID int64
	ReportedBy     int64
	ReportedAt     time.Time
	DueAt          time.Time
	ConvenedBy     int64
	ConvenedAt     *time.Time
	InstructedBy   int64
	InstructedAt   *time.Time
	AlertedAt      *time.Time
}
