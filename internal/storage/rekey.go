package storage

import (
	"context"
	"fmt"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// The queries of key rotation (package rekey): every BSN hash, address hash
// and sealed person is replaced by one made with new keys, in one
// transaction. Tables are read in batches, so a province's register need not
// fit in memory.

// PopulationPage returns up to limit register entries in BSN-hash order,
// those after the hash after (nil: from the start). Parents are not filled.
func (tx *Tx) PopulationPage(ctx context.Context, after []byte, limit int) ([]PopulationEntry, error) {
	q, args := `SELECT bsn_hash, person, municipality, address_hash FROM population ORDER BY bsn_hash LIMIT $1`, []any{limit}
	if after != nil {
		q, args = `SELECT bsn_hash, person, municipality, address_hash FROM population WHERE bsn_hash > $1 ORDER BY bsn_hash LIMIT $2`, []any{after, limit}
	}
	rows, err := tx.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read population: %w", err)
	}
	defer rows.Close()
	var out []PopulationEntry
	for rows.Next() {
		var e PopulationEntry
		if err := rows.Scan(&e.BSNHash, &e.Person, &e.Municipality, &e.AddressHash); err != nil {
			return nil, fmt.Errorf("store: unable to read population entry: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// YouthPage returns up to limit youths with an id above after, in id order.
func (tx *Tx) YouthPage(ctx context.Context, after int64, limit int) ([]model.Youth, error) {
	rows, err := tx.query(ctx, `
		SELECT id, bsn_hash, reference, person, municipality FROM youths
		WHERE id > $1 ORDER BY id LIMIT $2`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read youths: %w", err)
	}
	defer rows.Close()
	var out []model.Youth
	for rows.Next() {
		var y model.Youth
		if err := rows.Scan(&y.ID, &y.BSNHash, &y.Reference, &y.Person, &y.Municipality); err != nil {
			return nil, fmt.Errorf("store: unable to read youth: %w", err)
		}
		out = append(out, y)
	}
	return out, rows.Err()
}

// RekeyYouth replaces a youth's BSN hash, sealed snapshot and address hash.
func (tx *Tx) RekeyYouth(ctx context.Context, id int64, bsnHash, person, addressHash []byte) error {
	res, err := tx.exec(ctx, `UPDATE youths SET bsn_hash = $1, person = $2, address_hash = $3 WHERE id = $4`, bsnHash, person, addressHash, id)
	if err != nil {
		return fmt.Errorf("store: unable to rekey youth: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("store: unable to rekey youth %d: %d rows changed (%v)", id, n, err)
	}
	return nil
}

// PopulationRekey collects the register's entries under new keys in a
// temporary table, then swaps them in at once: the parent links refer to
// persons by hash, so every old hash must stay findable until each person's
// new hash is known.
type PopulationRekey struct {
	tx     *Tx
	staged int
}

// RekeyedPopulation counts what Finish did.
type RekeyedPopulation struct {
	Persons            int
	ParentLinks        int // links carried over to the new hashes
	ParentLinksDropped int // links to a parent (or child) the register does not hold
}

// BeginPopulationRekey starts rekeying the population register.
func (tx *Tx) BeginPopulationRekey(ctx context.Context) (*PopulationRekey, error) {
	blob := "BYTEA"
	if tx.engine == "sqlite" {
		blob = "BLOB"
	}
	_, err := tx.exec(ctx, `CREATE TEMPORARY TABLE rekey_population (
		old_hash     `+blob+` PRIMARY KEY,
		new_hash     `+blob+` NOT NULL UNIQUE,
		person       `+blob+` NOT NULL,
		address_hash `+blob+`
	)`)
	if err != nil {
		return nil, fmt.Errorf("store: unable to start rekeying the population: %w", err)
	}
	return &PopulationRekey{tx: tx}, nil
}

// Stage records the new form of the entry now stored under oldHash: its new
// BSN hash, sealed person and address hash.
func (r *PopulationRekey) Stage(ctx context.Context, oldHash []byte, e PopulationEntry) error {
	_, err := r.tx.exec(ctx, `INSERT INTO rekey_population (old_hash, new_hash, person, address_hash) VALUES ($1, $2, $3, $4)`,
		oldHash, e.BSNHash, e.Person, e.AddressHash)
	if err != nil {
		return fmt.Errorf("store: unable to stage rekeyed person: %w", err)
	}
	r.staged++
	return nil
}

// Finish moves the parent links and the persons to their new hashes. A link
// whose parent is not in the register cannot be moved, since only the
// parent's hash is known: it is dropped and counted. Every entry of the
// register must have been staged.
func (r *PopulationRekey) Finish(ctx context.Context) (RekeyedPopulation, error) {
	var out RekeyedPopulation
	tx := r.tx
	res, err := tx.exec(ctx, `
		DELETE FROM population_parents
		WHERE NOT EXISTS (SELECT 1 FROM rekey_population m WHERE m.old_hash = population_parents.parent_hash)
		   OR NOT EXISTS (SELECT 1 FROM rekey_population m WHERE m.old_hash = population_parents.child_hash)`)
	if err != nil {
		return out, fmt.Errorf("store: unable to drop parent links: %w", err)
	}
	if out.ParentLinksDropped, err = affected(res); err != nil {
		return out, err
	}
	res, err = tx.exec(ctx, `
		UPDATE population_parents SET
			child_hash  = (SELECT m.new_hash FROM rekey_population m WHERE m.old_hash = population_parents.child_hash),
			parent_hash = (SELECT m.new_hash FROM rekey_population m WHERE m.old_hash = population_parents.parent_hash)`)
	if err != nil {
		return out, fmt.Errorf("store: unable to rekey parent links: %w", err)
	}
	if out.ParentLinks, err = affected(res); err != nil {
		return out, err
	}
	res, err = tx.exec(ctx, `
		INSERT INTO population (bsn_hash, person, municipality, address_hash, secret, updated_at)
		SELECT m.new_hash, m.person, p.municipality, m.address_hash, p.secret, p.updated_at
		FROM rekey_population m JOIN population p ON p.bsn_hash = m.old_hash`)
	if err != nil {
		return out, fmt.Errorf("store: unable to store rekeyed persons: %w", err)
	}
	if out.Persons, err = affected(res); err != nil {
		return out, err
	}
	res, err = tx.exec(ctx, `DELETE FROM population WHERE bsn_hash IN (SELECT old_hash FROM rekey_population)`)
	if err != nil {
		return out, fmt.Errorf("store: unable to remove old persons: %w", err)
	}
	removed, err := affected(res)
	if err != nil {
		return out, err
	}
	var total int
	if err := tx.queryRow(ctx, `SELECT count(*) FROM population`).Scan(&total); err != nil {
		return out, fmt.Errorf("store: unable to count population: %w", err)
	}
	if out.Persons != r.staged || removed != r.staged || total != r.staged {
		return out, fmt.Errorf("store: rekeying the population went wrong: %d staged, %d stored, %d removed, %d in the table", r.staged, out.Persons, removed, total)
	}
	if _, err := tx.exec(ctx, `DROP TABLE rekey_population`); err != nil {
		return out, fmt.Errorf("store: unable to drop rekey table: %w", err)
	}
	return out, nil
}

func affected(res interface{ RowsAffected() (int64, error) }) (int, error) {
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("store: unable to count changed rows: %w", err)
	}
	return int(n), nil
}

// ParentHashes returns the BSN hashes of a person's parents as the register
// has them.
func (tx *Tx) ParentHashes(ctx context.Context, childHash []byte) ([][]byte, error) {
	rows, err := tx.query(ctx, `SELECT parent_hash FROM population_parents WHERE child_hash = $1 ORDER BY parent_hash`, childHash)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read parents: %w", err)
	}
	defer rows.Close()
	var out [][]byte
	for rows.Next() {
		var h []byte
		if err := rows.Scan(&h); err != nil {
			return nil, fmt.Errorf("store: unable to read parent: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// ReclaimSpace clears the space that deleted and replaced rows leave behind,
// so values that were replaced (old hashes after a key rotation) are no
// longer in the database files. SQLite rebuilds the file (VACUUM) and empties
// its write-ahead log; PostgreSQL rewrites the tables that hold personal
// data (VACUUM FULL). Run it with no other instance using the database.
func (db *DB) ReclaimSpace(ctx context.Context) error {
	stmts := []string{`VACUUM`, `PRAGMA wal_checkpoint(TRUNCATE)`}
	if db.engine != "sqlite" {
		stmts = []string{`VACUUM FULL youths, population, population_parents, relations`}
	}
	for _, s := range stmts {
		if _, err := db.write.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("store: unable to reclaim space: %w", err)
		}
	}
	return nil
}
