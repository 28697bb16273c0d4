package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// env returns the JEUGDKETEN_ variable name, or def when it is unset.
func env(name, def string) string {
	if v := os.Getenv("JEUGDKETEN_" + name); v != "" {
		return v
	}
	return def
}

func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("jeugdketen "+name, flag.ContinueOnError)
	return fs
}

func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", env("DB", "jeugdketen.db"), "SQLite database file (JEUGDKETEN_DB)")
}

func keysFlag(fs *flag.FlagSet) *string {
	return fs.String("keys", env("KEYS", "jeugdketen.keys"), "key file for hashing and encrypting personal data; keep it outside the database's backups (JEUGDKETEN_KEYS)")
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return nil
}

// loadKeys reads the key file and checks that it belongs to this database:
// the first use records the keys' fingerprint, later uses must match it.
func loadKeys(ctx context.Context, db *storage.DB, path string) (*secret.Keys, error) {
	keys, err := secret.LoadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("key file %s does not exist; create it once with 'jeugdketen keys generate --keys %s' and keep it safe: without it the data cannot be read", path, path)
	}
	if err != nil {
		return nil, err
	}
	err = db.Update(ctx, func(tx *storage.Tx) error {
		stored, err := tx.Setting(ctx, "keys")
		if err != nil {
			return err
		}
		if stored == "" {
			return tx.SetSetting(ctx, "keys", keys.Fingerprint())
		}
		if stored != keys.Fingerprint() {
			return fmt.Errorf("the key file %s does not belong to this database", path)
		}
		return nil
	})
	return keys, err
}
