package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// BulkInsert inserts many rows into one table with multi-row INSERT
// statements, for the benchmark data generator and imports. Columns and table
// are the caller's constants, never user input.
func (tx *Tx) BulkInsert(ctx context.Context, table string, columns []string, rows [][]any) error {
	// SQLite looks a $n parameter up by name, a linear search per value, so
	// its statements use positional ? and stay moderate in size.
	const maxParams = 4000
	per := max(1, maxParams/len(columns))
	var full *sql.Stmt // the statement for a chunk of per rows, compiled once
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	args := make([]any, 0, per*len(columns))
	for start := 0; start < len(rows); start += per {
		end := min(start+per, len(rows))
		args = args[:0]
		for _, row := range rows[start:end] {
			if len(row) != len(columns) {
				return fmt.Errorf("store: bulk insert into %s: row has %d values for %d columns", table, len(row), len(columns))
			}
			args = append(args, row...)
		}
		var err error
		switch {
		case end-start < per:
			_, err = tx.tx.ExecContext(ctx, tx.bulkInsertSQL(table, columns, end-start), args...)
		case full == nil:
			if full, err = tx.tx.PrepareContext(ctx, tx.bulkInsertSQL(table, columns, per)); err != nil {
				break
			}
			fallthrough
		default:
			_, err = full.ExecContext(ctx, args...)
		}
		if err != nil {
			return fmt.Errorf("store: unable to bulk insert into %s: %w", table, err)
		}
	}
	return nil
}

// bulkInsertSQL is an INSERT of n rows. On SQLite, OR FAIL keeps a failing
// statement's earlier rows instead of undoing them, so SQLite need not copy
// every page the statement changes into a statement journal first.
// BulkInsert's caller rolls the whole transaction back on any error, so
// nothing partial stays.
func (tx *Tx) bulkInsertSQL(table string, columns []string, n int) string {
	var b strings.Builder
	if tx.engine == "sqlite" {
		b.WriteString("INSERT OR FAIL INTO ")
	} else {
		b.WriteString("INSERT INTO ")
	}
	b.WriteString(table + " (" + strings.Join(columns, ", ") + ") VALUES ")
	p := 1
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for j := range columns {
			if j > 0 {
				b.WriteString(", ")
			}
			if tx.engine == "sqlite" {
				b.WriteByte('?')
			} else {
				b.WriteString("$" + strconv.Itoa(p))
			}
			p++
		}
		b.WriteByte(')')
	}
	return b.String()
}

// MaxID returns the highest id of a table with an id column, 0 when empty.
func (tx *Tx) MaxID(ctx context.Context, table string) (int64, error) {
	var id int64
	err := tx.queryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM `+table).Scan(&id)
	return id, err
}

// ResetIdentity makes PostgreSQL's identity columns continue after rows that
// were inserted with explicit ids; SQLite does so by itself.
func (tx *Tx) ResetIdentity(ctx context.Context, table string) error {
	if tx.engine != "postgres" {
		return nil
	}
	_, err := tx.exec(ctx, `SELECT setval(pg_get_serial_sequence('`+table+`', 'id'), GREATEST((SELECT MAX(id) FROM `+table+`), 1))`)
	return err
}

// Exec runs a statement; for tools such as the benchmark harness that
// measure the database itself.
func (tx *Tx) Exec(ctx context.Context, query string, args ...any) error {
	_, err := tx.exec(ctx, query, args...)
	return err
}
