package model

import "time"

// MonitoringReport is the monthly report of one municipality: made by the
// sweep once the month's figures are made, and rendered from those frozen
// figures whenever it is opened, so it reads the same every time.
type MonitoringReport struct {
	ID           int64
	Month        string // "2026-03"
	Municipality string // CBS code, "0772"
	MadeAt       time.Time
}
