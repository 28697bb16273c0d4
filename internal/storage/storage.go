// Package storage keeps Jeugdketen's data in SQL: one file per table, SQL you
// can read. SQLite (modernc.org/sqlite, no cgo) is the embedded default;
// PostgreSQL (pgx) serves regions that run several instances. Both engines run
// the same queries ($1 placeholders, standard SQL); the few differences are
// methods on Tx. Each engine's schema lives in numbered migrations embedded
// in the binary and applied on open. Every change runs in one transaction through DB.Update; reads run in a
// consistent snapshot through DB.View.
package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

//go:embed migrations
var migrations embed.FS

// DB is an open Jeugdketen database.
type DB struct {
	write  *sql.DB // one connection: SQLite has one writer at a time anyway
	read   *sql.DB
	engine string

	// SQLite: changes are committed in groups (group_commit.go).
	changes chan *change
	closing chan struct{}
	stopped chan struct{}
	groups  groupStats
	bulk    atomic.Bool // BulkLoad: changes run one by one, outside groups
	close   sync.Once

	// SQLite: prepared statements kept per pool (statement_cache.go).
	writeStmts, readStmts *statementCache
}

// Tx is one transaction; the table methods live on it.
type Tx struct {
	tx      *sql.Tx
	engine  string
	audit   []AuditRecord // appended to the chain just before commit
	grouped bool          // one change among others in a group commit
	stmts   *statementCache
}

// SQLite's page cache per connection. The one writer keeps the upper levels
// of a national data set's indexes and the pages it wrote recently; each
// reader keeps less.
const (
	writeCacheKiB = 128 * 1024
	readCacheKiB  = 16 * 1024
)

// Open opens the database and applies the migrations: a PostgreSQL database
// for a postgres:// address, else the SQLite file at that path (created when
// missing).
func Open(ctx context.Context, dbPath string) (*DB, error) {
	if IsPostgres(dbPath) {
		return openPostgres(ctx, dbPath)
	}
	if err := keepPrivate(dbPath); err != nil {
		return nil, err
	}
	pragmas := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(FULL)", "foreign_keys(1)", "busy_timeout(10000)"} {
		pragmas.Add("_pragma", p)
	}
	dsn := "file:" + dbPath + "?" + pragmas.Encode()
	write, err := sql.Open("sqlite", dsn+fmt.Sprintf("&_pragma=cache_size(%d)&_txlock=immediate", -writeCacheKiB))
	if err != nil {
		return nil, fmt.Errorf("store: unable to open database: %w", err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	read, err := sql.Open("sqlite", dsn+fmt.Sprintf("&_pragma=cache_size(%d)&_pragma=query_only(1)", -readCacheKiB))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("store: unable to open database: %w", err)
	}
	n := max(4, runtime.NumCPU()*2)
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)
	db := &DB{write: write, read: read, engine: "sqlite", writeStmts: newStatementCache(write), readStmts: newStatementCache(read)}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	db.startGroupCommit()
	return db, nil
}

// Close closes the database, after the changes being committed.
func (db *DB) Close() error {
	var err error
	db.close.Do(func() {
		if db.closing != nil {
			close(db.closing)
			<-db.stopped
		}
		db.writeStmts.close()
		db.readStmts.close()
		err = errors.Join(db.read.Close(), db.write.Close())
	})
	return err
}

// Update runs fn in one write transaction: all of it commits, or none. It
// returns once the change is durable.
func (db *DB) Update(ctx context.Context, fn func(*Tx) error) error {
	if db.changes != nil && !db.bulk.Load() {
		return db.submit(ctx, fn)
	}
	return db.run(ctx, db.write, nil, fn)
}

// View runs fn in a read-only transaction that sees one consistent snapshot.
func (db *DB) View(ctx context.Context, fn func(*Tx) error) error {
	return db.run(ctx, db.read, &sql.TxOptions{ReadOnly: true}, fn)
}

func (db *DB) run(ctx context.Context, pool *sql.DB, opts *sql.TxOptions, fn func(*Tx) error) error {
	stmts := db.writeStmts
	if pool == db.read {
		stmts = db.readStmts
	}
	err := db.runTx(ctx, pool, opts, stmts, fn)
	stmts.prepareWanted(ctx) // the connection is free again
	return err
}

func (db *DB) runTx(ctx context.Context, pool *sql.DB, opts *sql.TxOptions, stmts *statementCache, fn func(*Tx) error) error {
	tx, err := pool.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("store: unable to begin transaction: %w", err)
	}
	// Rolled back on an error and on a panic alike; after Commit it is a no-op.
	defer tx.Rollback()
	t := &Tx{tx: tx, engine: db.engine, stmts: stmts}
	if err := fn(t); err != nil {
		return err
	}
	if err := t.appendQueuedAudit(ctx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: unable to commit: %w", err)
	}
	return nil
}

