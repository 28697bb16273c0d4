package model

import "time"

// Access is one look at a youth's data as the audit trail has it, with the
// names of who looked.
type Access struct {
	At               time.Time
	Action           string
	ObjectType       string
	ClientSystem     string
	ProfessionalName string
	OrganisationName string
	OrganisationType string
}
