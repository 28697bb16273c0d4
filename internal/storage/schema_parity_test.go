package storage_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// schemaObjects is what a migrated schema holds, each object named the same
// way on both engines: "table", "table.column", "index on table(columns)"
// with "unique" and "partial" after it when they apply, and "trigger on
// table".
type schemaObjects struct {
	tables, columns, indexes, triggers []string
}

// Indexes that only back a PRIMARY KEY or UNIQUE constraint are left out on
// both sides: each engine makes and names them itself (sqlite_autoindex_*
// on SQLite, *_pkey and *_key on PostgreSQL, and none at all for SQLite's
// INTEGER PRIMARY KEY), so their names cannot agree. Only the indexes the
// migrations create by name (CREATE INDEX) are compared, with their columns.

// TestSQLiteAndPostgreSQLSchemasHaveTheSameTablesColumnsAndIndexes protects
// the promise that both engines run the same application: the migrations
// are written twice, once per engine, and a table, column or index that one
// of them forgets only shows when a query fails, or grows slow, on that
// engine in production.
func TestSQLiteAndPostgreSQLSchemasHaveTheSameTablesColumnsAndIndexes(t *testing.T) {
	if !testenv.Postgres() {
		t.Skipf("needs a PostgreSQL server to compare with: set %s (scripts/test does)", testenv.PostgresVar)
	}
	ctx := context.Background()

	litePath := filepath.Join(t.TempDir(), "parity.db")
	lite, err := storage.Open(ctx, litePath)
	if err != nil {
		t.Fatal(err)
	}
	lite.Close()
	liteRaw, err := sql.Open("sqlite", "file:"+litePath)
	if err != nil {
		t.Fatal(err)
	}
	defer liteRaw.Close()
	sqliteSchema := readSQLiteSchema(t, liteRaw)

	_, pgURL := testenv.MustOpenDB(t)
	pgSchema := readPostgresSchema(t, testenv.OpenRaw(t, pgURL))

	if len(sqliteSchema.tables) == 0 || len(pgSchema.tables) == 0 {
		t.Fatalf("no tables read (SQLite %d, PostgreSQL %d): the catalogue queries are wrong", len(sqliteSchema.tables), len(pgSchema.tables))
	}
	var diffs []string
	for _, kind := range []struct {
		name         string
		sqlite, pgsq []string
	}{
		{"table", sqliteSchema.tables, pgSchema.tables},
		{"column", sqliteSchema.columns, pgSchema.columns},
		{"index", sqliteSchema.indexes, pgSchema.indexes},
		{"trigger", sqliteSchema.triggers, pgSchema.triggers},
	} {
		for _, name := range missing(kind.sqlite, kind.pgsq) {
			diffs = append(diffs, fmt.Sprintf("%s only on SQLite: %s", kind.name, name))
		}
		for _, name := range missing(kind.pgsq, kind.sqlite) {
			diffs = append(diffs, fmt.Sprintf("%s only on PostgreSQL: %s", kind.name, name))
		}
	}
	if len(diffs) > 0 {
		t.Errorf("the migrated schemas differ (%d):\n%s", len(diffs), strings.Join(diffs, "\n"))
	}
}

// missing returns the names in a that are not in b, sorted.
func missing(a, b []string) []string {
	in := make(map[string]bool, len(b))
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// readSQLiteSchema reads the schema from sqlite_master and the table and
// index pragmas. Tables named sqlite_% are SQLite's own (sqlite_sequence,
// which AUTOINCREMENT keeps).
func readSQLiteSchema(t *testing.T, db *sql.DB) schemaObjects {
	t.Helper()
	const userTables = `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`
	var s schemaObjects
	s.tables = queryStrings(t, db, userTables)
	s.columns = queryStrings(t, db, `SELECT m.name || '.' || c.name FROM (`+userTables+`) m JOIN pragma_table_info(m.name) c`)
	// origin 'c': made by CREATE INDEX; 'pk' and 'u' back a constraint.
	s.indexes = queryStrings(t, db, `
		SELECT i.name || ' on ' || m.name || '(' ||
		       (SELECT group_concat(name, ',') FROM (SELECT k.name FROM pragma_index_info(i.name) k ORDER BY k.seqno)) || ')' ||
		       CASE WHEN i."unique" THEN ' unique' ELSE '' END ||
		       CASE WHEN i.partial THEN ' partial' ELSE '' END
		FROM (`+userTables+`) m JOIN pragma_index_list(m.name) i
		WHERE i.origin = 'c'`)
	s.triggers = queryStrings(t, db, `SELECT name || ' on ' || tbl_name FROM sqlite_master WHERE type = 'trigger'`)
	return s
}

// readPostgresSchema reads the public schema from information_schema and,
// for indexes, from pg_index: pg_indexes has neither the constraint an
// index backs nor its columns apart from the CREATE INDEX text.
func readPostgresSchema(t *testing.T, db *sql.DB) schemaObjects {
	t.Helper()
	var s schemaObjects
	s.tables = queryStrings(t, db, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)
	s.columns = queryStrings(t, db, `
		SELECT c.table_name || '.' || c.column_name FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
		WHERE c.table_schema = 'public'`)
	s.indexes = queryStrings(t, db, `
		SELECT i.relname || ' on ' || r.relname || '(' ||
		       (SELECT string_agg(a.attname, ',' ORDER BY k.n)
		        FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, n)
		        JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = k.attnum) || ')' ||
		       CASE WHEN x.indisunique THEN ' unique' ELSE '' END ||
		       CASE WHEN x.indpred IS NOT NULL THEN ' partial' ELSE '' END
		FROM pg_index x
		JOIN pg_class i ON i.oid = x.indexrelid
		JOIN pg_class r ON r.oid = x.indrelid
		JOIN pg_namespace n ON n.oid = r.relnamespace
		WHERE n.nspname = 'public'
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u'))`)
	s.triggers = queryStrings(t, db, `SELECT DISTINCT trigger_name || ' on ' || event_object_table FROM information_schema.triggers WHERE trigger_schema = 'public'`)
	return s
}

func queryStrings(t *testing.T, db *sql.DB, query string) []string {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatalf("%.80s…: %v", strings.TrimSpace(query), err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
