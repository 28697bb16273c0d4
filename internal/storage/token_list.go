package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Tokens lists every API token, newest first.
func (tx *Tx) Tokens(ctx context.Context) ([]model.TokenInfo, error) {
	rows, err := tx.query(ctx, `SELECT id, professional_id, organisation_id, created_at, last_used_at, revoked_at, scope FROM api_tokens ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list tokens: %w", err)
	}
	defer rows.Close()
	var out []model.TokenInfo
	for rows.Next() {
		var t model.TokenInfo
		var prof, org, used, revoked sql.NullInt64
		var created int64
		if err := rows.Scan(&t.ID, &prof, &org, &created, &used, &revoked, &t.Scope); err != nil {
			return nil, fmt.Errorf("store: unable to read token: %w", err)
		}
		t.ProfessionalID, t.OrganisationID = prof.Int64, org.Int64
		t.CreatedAt, t.LastUsedAt, t.RevokedAt = fromMillis(created), fromNullMillis(used), fromNullMillis(revoked)
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken revokes a token; revoking it again changes nothing.
func (tx *Tx) RevokeToken(ctx context.Context, id int64, now time.Time) error {
	res, err := tx.exec(ctx, `UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2`, toMillis(now), id)
	if err != nil {
		return fmt.Errorf("store: unable to revoke token: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
