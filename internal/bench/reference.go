package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Reference is the database's own raw write rate on this machine: the
// physical ceiling that Jeugdketen's figures are compared with, so a figure
// measured on a noisy machine still says something.
type Reference struct {
	SingleCommitsPerSecond float64 // one row per durable transaction
	BatchedRowsPerSecond   float64 // many rows per transaction
}

// MeasureReference writes n rows one transaction each, then n rows in one
// transaction, into a scratch table of the same database, and removes it.
func MeasureReference(ctx context.Context, db *storage.DB, n int) (Reference, error) {
	var ref Reference
	table := "bench_reference"
	if err := db.Update(ctx, func(tx *storage.Tx) error {
		return tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS `+table+` (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)`)
	}); err != nil {
		return ref, fmt.Errorf("bench: unable to create scratch table: %w", err)
	}
	defer db.Update(context.WithoutCancel(ctx), func(tx *storage.Tx) error { return tx.Exec(ctx, `DROP TABLE `+table) })
	payload := "registratie-van-ongeveer-honderd-bytes-zoals-een-echte-rij-met-sleutels-en-tijden-0123456789"
	start := time.Now()
	for i := range n {
		if err := db.Update(ctx, func(tx *storage.Tx) error {
			return tx.Exec(ctx, `INSERT INTO `+table+` (id, payload) VALUES ($1, $2)`, i, payload)
		}); err != nil {
			return ref, err
		}
	}
	ref.SingleCommitsPerSecond = float64(n) / time.Since(start).Seconds()
	rows := make([][]any, n)
	for i := range rows {
		rows[i] = []any{n + i, payload}
	}
	start = time.Now()
	if err := db.Update(ctx, func(tx *storage.Tx) error { return tx.BulkInsert(ctx, table, []string{"id", "payload"}, rows) }); err != nil {
		return ref, err
	}
	ref.BatchedRowsPerSecond = float64(n) / time.Since(start).Seconds()
	return ref, nil
}
