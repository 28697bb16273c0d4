package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Credential is what a professional logs in with: an argon2id password hash
// and, once enrolled, the sealed TOTP secret.
type Credential struct {
	ProfessionalID int64
	PasswordHash   string
	TOTPSecret     []byte // sealed; nil until the second factor is enrolled
	TOTPLastStep   int64  // the last accepted time step, so a code works once
	// Initial: the password was set by an administrator, and the
	// professional must replace it by their own after logging in.
	Initial bool
}

// Credential returns a professional's credentials.
func (tx *Tx) Credential(ctx context.Context, professionalID int64) (Credential, error) {
	c := Credential{ProfessionalID: professionalID}
	var initial int
	err := tx.queryRow(ctx, `SELECT password_hash, totp_secret, totp_last_step, initial FROM credentials WHERE professional_id = $1`, professionalID).
		Scan(&c.PasswordHash, &c.TOTPSecret, &c.TOTPLastStep, &initial)
	if err != nil {
		return c, notFound(err)
	}
	c.Initial = initial == 1
	return c, nil
}

// SetPassword stores a new password hash, keeping the second factor;
// initial marks one the administrator set.
func (tx *Tx) SetPassword(ctx context.Context, professionalID int64, hash string, initial bool, now time.Time) error {
	_, err := tx.exec(ctx, `
		INSERT INTO credentials (professional_id, password_hash, initial, updated_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (professional_id) DO UPDATE SET password_hash = excluded.password_hash, initial = excluded.initial, updated_at = excluded.updated_at`,
		professionalID, hash, boolInt(initial), toMillis(now))
	if err != nil {
		return fmt.Errorf("store: unable to set password: %w", err)
	}
	return nil
}

// SetTOTP stores (or with nil, removes) the sealed TOTP secret.
func (tx *Tx) SetTOTP(ctx context.Context, professionalID int64, sealed []byte, now time.Time) error {
	_, err := tx.exec(ctx, `UPDATE credentials SET totp_secret = $1, totp_last_step = 0, updated_at = $2 WHERE professional_id = $3`,
		sealed, toMillis(now), professionalID)
	if err != nil {
		return fmt.Errorf("store: unable to set second factor: %w", err)
	}
	return nil
}

// UseTOTPStep records an accepted time step. It reports false when that step
// or a later one was used already: the code is then a replay.
func (tx *Tx) UseTOTPStep(ctx context.Context, professionalID, step int64) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE credentials SET totp_last_step = $1 WHERE professional_id = $2 AND totp_last_step < $1`, step, professionalID)
	if err != nil {
		return false, fmt.Errorf("store: unable to record code: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// RecoveryCode is one stored recovery code.
type RecoveryCode struct {
	ID     int64
	Hash   []byte
	UsedAt *time.Time
}

// ReplaceRecoveryCodes removes a professional's recovery codes and stores new ones.
func (tx *Tx) ReplaceRecoveryCodes(ctx context.Context, professionalID int64, hashes [][]byte) error {
	if _, err := tx.exec(ctx, `DELETE FROM recovery_codes WHERE professional_id = $1`, professionalID); err != nil {
		return fmt.Errorf("store: unable to remove recovery codes: %w", err)
	}
	for _, h := range hashes {
		if _, err := tx.exec(ctx, `INSERT INTO recovery_codes (professional_id, code_hash) VALUES ($1, $2)`, professionalID, h); err != nil {
			return fmt.Errorf("store: unable to store recovery code: %w", err)
		}
	}
	return nil
}

// UseRecoveryCode marks an unused code with this hash as used; it reports
// false when there is none.
func (tx *Tx) UseRecoveryCode(ctx context.Context, professionalID int64, hash []byte, now time.Time) (bool, error) {
	var id int64
	err := tx.queryRow(ctx, `SELECT id FROM recovery_codes WHERE professional_id = $1 AND code_hash = $2 AND used_at IS NULL`, professionalID, hash).Scan(&id)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: unable to read recovery code: %w", err)
	}
	res, err := tx.exec(ctx, `UPDATE recovery_codes SET used_at = $1 WHERE id = $2 AND used_at IS NULL`, toMillis(now), id)
	if err != nil {
		return false, fmt.Errorf("store: unable to use recovery code: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// UnusedRecoveryCodes counts a professional's unused recovery codes.
func (tx *Tx) UnusedRecoveryCodes(ctx context.Context, professionalID int64) (int, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT count(*) FROM recovery_codes WHERE professional_id = $1 AND used_at IS NULL`, professionalID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: unable to count recovery codes: %w", err)
	}
	return n, nil
}
