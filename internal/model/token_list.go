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
}
