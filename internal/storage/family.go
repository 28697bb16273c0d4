package storage

import (
	"context"
	"fmt"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// YouthsAtAddress returns the youths other than exceptID whose address hash
// is addressHash and about whom some organisation holds an active
// registration, oldest first.
func (tx *Tx) YouthsAtAddress(ctx context.Context, addressHash []byte, exceptID int64) ([]model.Youth, error) {
	if len(addressHash) == 0 {
		return nil, nil
	}
	return tx.householdYouths(ctx, `y.address_hash = $1`, addressHash, exceptID)
}

// YouthsSharingParent returns the youths other than exceptID who have a
// parent in common with the person of bsnHash in the local population
// register and about whom some organisation holds an active registration.
func (tx *Tx) YouthsSharingParent(ctx context.Context, bsnHash []byte, exceptID int64) ([]model.Youth, error) {
	return tx.householdYouths(ctx, `y.bsn_hash IN (
			SELECT sib.child_hash FROM population_parents sib
			JOIN population_parents me ON me.parent_hash = sib.parent_hash
			WHERE me.child_hash = $1)`, bsnHash, exceptID)
}

func (tx *Tx) householdYouths(ctx context.Context, where string, arg []byte, exceptID int64) ([]model.Youth, error) {
	rows, err := tx.query(ctx, `
		SELECT y.id, y.bsn_hash, y.reference, y.person, y.municipality, y.address_hash FROM youths y
		WHERE `+where+` AND y.id <> $2
			AND EXISTS (SELECT 1 FROM registrations r WHERE r.youth_id = y.id AND r.ended_at IS NULL)
		ORDER BY y.id`, arg, exceptID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list youths of a household: %w", err)
	}
	defer rows.Close()
	var out []model.Youth
	for rows.Next() {
		var y model.Youth
		if err := rows.Scan(&y.ID, &y.BSNHash, &y.Reference, &y.Person, &y.Municipality, &y.AddressHash); err != nil {
			return nil, fmt.Errorf("store: unable to read youth: %w", err)
		}
		out = append(out, y)
	}
	return out, rows.Err()
}
