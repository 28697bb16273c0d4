package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// openPostgres opens a PostgreSQL database by URL. Reads and writes share one
// pool: PostgreSQL has no single-writer limit.
func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: unable to open PostgreSQL: %w", err)
	}
	pool.SetMaxOpenConns(20)
	pool.SetMaxIdleConns(20)
	pool.SetConnMaxIdleTime(5 * time.Minute)
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store: unable to reach PostgreSQL: %w", err)
	}
	db := &DB{write: pool, read: pool, engine: "postgres"}
	if err := db.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return db, nil
}

// Global locks, by number, for pg_advisory_xact_lock.
const (
	lockMigrations = 1
	lockAudit      = 7513 // NEN 7513: the audit chain is appended one at a time
	lockEvents     = 16   // event ids commit in the order they are given (issue 16)
)

// lockGlobal serialises transactions that take the same lock until they end.
// SQLite needs none: it has one writer at a time.
func (tx *Tx) lockGlobal(ctx context.Context, key int64) error {
	if tx.engine != "postgres" {
		return nil
	}
	if _, err := tx.exec(ctx, `SELECT pg_advisory_xact_lock($1)`, key); err != nil {
		return fmt.Errorf("store: unable to take lock %d: %w", key, err)
	}
	return nil
}

// forUpdate locks the selected rows until the transaction ends; SQLite's one
// writer makes it unnecessary there (and it has no such clause).
func (tx *Tx) forUpdate() string {
	if tx.engine == "postgres" {
		return " FOR UPDATE"
	}
	return ""
}

// skipLocked lets concurrent workers take different rows instead of waiting.
func (tx *Tx) skipLocked() string {
	if tx.engine == "postgres" {
		return " FOR UPDATE SKIP LOCKED"
	}
	return ""
}
