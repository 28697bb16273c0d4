package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// YouthByHash finds a youth by BSN hash.
func (tx *Tx) YouthByHash(ctx context.Context, bsnHash []byte) (model.Youth, error) {
	y := model.Youth{BSNHash: bsnHash}
	err := tx.queryRow(ctx, `SELECT id, reference, person, municipality, address_hash FROM youths WHERE bsn_hash = $1`, bsnHash).
		Scan(&y.ID, &y.Reference, &y.Person, &y.Municipality, &y.AddressHash)
	return y, notFound(err)
}

// Youth returns one youth.
func (tx *Tx) Youth(ctx context.Context, id int64) (model.Youth, error) {
	y := model.Youth{ID: id}
	err := tx.queryRow(ctx, `SELECT bsn_hash, reference, person, municipality, address_hash FROM youths WHERE id = $1`, id).
		Scan(&y.BSNHash, &y.Reference, &y.Person, &y.Municipality, &y.AddressHash)
	return y, notFound(err)
}

// YouthByReference finds a youth by its public reference.
func (tx *Tx) YouthByReference(ctx context.Context, ref string) (model.Youth, error) {
	y := model.Youth{Reference: ref}
	err := tx.queryRow(ctx, `SELECT id, bsn_hash, person, municipality, address_hash FROM youths WHERE reference = $1`, ref).
		Scan(&y.ID, &y.BSNHash, &y.Person, &y.Municipality, &y.AddressHash)
	return y, notFound(err)
}

// LockYouth finds a youth by BSN hash, creating it from y when it is new,
// and holds it for this transaction: registrations about one youth arriving
// at once on several instances are handled one after the other, so they
// produce one match and one coordinator.
func (tx *Tx) LockYouth(ctx context.Context, y model.Youth, now time.Time) (model.Youth, bool, error) {
	_, err := tx.exec(ctx, `
		INSERT INTO youths (bsn_hash, reference, person, municipality, address_hash, created_at)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (bsn_hash) DO NOTHING`, y.BSNHash, y.Reference, y.Person, y.Municipality, y.AddressHash, toMillis(now))
	if err != nil {
		return y, false, fmt.Errorf("store: unable to create youth: %w", err)
	}
	out := model.Youth{BSNHash: y.BSNHash}
	var created int64
	err = tx.queryRow(ctx, `SELECT id, reference, person, municipality, address_hash, created_at FROM youths WHERE bsn_hash = $1`+tx.forUpdate(), y.BSNHash).
		Scan(&out.ID, &out.Reference, &out.Person, &out.Municipality, &out.AddressHash, &created)
	if err != nil {
		return out, false, fmt.Errorf("store: unable to lock youth: %w", err)
	}
	return out, out.Reference == y.Reference, nil
}

// LockYouthByID holds a known youth for this transaction (see LockYouth).
func (tx *Tx) LockYouthByID(ctx context.Context, id int64) (model.Youth, error) {
	y := model.Youth{ID: id}
	err := tx.queryRow(ctx, `SELECT bsn_hash, reference, person, municipality, address_hash FROM youths WHERE id = $1`+tx.forUpdate(), id).
		Scan(&y.BSNHash, &y.Reference, &y.Person, &y.Municipality, &y.AddressHash)
	return y, notFound(err)
}

// CreateYouth stores a youth and sets its ID.
func (tx *Tx) CreateYouth(ctx context.Context, y *model.Youth, now time.Time) error {
	err := tx.queryRow(ctx, `
		INSERT INTO youths (bsn_hash, reference, person, municipality, address_hash, created_at)
		VALUES ($1, $2, $3, $4, $5, $6)
		RETURNING id`, y.BSNHash, y.Reference, y.Person, y.Municipality, y.AddressHash, toMillis(now)).Scan(&y.ID)
	if err != nil {
		return fmt.Errorf("store: unable to create youth: %w", err)
	}
	return nil
}

// UpdateYouthPerson refreshes the sealed snapshot and the address hash from
// the register.
func (tx *Tx) UpdateYouthPerson(ctx context.Context, id int64, person []byte, municipality string, addressHash []byte) error {
	_, err := tx.exec(ctx, `UPDATE youths SET person = $1, municipality = $2, address_hash = $3 WHERE id = $4`, person, municipality, addressHash, id)
	if err != nil {
		return fmt.Errorf("store: unable to update youth: %w", err)
	}
	return nil
}

// DeleteYouthIfEmpty deletes a youth nobody holds a registration about any
// more, with everything that still names it: matches, coordinations,
// relations, messages and their e-mails. It reports whether it did. The
// caller holds the youth (LockYouthByID), so no registration can arrive
// meanwhile.
func (tx *Tx) DeleteYouthIfEmpty(ctx context.Context, id int64) (bool, error) {
	var left int
	if err := tx.queryRow(ctx, `SELECT count(*) FROM registrations WHERE youth_id = $1`, id).Scan(&left); err != nil {
		return false, fmt.Errorf("store: unable to count registrations: %w", err)
	}
	if left > 0 {
		return false, nil
	}
	for _, q := range []string{
		`DELETE FROM outbox WHERE message_id IN (SELECT id FROM messages WHERE youth_id = $1) OR id IN (SELECT mail_id FROM messages WHERE youth_id = $1)`,
		`DELETE FROM messages WHERE youth_id = $1`,
		`DELETE FROM matches WHERE youth_id = $1`,
		`DELETE FROM relations WHERE youth_id = $1`,
		`DELETE FROM events WHERE youth_id = $1`,
	} {
		if _, err := tx.exec(ctx, q, id); err != nil {
			return false, fmt.Errorf("store: unable to delete youth: %w", err)
		}
	}
	if err := tx.deleteCoordinations(ctx, `SELECT id FROM coordinations WHERE youth_id = $1`, id); err != nil {
		return false, err
	}
	if _, err := tx.exec(ctx, `DELETE FROM youths WHERE id = $1`, id); err != nil {
		return false, fmt.Errorf("store: unable to delete youth: %w", err)
	}
	return true, nil
}

// YouthsWithoutRegistrations returns youths nobody holds a registration
// about, for the retention sweep.
func (tx *Tx) YouthsWithoutRegistrations(ctx context.Context, limit int) ([]int64, error) {
	rows, err := tx.query(ctx, `
		SELECT id FROM youths y
		WHERE NOT EXISTS (SELECT 1 FROM registrations r WHERE r.youth_id = y.id)
		ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list youths: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
