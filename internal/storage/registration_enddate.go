package storage

import (
	"context"
	"fmt"
	"time"
)

// SetRegistrationEndDate changes the planned last day of an active
// registration (nil: none). It reports false when the registration has ended.
func (tx *Tx) SetRegistrationEndDate(ctx context.Context, id int64, day *time.Time) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE registrations SET end_on = $1 WHERE id = $2 AND ended_at IS NULL`, nullDay(day), id)
	if err != nil {
		return false, fmt.Errorf("store: unable to set end date: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
