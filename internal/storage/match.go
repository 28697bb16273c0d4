package storage

import (
	"context"
	"fmt"
	"time"
)

// RecordMatch stores that two organisations are involved with the same
// youth, once per pair; it reports whether the pair is new.
func (tx *Tx) RecordMatch(ctx context.Context, youthID, orgA, orgB, registrationID int64, now time.Time) (bool, error) {
	if orgA > orgB {
		orgA, orgB = orgB, orgA
	}
	res, err := tx.exec(ctx, `
		INSERT INTO matches (youth_id, organisation_a, organisation_b, registration_id, created_at)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (youth_id, organisation_a, organisation_b) DO NOTHING`,
		youthID, orgA, orgB, registrationID, toMillis(now))
	if err != nil {
		return false, fmt.Errorf("store: unable to record match: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// MatchCount returns how many pairs of organisations matched on a youth.
func (tx *Tx) MatchCount(ctx context.Context, youthID int64) (int, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT count(*) FROM matches WHERE youth_id = $1`, youthID).Scan(&n)
	return n, err
}
