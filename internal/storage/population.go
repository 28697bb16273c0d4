package storage

import (
	"context"
	"fmt"
	"time"
)

// PopulationEntry is one sealed entry of the local population register.
type PopulationEntry struct {
	BSNHash      []byte
	Person       []byte // sealed JSON of model.Person
	Municipality string
	AddressHash  []byte // nil for a secret person (PersonAddressKey)
	Secret       bool   // the register's secrecy indicator (model.Person.Secret)
	ParentHashes [][]byte
}

// PutPopulation inserts or replaces a register entry and its parents.
func (tx *Tx) PutPopulation(ctx context.Context, e PopulationEntry, now time.Time) error {
	_, err := tx.exec(ctx, `
		INSERT INTO population (bsn_hash, person, municipality, address_hash, secret, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (bsn_hash) DO UPDATE SET person = excluded.person, municipality = excluded.municipality,
			address_hash = excluded.address_hash, secret = excluded.secret, updated_at = excluded.updated_at`,
		e.BSNHash, e.Person, e.Municipality, e.AddressHash, boolInt(e.Secret), toMillis(now))
	if err != nil {
		return fmt.Errorf("store: unable to save population entry: %w", err)
	}
	if _, err := tx.exec(ctx, `DELETE FROM population_parents WHERE child_hash = $1`, e.BSNHash); err != nil {
		return fmt.Errorf("store: unable to replace parents: %w", err)
	}
	for _, p := range e.ParentHashes {
		if _, err := tx.exec(ctx, `INSERT INTO population_parents (child_hash, parent_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING`, e.BSNHash, p); err != nil {
			return fmt.Errorf("store: unable to save parent: %w", err)
		}
	}
	return nil
}

// PopulationByHash returns the sealed register entry of a BSN hash.
func (tx *Tx) PopulationByHash(ctx context.Context, bsnHash []byte) (PopulationEntry, error) {
	e := PopulationEntry{BSNHash: bsnHash}
	var secret int
	err := tx.queryRow(ctx, `SELECT person, municipality, address_hash, secret FROM population WHERE bsn_hash = $1`, bsnHash).
		Scan(&e.Person, &e.Municipality, &e.AddressHash, &secret)
	e.Secret = secret == 1
	return e, notFound(err)
}

// PopulationCount returns the number of persons in the local register.
func (tx *Tx) PopulationCount(ctx context.Context) (int, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT count(*) FROM population`).Scan(&n)
	return n, err
}
