package storage

import (
	"context"
	"fmt"
)

// SetProfessionalDetails stores what an organisation's list of its
// professionals says of one: name, phone and function (job_title).
func (tx *Tx) SetProfessionalDetails(ctx context.Context, id int64, name, phone, jobTitle string) error {
	_, err := tx.exec(ctx, `UPDATE professionals SET name = $1, phone = $2, job_title = $3 WHERE id = $4`, name, phone, jobTitle, id)
	if err != nil {
		return fmt.Errorf("store: unable to update professional: %w", err)
	}
	return nil
}

// JobTitle returns a professional's function as the organisation's list gave it.
func (tx *Tx) JobTitle(ctx context.Context, id int64) (string, error) {
	var s string
	err := tx.queryRow(ctx, `SELECT job_title FROM professionals WHERE id = $1`, id).Scan(&s)
	return s, notFound(err)
}

// CoordinationsHeldBy counts the running coordinations a professional
// accepted: someone must take them over when they leave.
func (tx *Tx) CoordinationsHeldBy(ctx context.Context, professionalID int64) (int, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT count(*) FROM coordinations WHERE professional_id = $1 AND ended_at IS NULL`, professionalID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: unable to count coordinations: %w", err)
	}
	return n, nil
}
