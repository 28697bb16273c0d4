package storage

import (
	"context"
	"fmt"
)

// RestoreRegistration makes an ended registration active again, as it was
// before its ending; false when it is active already. The archive notice is
// cleared, so that a later ending is archived afresh. The unique index on
// active registrations refuses it when the organisation has made a new one
// of the same kind meanwhile; the use case checks that first.
func (tx *Tx) RestoreRegistration(ctx context.Context, id int64) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE registrations SET ended_at = NULL, end_reason = NULL, ended_by = NULL, archive_notified_at = NULL
		WHERE id = $1 AND ended_at IS NOT NULL`, id)
	if err != nil {
		return false, fmt.Errorf("store: unable to restore registration: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
