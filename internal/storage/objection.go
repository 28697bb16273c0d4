package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// CreateObjection stores an objection and the registrations it concerns.
func (tx *Tx) CreateObjection(ctx context.Context, o *model.Objection) error {
	err := tx.queryRow(ctx, `
		INSERT INTO objections (youth_reference, municipality, received_on, recorded_at, recorded_by)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		o.YouthReference, o.Municipality, o.ReceivedOn.Format(dayLayout), toMillis(o.RecordedAt), o.RecordedBy).Scan(&o.ID)
	if err != nil {
		return fmt.Errorf("store: unable to create objection: %w", err)
	}
	for _, r := range o.Registrations {
		if _, err := tx.exec(ctx, `INSERT INTO objection_registrations (objection_id, registration_id) VALUES ($1, $2)`, o.ID, r.RegistrationID); err != nil {
			return fmt.Errorf("store: unable to record objected registration: %w", err)
		}
	}
	return nil
}

// LockObjection returns an objection and holds it for this transaction, so
// that two decisions on it are taken one after the other.
func (tx *Tx) LockObjection(ctx context.Context, id int64) (model.Objection, error) {
	return tx.objection(ctx, id, tx.forUpdate())
}

// Objection returns an objection.
func (tx *Tx) Objection(ctx context.Context, id int64) (model.Objection, error) {
	return tx.objection(ctx, id, "")
}

func (tx *Tx) objection(ctx context.Context, id int64, lock string) (model.Objection, error) {
	o := model.Objection{ID: id}
	var received string
	var recorded int64
	var outcome, decidedOn sql.NullString
	var decidedAt, decidedBy sql.NullInt64
	err := tx.queryRow(ctx, `
		SELECT youth_reference, municipality, received_on, recorded_at, recorded_by, outcome, decided_on, decided_at, decided_by
		FROM objections WHERE id = $1`+lock, id).
		Scan(&o.YouthReference, &o.Municipality, &received, &recorded, &o.RecordedBy, &outcome, &decidedOn, &decidedAt, &decidedBy)
	if err != nil {
		return o, notFound(err)
	}
	if d := fromNullDay(sql.NullString{String: received, Valid: true}); d != nil {
		o.ReceivedOn = *d
	}
	o.RecordedAt = fromMillis(recorded)
	o.Outcome, o.DecidedOn, o.DecidedAt, o.DecidedBy = outcome.String, fromNullDay(decidedOn), fromNullMillis(decidedAt), decidedBy.Int64
	rows, err := tx.query(ctx, `SELECT registration_id, removed_at FROM objection_registrations WHERE objection_id = $1 ORDER BY registration_id`, id)
	if err != nil {
		return o, fmt.Errorf("store: unable to read objected registrations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r model.ObjectedRegistration
		var removed sql.NullInt64
		if err := rows.Scan(&r.RegistrationID, &removed); err != nil {
			return o, fmt.Errorf("store: unable to read objected registration: %w", err)
		}
		r.RemovedAt = fromNullMillis(removed)
		o.Registrations = append(o.Registrations, r)
	}
	return o, rows.Err()
}

// DecideObjection records the decision on an objection.
func (tx *Tx) DecideObjection(ctx context.Context, id int64, outcome string, decidedOn, now time.Time, by int64) error {
	_, err := tx.exec(ctx, `UPDATE objections SET outcome = $1, decided_on = $2, decided_at = $3, decided_by = $4 WHERE id = $5 AND outcome IS NULL`,
		outcome, decidedOn.Format(dayLayout), toMillis(now), by, id)
	if err != nil {
		return fmt.Errorf("store: unable to record decision: %w", err)
	}
	return nil
}

// MarkObjectedRemoved records that an upheld objection removed a registration.
func (tx *Tx) MarkObjectedRemoved(ctx context.Context, objectionID, registrationID int64, now time.Time) error {
	_, err := tx.exec(ctx, `UPDATE objection_registrations SET removed_at = $1 WHERE objection_id = $2 AND registration_id = $3`,
		toMillis(now), objectionID, registrationID)
	if err != nil {
		return fmt.Errorf("store: unable to record removal: %w", err)
	}
	return nil
}

// ObjectionsAbout returns the objections about a youth, oldest first.
func (tx *Tx) ObjectionsAbout(ctx context.Context, youthReference string) ([]model.Objection, error) {
	return tx.objectionsWhose(ctx, `SELECT id FROM objections WHERE youth_reference = $1 ORDER BY id`, youthReference)
}

// objectionsWhose reads the objections whose ids the query returns, in its order.
func (tx *Tx) objectionsWhose(ctx context.Context, query string, args ...any) ([]model.Objection, error) {
	rows, err := tx.query(ctx, query, args...)
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

// DeleteObjectionsDecidedBefore deletes objections decided before the given
// moment, with the list of registrations they concerned; it returns how many.
func (tx *Tx) DeleteObjectionsDecidedBefore(ctx context.Context, before time.Time) (int, error) {
	if _, err := tx.exec(ctx, `
		DELETE FROM objection_registrations WHERE objection_id IN
		(SELECT id FROM objections WHERE decided_at IS NOT NULL AND decided_at < $1)`, toMillis(before)); err != nil {
		return 0, fmt.Errorf("store: unable to delete objected registrations: %w", err)
	}
	res, err := tx.exec(ctx, `DELETE FROM objections WHERE decided_at IS NOT NULL AND decided_at < $1`, toMillis(before))
	if err != nil {
		return 0, fmt.Errorf("store: unable to delete objections: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
