package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Token is a stored API token: only its hash is kept.
type Token struct {
	ID             int64
	ProfessionalID int64 // set for a professional's token
	OrganisationID int64 // set for a client system's token
	RevokedAt      *time.Time
	LastUsedAt     *time.Time
	Scope          model.TokenScope
}

// CreateToken stores the hash of a new token for a professional or an organisation.
func (tx *Tx) CreateToken(ctx context.Context, hash []byte, professionalID, organisationID int64, now time.Time) (int64, error) {
	return tx.CreateScopedToken(ctx, hash, professionalID, organisationID, model.ScopeFull, now)
}

// CreateScopedToken is CreateToken for a token limited to scope.
func (tx *Tx) CreateScopedToken(ctx context.Context, hash []byte, professionalID, organisationID int64, scope model.TokenScope, now time.Time) (int64, error) {
	var id int64
	err := tx.queryRow(ctx, `
		INSERT INTO api_tokens (token_hash, professional_id, organisation_id, created_at, scope)
		VALUES ($1, $2, $3, $4, $5)
		RETURNING id`,
		hash, nullID(professionalID), nullID(organisationID), toMillis(now), string(scope)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: unable to create token: %w", err)
	}
	return id, nil
}

// TokenByHash finds a token by the hash of its secret.
func (tx *Tx) TokenByHash(ctx context.Context, hash []byte) (Token, error) {
	var t Token
	var prof, org sql.NullInt64
	var revoked, used sql.NullInt64
	err := tx.queryRow(ctx, `SELECT id, professional_id, organisation_id, revoked_at, last_used_at, scope FROM api_tokens WHERE token_hash = $1`, hash).
		Scan(&t.ID, &prof, &org, &revoked, &used, &t.Scope)
	if err != nil {
		return t, notFound(err)
	}
	t.ProfessionalID, t.OrganisationID = prof.Int64, org.Int64
	t.RevokedAt, t.LastUsedAt = fromNullMillis(revoked), fromNullMillis(used)
	return t, nil
}

// TouchToken records when a token was last used, at most once a minute.
func (tx *Tx) TouchToken(ctx context.Context, id int64, now time.Time) error {
	_, err := tx.exec(ctx, `UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)`,
		toMillis(now), id, toMillis(now.Add(-time.Minute)))
	if err != nil {
		return fmt.Errorf("store: unable to touch token: %w", err)
	}
	return nil
}

func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }
