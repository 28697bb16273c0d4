package model

import "time"

// TokenInfo is a token as the regional administrator sees it: never its secret.
type TokenInfo struct {
	ID             int64
	ProfessionalID int64
	OrganisationID int64
	CreatedAt      time.Time
	LastUsedAt     *time.Time
	RevokedAt      *time.Time
	Scope          TokenScope
}

// TokenScope is what a token may do.
type TokenScope string

const (
	// ScopeFull: everything its professional or organisation may do.
	ScopeFull TokenScope = "volledig"
	// ScopeSync: a client system's token that may only synchronise its
	// organisation's registrations and read the reports (issue 16): it
	// reads no youth's page, no message, no list.
	ScopeSync TokenScope = "synchronisatie"
)

// Valid reports whether s is a known scope.
func (s TokenScope) Valid() bool { return s == ScopeFull || s == ScopeSync }
