package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

const agreementColumns = `id, youth_id, coordination_id, action, professional_id, start_on, end_on, status,
	created_by, created_at, updated_by, updated_at, overdue_alerted_at`

func scanAgreement(row interface{ Scan(...any) error }) (model.Agreement, error) {
	var a model.Agreement
	var start, end string
	var created int64
	var updatedBy sql.NullInt64
	var updated, alerted sql.NullInt64
	err := row.Scan(&a.ID, &a.YouthID, &a.CoordinationID, &a.Action, &a.ProfessionalID, &start, &end, &a.Status,
		&a.CreatedBy, &created, &updatedBy, &updated, &alerted)
	if err != nil {
		return a, err
	}
	if a.StartOn, err = time.Parse(dayLayout, start); err != nil {
		return a, fmt.Errorf("store: agreement %d has start %q: %w", a.ID, start, err)
	}
	if a.EndOn, err = time.Parse(dayLayout, end); err != nil {
		return a, fmt.Errorf("store: agreement %d has end %q: %w", a.ID, end, err)
	}
	a.CreatedAt, a.UpdatedBy = fromMillis(created), updatedBy.Int64
	a.UpdatedAt, a.OverdueAlertedAt = fromNullMillis(updated), fromNullMillis(alerted)
	return a, nil
}

// CreateAgreement stores a new agreement.
func (tx *Tx) CreateAgreement(ctx context.Context, a *model.Agreement) error {
	if a.Status == "" {
		a.Status = model.AgreementOpen
	}
	err := tx.queryRow(ctx, `
		INSERT INTO agreements (youth_id, coordination_id, action, professional_id, start_on, end_on, status, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		RETURNING id`, a.YouthID, a.CoordinationID, a.Action, a.ProfessionalID, a.StartOn.Format(dayLayout), a.EndOn.Format(dayLayout),
		a.Status, a.CreatedBy, toMillis(a.CreatedAt)).Scan(&a.ID)
	if err != nil {
		return fmt.Errorf("store: unable to create agreement: %w", err)
	}
	return nil
}

// Agreement returns one agreement, or ErrNotFound.
func (tx *Tx) Agreement(ctx context.Context, id int64) (model.Agreement, error) {
	a, err := scanAgreement(tx.queryRow(ctx, `SELECT `+agreementColumns+` FROM agreements WHERE id = $1`, id))
	return a, notFound(err)
}

// AgreementsOfYouth returns a youth's plan of action, whoever coordinated
// when each agreement was made: the earliest end date first.
func (tx *Tx) AgreementsOfYouth(ctx context.Context, youthID int64) ([]model.Agreement, error) {
	return tx.agreements(ctx, `SELECT `+agreementColumns+` FROM agreements WHERE youth_id = $1 ORDER BY end_on, start_on, id`, youthID)
}

// AgreementsOverdue returns open agreements whose end date is before today
// and of which nobody was told yet, the earliest first; only while the youth
// has a running coordination (after closing nobody is reminded).
func (tx *Tx) AgreementsOverdue(ctx context.Context, today time.Time, limit int) ([]model.Agreement, error) {
	return tx.agreements(ctx, `
		SELECT `+agreementColumns+` FROM agreements
		WHERE status = 'open' AND end_on < $1 AND overdue_alerted_at IS NULL
		  AND EXISTS (SELECT 1 FROM coordinations c WHERE c.youth_id = agreements.youth_id AND c.ended_at IS NULL)
		ORDER BY end_on, id
		LIMIT $2`, today.Format(dayLayout), limit)
}

func (tx *Tx) agreements(ctx context.Context, query string, args ...any) ([]model.Agreement, error) {
	rows, err := tx.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list agreements: %w", err)
	}
	defer rows.Close()
	var out []model.Agreement
	for rows.Next() {
		a, err := scanAgreement(rows)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read agreement: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// UpdateAgreement writes what may change of an agreement: the responsible
// professional, the dates, the status, who changed it when, and whether the
// overdue alert was sent.
func (tx *Tx) UpdateAgreement(ctx context.Context, a model.Agreement) error {
	_, err := tx.exec(ctx, `
		UPDATE agreements SET professional_id = $1, start_on = $2, end_on = $3, status = $4,
			updated_by = $5, updated_at = $6, overdue_alerted_at = $7
		WHERE id = $8`, a.ProfessionalID, a.StartOn.Format(dayLayout), a.EndOn.Format(dayLayout), a.Status,
		nullID(a.UpdatedBy), nullMillis(a.UpdatedAt), nullMillis(a.OverdueAlertedAt), a.ID)
	if err != nil {
		return fmt.Errorf("store: unable to update agreement: %w", err)
	}
	return nil
}

// MarkAgreementOverdueAlerted records that the overdue alert was sent; it
// reports false when another instance did so first.
func (tx *Tx) MarkAgreementOverdueAlerted(ctx context.Context, id int64, at time.Time) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE agreements SET overdue_alerted_at = $1 WHERE id = $2 AND overdue_alerted_at IS NULL`, toMillis(at), id)
	if err != nil {
		return false, fmt.Errorf("store: unable to mark agreement alerted: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
