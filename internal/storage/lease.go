package storage

import (
	"context"
	"fmt"
	"time"
)

// TakeLease gives owner the named lease until now+d when it is free, expired
// or already theirs; it reports whether owner holds it. Several instances use
// it to agree who runs a sweep.
func (tx *Tx) TakeLease(ctx context.Context, name, owner string, now time.Time, d time.Duration) (bool, error) {
	res, err := tx.exec(ctx, `
		INSERT INTO leases (name, owner, until) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until
		WHERE leases.until < $4 OR leases.owner = excluded.owner`,
		name, owner, toMillis(now.Add(d)), toMillis(now))
	if err != nil {
		return false, fmt.Errorf("store: unable to take lease: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
