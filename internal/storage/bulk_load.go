package storage

import (
	"context"
	"fmt"
)

// BulkLoad runs fn with SQLite set for loading a large data set into a new
// database, as the benchmark generator does: a page cache of cacheMiB, no
// sync at each commit, and each Update a plain transaction of its own
// rather than a savepoint in a group commit (which would copy every page it
// changes once more). The settings are the write connection's and are put
// back afterwards, followed by a checkpoint, so the data is on disk when
// BulkLoad returns. A crash during fn can lose what fn wrote (never what was
// there before), so it is only for data that can be made again.
// PostgreSQL runs fn unchanged.
func (db *DB) BulkLoad(ctx context.Context, cacheMiB int, fn func() error) error {
	if db.engine != "sqlite" {
		return fn()
	}
	set := func(pragmas ...string) error {
		for _, p := range pragmas {
			if _, err := db.write.ExecContext(ctx, "PRAGMA "+p); err != nil {
				return fmt.Errorf("store: unable to set %s: %w", p, err)
			}
		}
		return nil
	}
	if err := set("synchronous = OFF", fmt.Sprintf("cache_size = %d", -cacheMiB*1024), "temp_store = MEMORY"); err != nil {
		return err
	}
	db.bulk.Store(true)
	err := fn()
	db.bulk.Store(false)
	if e := set("synchronous = FULL", fmt.Sprintf("cache_size = %d", -writeCacheKiB), "temp_store = DEFAULT", "wal_checkpoint(TRUNCATE)"); err == nil {
		err = e
	}
	return err
}

// WithoutIndexes drops the secondary indexes of the tables, runs fn and
// builds them again from the same definitions: building an index from a
// full table sorts once, where keeping it up to date inserts at random for
// every row. For loading into a new database, as BulkLoad. Primary keys and
// UNIQUE constraints stay. PostgreSQL runs fn unchanged.
func (db *DB) WithoutIndexes(ctx context.Context, tables []string, fn func() error) error {
	if db.engine != "sqlite" {
		return fn()
	}
	type index struct{ name, sql string }
	var indexes []index
	for _, t := range tables {
		rows, err := db.write.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $1 AND sql IS NOT NULL`, t)
		if err != nil {
			return fmt.Errorf("store: unable to list indexes of %s: %w", t, err)
		}
		for rows.Next() {
			var i index
			if err := rows.Scan(&i.name, &i.sql); err != nil {
				rows.Close()
				return err
			}
			indexes = append(indexes, i)
		}
		rows.Close()
	}
	for _, i := range indexes {
		if _, err := db.write.ExecContext(ctx, `DROP INDEX `+i.name); err != nil {
			return fmt.Errorf("store: unable to drop index %s: %w", i.name, err)
		}
	}
	err := fn()
	for _, i := range indexes { // also after a failure: the schema stays whole
		if _, e := db.write.ExecContext(context.WithoutCancel(ctx), i.sql); e != nil && err == nil {
			err = fmt.Errorf("store: unable to build index %s again: %w", i.name, e)
		}
	}
	return err
}
