package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// backup writes a consistent copy of a SQLite database while the server runs.
// The key file is deliberately not part of it.
func backup(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("backup")
	dbPath := dbFlag(fs)
	dest := fs.String("out", "", "file to write the copy to (must not exist)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *dest == "" {
		return errors.New("give --out FILE")
	}
	if storage.IsPostgres(*dbPath) {
		return errors.New("back up PostgreSQL with pg_dump (docs/operations.md)")
	}
	db, err := storage.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, *dest); err != nil {
		return err
	}
	fmt.Fprintln(out, "backup written to", *dest, "- the key file is not in it; keep that apart")
	return nil
}
