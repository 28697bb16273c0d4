package storage

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Objections returns the objections for the regional administrator's list:
// the undecided ones first, oldest received first, then the decided ones,
// last decided first; at most limit.
func (tx *Tx) Objections(ctx context.Context, limit int) ([]model.Objection, error) {
	return tx.objectionsWhose(ctx, `
		SELECT id FROM objections
		ORDER BY CASE WHEN outcome IS NULL THEN 0 ELSE 1 END, CASE WHEN outcome IS NULL THEN received_on END, decided_at DESC, id DESC
		LIMIT $1`, limit)
}
