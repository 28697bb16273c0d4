package storage

import (
	"context"
	"fmt"
	"time"
)

// Throttle is the count of failed logins under one key (an account or an address).
type Throttle struct {
	Key           string
	Failures      int
	LastFailureAt time.Time
	LockedUntil   time.Time
}

// Throttle returns the count under key; a key without failures has a zero count.
func (tx *Tx) Throttle(ctx context.Context, key string) (Throttle, error) {
	t := Throttle{Key: key}
	var last, locked int64
	err := tx.queryRow(ctx, `SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE throttle_key = $1`, key).Scan(&t.Failures, &last, &locked)
	if err != nil {
		if err = notFound(err); err == ErrNotFound {
			return t, nil
		}
		return t, fmt.Errorf("store: unable to read login attempts: %w", err)
	}
	t.LastFailureAt, t.LockedUntil = fromMillis(last), fromMillis(locked)
	return t, nil
}

// SaveThrottle stores the count under t.Key.
func (tx *Tx) SaveThrottle(ctx context.Context, t Throttle) error {
	_, err := tx.exec(ctx, `
		INSERT INTO login_throttle (throttle_key, failures, last_failure_at, locked_until) VALUES ($1, $2, $3, $4)
		ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`,
		t.Key, t.Failures, toMillis(t.LastFailureAt), toMillis(t.LockedUntil))
	if err != nil {
		return fmt.Errorf("store: unable to record login attempt: %w", err)
	}
	return nil
}

// ClearThrottle forgets the failures under key, after a successful login.
func (tx *Tx) ClearThrottle(ctx context.Context, key string) error {
	if _, err := tx.exec(ctx, `DELETE FROM login_throttle WHERE throttle_key = $1`, key); err != nil {
		return fmt.Errorf("store: unable to clear login attempts: %w", err)
	}
	return nil
}
