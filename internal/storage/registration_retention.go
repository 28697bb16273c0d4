package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// The registration methods for parents' rights and retention: informing,
// the term and its renewal, the archive, and deletion.

func (tx *Tx) listRegistrations(ctx context.Context, what, query string, args ...any) ([]model.Registration, error) {
	rows, err := tx.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list %s: %w", what, err)
	}
	defer rows.Close()
	var out []model.Registration
	for rows.Next() {
		r, err := scanRegistration(rows)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read registration: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SetInformed records whether the parents and the youth were informed.
func (tx *Tx) SetInformed(ctx context.Context, id int64, parents, youth model.Informed) error {
	_, err := tx.exec(ctx, `UPDATE registrations SET parents_informed = $1, youth_informed = $2 WHERE id = $3`, parents, youth, id)
	if err != nil {
		return fmt.Errorf("store: unable to record informing: %w", err)
	}
	return nil
}

// RenewRegistration gives an active registration a new last day. It reports
// false when the registration has ended.
func (tx *Tx) RenewRegistration(ctx context.Context, id int64, expiresOn, now time.Time) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE registrations SET expires_on = $1, renewed_at = $2, expiry_warned_at = NULL WHERE id = $3 AND ended_at IS NULL`,
		expiresOn.Format(dayLayout), toMillis(now), id)
	if err != nil {
		return false, fmt.Errorf("store: unable to renew registration: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// RegistrationsExpired returns active registrations whose last day lies
// before the given day.
func (tx *Tx) RegistrationsExpired(ctx context.Context, today time.Time, limit int) ([]model.Registration, error) {
	return tx.listRegistrations(ctx, "expired registrations", `
		SELECT `+registrationColumns+` FROM registrations r
		WHERE r.ended_at IS NULL AND r.expires_on < $1
		ORDER BY r.expires_on, r.id LIMIT $2`, today.Format(dayLayout), limit)
}

// RegistrationsToWarn returns active registrations whose term ends on or
// before the given day and whose organisation was not warned yet.
func (tx *Tx) RegistrationsToWarn(ctx context.Context, lastDay time.Time, limit int) ([]model.Registration, error) {
	return tx.listRegistrations(ctx, "registrations to warn", `
		SELECT `+registrationColumns+` FROM registrations r
		WHERE r.ended_at IS NULL AND r.expires_on <= $1 AND r.expiry_warned_at IS NULL
		ORDER BY r.expires_on, r.id LIMIT $2`, lastDay.Format(dayLayout), limit)
}

// MarkExpiryWarned records that the organisation was warned of the end of the term.
func (tx *Tx) MarkExpiryWarned(ctx context.Context, id int64, now time.Time) error {
	_, err := tx.exec(ctx, `UPDATE registrations SET expiry_warned_at = $1 WHERE id = $2`, toMillis(now), id)
	if err != nil {
		return fmt.Errorf("store: unable to record warning: %w", err)
	}
	return nil
}

// RegistrationsOfYouth returns every registration of a youth still held,
// active and archived, oldest first.
func (tx *Tx) RegistrationsOfYouth(ctx context.Context, youthID int64) ([]model.Registration, error) {
	return tx.listRegistrations(ctx, "registrations of youth", `
		SELECT `+registrationColumns+` FROM registrations r WHERE r.youth_id = $1 ORDER BY r.created_at, r.id`, youthID)
}

// ArchivedNotNotified returns a youth's ended registrations whose
// organisation has not been told about a new registration yet.
func (tx *Tx) ArchivedNotNotified(ctx context.Context, youthID int64) ([]model.Registration, error) {
	return tx.listRegistrations(ctx, "archived registrations", `
		SELECT `+registrationColumns+` FROM registrations r
		WHERE r.youth_id = $1 AND r.ended_at IS NOT NULL AND r.archive_notified_at IS NULL
		ORDER BY r.organisation_id, r.created_at, r.id`, youthID)
}

// MarkArchiveNotified records that an archived registration's organisation
// was told about a new registration: it is told once.
func (tx *Tx) MarkArchiveNotified(ctx context.Context, id int64, now time.Time) error {
	_, err := tx.exec(ctx, `UPDATE registrations SET archive_notified_at = $1 WHERE id = $2 AND archive_notified_at IS NULL`, toMillis(now), id)
	if err != nil {
		return fmt.Errorf("store: unable to record archive notice: %w", err)
	}
	return nil
}

// ArchivedBefore returns registrations that ended before the given moment:
// the archive whose period has passed.
func (tx *Tx) ArchivedBefore(ctx context.Context, before time.Time, limit int) ([]model.Registration, error) {
	return tx.listRegistrations(ctx, "archived registrations", `
		SELECT `+registrationColumns+` FROM registrations r
		WHERE r.ended_at IS NOT NULL AND r.ended_at < $1
		ORDER BY r.ended_at, r.id LIMIT $2`, toMillis(before), limit)
}

// DeleteRegistration deletes a registration and the match rows it caused.
// The caller holds the youth (LockYouthByID) and then calls
// ForgetOrganisation and DeleteYouthIfEmpty as the case requires.
func (tx *Tx) DeleteRegistration(ctx context.Context, id int64) error {
	if _, err := tx.exec(ctx, `DELETE FROM matches WHERE registration_id = $1`, id); err != nil {
		return fmt.Errorf("store: unable to delete matches of registration: %w", err)
	}
	if _, err := tx.exec(ctx, `DELETE FROM registrations WHERE id = $1`, id); err != nil {
		return fmt.Errorf("store: unable to delete registration: %w", err)
	}
	return nil
}

// ForgetOrganisation removes the traces of an organisation's involvement
// with a youth once it has no registration about the youth left: the match
// rows that pair it with others, and its ended coordinations with the
// messages that announced them (except those the plan of action refers to). It reports whether it did.
func (tx *Tx) ForgetOrganisation(ctx context.Context, youthID, organisationID int64) (bool, error) {
	var left int
	if err := tx.queryRow(ctx, `SELECT count(*) FROM registrations WHERE youth_id = $1 AND organisation_id = $2`, youthID, organisationID).Scan(&left); err != nil {
		return false, fmt.Errorf("store: unable to count registrations: %w", err)
	}
	if left > 0 {
		return false, nil
	}
	if _, err := tx.exec(ctx, `DELETE FROM matches WHERE youth_id = $1 AND (organisation_a = $2 OR organisation_b = $2)`, youthID, organisationID); err != nil {
		return false, fmt.Errorf("store: unable to delete matches: %w", err)
	}
	// A coordination under which agreements were made stays: the plan of
	// action belongs to the youth and goes with it, not with one organisation.
	rows, err := tx.query(ctx, `
		SELECT c.id FROM coordinations c
		WHERE c.youth_id = $1 AND c.organisation_id = $2 AND c.ended_at IS NOT NULL
		  AND NOT EXISTS (SELECT 1 FROM agreements a WHERE a.coordination_id = c.id)`, youthID, organisationID)
	if err != nil {
		return false, fmt.Errorf("store: unable to list coordinations: %w", err)
	}
	var keys []string
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return false, err
		}
		ids = append(ids, id)
		keys = append(keys, fmt.Sprintf("coordinator:%d", id))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	if err := tx.DeleteMessagesByEvent(ctx, keys...); err != nil {
		return false, err
	}
	for _, id := range ids {
		if err := tx.deleteCoordinations(ctx, `SELECT id FROM coordinations WHERE id = $1`, id); err != nil {
			return false, err
		}
	}
	return true, nil
}
