package model

// MonitoringCell is one count of a month's monitoring figures: how many of
// a measure, in one category, in one municipality of the youth, for one
// organisation (0 when the measure is not per organisation). N is the true
// count, never shown; Shown is N rounded to a multiple of 5, once, when the
// month's figures were made. Every figure shown is a sum of Shown values.
type MonitoringCell struct {
	Month          string // "2026-03"
	Municipality   string // CBS code of the youth's municipality, "0772"
	OrganisationID int64
	// OrganisationType is the organisation's type when the cells are read
	// per type (storage.Tx.MonitoringSums); a cell itself has none.
	OrganisationType string
	Measure          string
	Category         string
	N                int
	Shown            int
}
