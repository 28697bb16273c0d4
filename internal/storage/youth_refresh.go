package storage

import (
	"context"
	"fmt"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// ActiveYouthsAfter returns up to limit youths with an id above after about
// whom some organisation holds an active registration, in id order: the
// register refresh goes through them a batch at a time.
func (tx *Tx) ActiveYouthsAfter(ctx context.Context, after int64, limit int) ([]model.Youth, error) {
	rows, err := tx.query(ctx, `
		SELECT id, bsn_hash, reference, person, municipality, address_hash FROM youths y
		WHERE id > $1 AND EXISTS (SELECT 1 FROM registrations r WHERE r.youth_id = y.id AND r.ended_at IS NULL)
		ORDER BY id LIMIT $2`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list active youths: %w", err)
	}
	defer rows.Close()
	var out []model.Youth
	for rows.Next() {
		var y model.Youth
		if err := rows.Scan(&y.ID, &y.BSNHash, &y.Reference, &y.Person, &y.Municipality, &y.AddressHash); err != nil {
			return nil, fmt.Errorf("store: unable to read youth: %w", err)
		}
		out = append(out, y)
	}
	return out, rows.Err()
}
