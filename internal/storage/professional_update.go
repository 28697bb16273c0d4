package storage

import (
	"context"
	"fmt"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// SetProfessionalActive activates or deactivates a professional.
func (tx *Tx) SetProfessionalActive(ctx context.Context, id int64, active bool) error {
	res, err := tx.exec(ctx, `UPDATE professionals SET active = $1 WHERE id = $2`, boolInt(active), id)
	if err != nil {
		return fmt.Errorf("store: unable to update professional: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// SetProfessionalEmail changes a professional's e-mail address, which is
// also their login name.
func (tx *Tx) SetProfessionalEmail(ctx context.Context, id int64, email string) error {
	res, err := tx.exec(ctx, `UPDATE professionals SET email = $1 WHERE id = $2`, email, id)
	if err != nil {
		return fmt.Errorf("store: unable to change the e-mail address: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Professionals returns every professional, by organisation and name.
func (tx *Tx) Professionals(ctx context.Context) ([]model.Professional, error) {
	return tx.professionals(ctx, `SELECT `+professionalColumns+` FROM professionals ORDER BY organisation_id, name, id`)
}

// Administrators returns the active regional administrators, who are told
// when a deadline of the coordinator's job passes.
func (tx *Tx) Administrators(ctx context.Context) ([]model.Professional, error) {
	return tx.professionals(ctx, `SELECT `+professionalColumns+` FROM professionals WHERE admin = 1 AND active = 1 ORDER BY name, id`)
}

// professionals reads the professionals a query selects (professionalColumns).
func (tx *Tx) professionals(ctx context.Context, query string, args ...any) ([]model.Professional, error) {
	rows, err := tx.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list professionals: %w", err)
	}
	defer rows.Close()
	var out []model.Professional
	for rows.Next() {
		p, err := scanProfessional(rows)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read professional: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
