package storage

import (
	"context"
	"fmt"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Objections returns the objections for the regional administrator's list:
// the undecided ones first, oldest received first, then the decided ones,
// last decided first; at most limit.
func (tx *Tx) Objections(ctx context.Context, limit int) ([]model.Objection, error) {
	rows, err := tx.query(ctx, `
		SELECT id FROM objections
		ORDER BY CASE WHEN outcome IS NULL THEN 0 ELSE 1 END, CASE WHEN outcome IS NULL THEN received_on END, decided_at DESC, id DESC
		LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list objections: %w", err)
	}
	ids, err := scanIDs(rows)
	if err != nil {
		return nil, err
	}
	out := make([]model.Objection, 0, len(ids))
	for _, id := range ids {
		o, err := tx.Objection(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}
