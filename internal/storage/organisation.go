package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

const organisationColumns = `id, name, type, role, municipality, active`

func scanOrganisation(row interface{ Scan(...any) error }) (model.Organisation, error) {
	var o model.Organisation
	var active int
	err := row.Scan(&o.ID, &o.Name, &o.Type, &o.Role, &o.Municipality, &active)
	o.Active = active == 1
	return o, err
}

// CreateOrganisation stores a new organisation and sets its ID.
func (tx *Tx) CreateOrganisation(ctx context.Context, o *model.Organisation, now time.Time) error {
	err := tx.queryRow(ctx, `
		INSERT INTO organisations (name, type, role, municipality, active, created_at)
		VALUES ($1, $2, $3, $4, $5, $6)
		RETURNING id`,
		o.Name, o.Type, o.Role, o.Municipality, boolInt(o.Active), toMillis(now)).Scan(&o.ID)
	if err != nil {
		return fmt.Errorf("store: unable to create organisation: %w", err)
	}
	return nil
}

// Organisation returns one organisation.
func (tx *Tx) Organisation(ctx context.Context, id int64) (model.Organisation, error) {
	o, err := scanOrganisation(tx.queryRow(ctx, `SELECT `+organisationColumns+` FROM organisations WHERE id = $1`, id))
	if err != nil {
		return o, notFound(err)
	}
	return o, nil
}

// Organisations returns all organisations by name.
func (tx *Tx) Organisations(ctx context.Context) ([]model.Organisation, error) {
	rows, err := tx.query(ctx, `SELECT `+organisationColumns+` FROM organisations ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list organisations: %w", err)
	}
	defer rows.Close()
	var out []model.Organisation
	for rows.Next() {
		o, err := scanOrganisation(rows)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read organisation: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
