package storage

import (
	"context"
	"fmt"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// RegistrationHistory returns every registration of a youth that still
// exists, active and ended (the archive until retention deletes it), with
// its organisation, oldest first.
func (tx *Tx) RegistrationHistory(ctx context.Context, youthID int64) ([]model.RegisteredOrganisation, error) {
	rows, err := tx.query(ctx, `
		SELECT `+registrationColumns+`,
			o.id, o.name, o.type, o.role, o.municipality, o.active
		FROM registrations r
		JOIN organisations o ON o.id = r.organisation_id
		WHERE r.youth_id = $1
		ORDER BY r.created_at, r.id`, youthID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list registration history: %w", err)
	}
	defer rows.Close()
	var out []model.RegisteredOrganisation
	for rows.Next() {
		var h model.RegisteredOrganisation
		var oActive int
		o := &h.Organisation
		r, err := scanRegistration(rows, &o.ID, &o.Name, &o.Type, &o.Role, &o.Municipality, &oActive)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read registration history: %w", err)
		}
		h.Registration = r
		o.Active = oActive == 1
		out = append(out, h)
	}
	return out, rows.Err()
}
