package storage

import (
	"context"
	"fmt"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// UpdateOrganisation changes an organisation's name, type, role, municipality
// and whether it is active.
func (tx *Tx) UpdateOrganisation(ctx context.Context, o model.Organisation) error {
	res, err := tx.exec(ctx, `UPDATE organisations SET name = $1, type = $2, role = $3, municipality = $4, active = $5 WHERE id = $6`,
		o.Name, o.Type, o.Role, o.Municipality, boolInt(o.Active), o.ID)
	if err != nil {
		return fmt.Errorf("store: unable to update organisation: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