// IsPostgres reports whether a database address names PostgreSQL.
func IsPostgres(dbPath string) bool {
	return strings.HasPrefix(dbPath, "postgres://") || strings.HasPrefix(dbPath, "postgresql://")
}

// Engine is "sqlite" or "postgres".
func (db *DB) Engine() string { return db.engine }

// Backup writes a consistent copy of a SQLite database to path (VACUUM INTO).
// PostgreSQL is backed up with pg_dump (docs/operations.md).
func (db *DB) Backup(ctx context.Context, dest string) error {
	if db.engine != "sqlite" {
		return errors.New("store: back up PostgreSQL with pg_dump")
	}
	if _, err := db.write.ExecContext(ctx, "VACUUM INTO $1", dest); err != nil {
		return fmt.Errorf("store: unable to back up: %w", err)
	}
	return nil
}

func (db *DB) migrate(ctx context.Context) error {
	dir := path.Join("migrations", db.engine)
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return db.Update(ctx, func(tx *Tx) error {
		// Instances starting together on one PostgreSQL migrate one at a time.
		if err := tx.lockGlobal(ctx, lockMigrations); err != nil {
			return err
		}
		if _, err := tx.tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)`); err != nil {
			return fmt.Errorf("store: unable to create migrations table: %w", err)
		}
		for _, name := range names {
			var done int
			if err := tx.tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, name).Scan(&done); err != nil {
				return fmt.Errorf("store: unable to read migrations: %w", err)
			}
			if done > 0 {
				continue
			}
			script, err := migrations.ReadFile(path.Join(dir, name))
			if err != nil {
				return err
			}
			if _, err := tx.tx.ExecContext(ctx, string(script)); err != nil {
				return fmt.Errorf("store: unable to apply migration %s: %w", name, err)
			}
			if _, err := tx.tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`, name, toMillis(time.Now())); err != nil {
				return fmt.Errorf("store: unable to record migration %s: %w", name, err)
			}
		}
		return nil
	})
}

func (tx *Tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	ctx = tx.statementContext(ctx)
	if s := tx.stmts.get(query); s != nil {
		return tx.tx.StmtContext(ctx, s).ExecContext(ctx, args...)
	}
	return tx.tx.ExecContext(ctx, query, args...)
}

func (tx *Tx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	ctx = tx.statementContext(ctx)
	if s := tx.stmts.get(query); s != nil {
		return tx.tx.StmtContext(ctx, s).QueryContext(ctx, args...)
	}
	return tx.tx.QueryContext(ctx, query, args...)
}

func (tx *Tx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	ctx = tx.statementContext(ctx)
	if s := tx.stmts.get(query); s != nil {
		return tx.tx.StmtContext(ctx, s).QueryRowContext(ctx, args...)
	}
	return tx.tx.QueryRowContext(ctx, query, args...)
}

// statementContext keeps a caller's cancellation away from the statements of
// a grouped change: it would roll back the other changes too (group_commit.go).
func (tx *Tx) statementContext(ctx context.Context) context.Context {
	if tx.grouped {
		return context.WithoutCancel(ctx)
	}
	return ctx
}

// ErrNotFound is returned when a row that was asked for does not exist.
var ErrNotFound = errors.New("store: not found")

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// IsUniqueViolation reports whether err is a unique constraint failure.
func IsUniqueViolation(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "UNIQUE constraint failed") || strings.Contains(err.Error(), "SQLSTATE 23505"))
}

func toMillis(t time.Time) int64 { return t.UTC().UnixMilli() }

func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

func fromNullMillis(n sql.NullInt64) *time.Time {
	if !n.Valid {
		return nil
	}
	t := fromMillis(n.Int64)
	return &t
}

func nullMillis(t *time.Time) sql.NullInt64 {
	if t == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: toMillis(*t), Valid: true}
}

const dayLayout = "2006-01-02"

func nullDay(t *time.Time) sql.NullString {
	if t == nil {
		return sql.NullString{}
	}
	return sql.NullString{String: t.Format(dayLayout), Valid: true}
}

func fromNullDay(s sql.NullString) *time.Time {
	if !s.Valid {
		return nil
	}
	t, err := time.Parse(dayLayout, s.String)
	if err != nil {
		return nil
	}
	return &t
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// scanIDs reads a one-column result of ids and closes it, so the caller can
// run further statements on the transaction (one connection, one result at a time).
func scanIDs(rows *sql.Rows) ([]int64, error) {
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
