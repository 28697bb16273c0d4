package storage

import (
	"context"
	"fmt"
	"time"
)

// Session stages: after the password only, and fully logged in.
const (
	StagePassword = "wachtwoord"
	StageLoggedIn = "ingelogd"
)

// Session is a browser's login. Only the hash of its id is stored.
type Session struct {
	IDHash         []byte
	ProfessionalID int64
	Stage          string
	PendingSecret  []byte // sealed TOTP secret while enrolling
	CreatedAt      time.Time
	LastSeenAt     time.Time
	ExpiresAt      time.Time // the absolute end, however active the session is
}

// CreateSession stores a new session.
func (tx *Tx) CreateSession(ctx context.Context, s Session) error {
	_, err := tx.exec(ctx, `
		INSERT INTO sessions (id_hash, professional_id, stage, pending_secret, created_at, last_seen_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		s.IDHash, s.ProfessionalID, s.Stage, s.PendingSecret, toMillis(s.CreatedAt), toMillis(s.LastSeenAt), toMillis(s.ExpiresAt))
	if err != nil {
		return fmt.Errorf("store: unable to create session: %w", err)
	}
	return nil
}

// Session returns a session by the hash of its id.
func (tx *Tx) Session(ctx context.Context, idHash []byte) (Session, error) {
	s := Session{IDHash: idHash}
	var created, seen, expires int64
	err := tx.queryRow(ctx, `SELECT professional_id, stage, pending_secret, created_at, last_seen_at, expires_at FROM sessions WHERE id_hash = $1`, idHash).
		Scan(&s.ProfessionalID, &s.Stage, &s.PendingSecret, &created, &seen, &expires)
	if err != nil {
		return s, notFound(err)
	}
	s.CreatedAt, s.LastSeenAt, s.ExpiresAt = fromMillis(created), fromMillis(seen), fromMillis(expires)
	return s, nil
}

// TouchSession records activity, at most every ten seconds.
func (tx *Tx) TouchSession(ctx context.Context, idHash []byte, now time.Time) error {
	_, err := tx.exec(ctx, `UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2 AND last_seen_at < $3`,
		toMillis(now), idHash, toMillis(now.Add(-10*time.Second)))
	if err != nil {
		return fmt.Errorf("store: unable to touch session: %w", err)
	}
	return nil
}

// SetPendingSecret keeps the sealed TOTP secret being enrolled with the session.
func (tx *Tx) SetPendingSecret(ctx context.Context, idHash, sealed []byte) error {
	if _, err := tx.exec(ctx, `UPDATE sessions SET pending_secret = $1 WHERE id_hash = $2`, sealed, idHash); err != nil {
		return fmt.Errorf("store: unable to update session: %w", err)
	}
	return nil
}

// DeleteSession removes one session.
func (tx *Tx) DeleteSession(ctx context.Context, idHash []byte) error {
	if _, err := tx.exec(ctx, `DELETE FROM sessions WHERE id_hash = $1`, idHash); err != nil {
		return fmt.Errorf("store: unable to delete session: %w", err)
	}
	return nil
}

// DeleteSessionsOf logs a professional out everywhere.
func (tx *Tx) DeleteSessionsOf(ctx context.Context, professionalID int64) error {
	if _, err := tx.exec(ctx, `DELETE FROM sessions WHERE professional_id = $1`, professionalID); err != nil {
		return fmt.Errorf("store: unable to delete sessions: %w", err)
	}
	return nil
}

// DeleteOtherSessionsOf logs a professional out everywhere but in the
// session with this id hash, halfway logins included.
func (tx *Tx) DeleteOtherSessionsOf(ctx context.Context, professionalID int64, keep []byte) error {
	if _, err := tx.exec(ctx, `DELETE FROM sessions WHERE professional_id = $1 AND id_hash <> $2`, professionalID, keep); err != nil {
		return fmt.Errorf("store: unable to delete sessions: %w", err)
	}
	return nil
}

// DeleteExpiredSessions removes sessions past their absolute end or idle
// since before idleSince.
func (tx *Tx) DeleteExpiredSessions(ctx context.Context, now, idleSince time.Time) error {
	if _, err := tx.exec(ctx, `DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at < $2`, toMillis(now), toMillis(idleSince)); err != nil {
		return fmt.Errorf("store: unable to delete expired sessions: %w", err)
	}
	return nil
}
