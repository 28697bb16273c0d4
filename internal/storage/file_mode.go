package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// keepPrivate makes the SQLite file at path readable by its owner only
// (0600), creating it so when missing, and takes group and other rights from
// a file, WAL or shared-memory file made before. SQLite gives the WAL and
// shared-memory files the main file's mode, so creating that one right is
// what matters; the database holds sealed personal data and its keyed hashes.
func keepPrivate(path string) error {
	if path == "" || strings.HasPrefix(path, ":") || strings.HasPrefix(path, "file:") {
		return nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case err == nil:
		f.Close()
	case !errors.Is(err, fs.ErrExist):
		return fmt.Errorf("store: unable to create database %s: %w", path, err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		info, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("store: unable to read the mode of %s: %w", p, err)
		}
		if info.Mode().Perm()&0o077 != 0 {
			if err := os.Chmod(p, info.Mode().Perm()&0o700); err != nil {
				return fmt.Errorf("store: unable to make %s private: %w", p, err)
			}
		}
	}
	return nil
}
