package storage_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// The database holds sealed personal data: its files are the owner's only,
// whatever the umask, and an older file made 0644 is tightened (issue 19).
func TestDatabaseFilesAreReadableByTheirOwnerOnly(t *testing.T) {
	dir := t.TempDir()
	fresh := filepath.Join(dir, "fresh.db")
	old := filepath.Join(dir, "old.db")
	if err := os.WriteFile(old, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(old, 0o644) // past the umask
	for _, path := range []string{fresh, old} {
		db, err := storage.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(context.Background(), func(tx *storage.Tx) error { return tx.SetSetting(context.Background(), "probe", "1") }); err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{path, path + "-wal", path + "-shm"} {
			info, err := os.Stat(p)
			if err != nil {
				continue // no WAL yet is fine
			}
			if m := info.Mode().Perm(); m&0o077 != 0 {
				t.Errorf("%s has mode %o, want no rights for group or others", filepath.Base(p), m)
			}
		}
		db.Close()
	}
}
