package storage

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// Statements with parameters are kept after the transaction that first ran
// them; others never are. A kept statement run again while an earlier run is
// still being read fails loudly instead of mixing up the two.
func TestStatementsWithParametersAreKept(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := range 3 {
		if err := db.Update(ctx, func(tx *Tx) error { return tx.SetSetting(ctx, fmt.Sprint("s", i), "v") }); err != nil {
			t.Fatal(err)
		}
	}
	const q = `SELECT name FROM settings WHERE name >= $1 ORDER BY name`
	read := func() error {
		return db.View(ctx, func(tx *Tx) error {
			rows, err := tx.query(ctx, q, "s")
			if err != nil {
				return err
			}
			rows.Close()
			return nil
		})
	}
	if err := read(); err != nil {
		t.Fatal(err)
	}
	if db.readStmts.get(q) == nil {
		t.Fatal("a statement with parameters was not kept after its transaction")
	}
	if db.readStmts.get(`SELECT count(*) FROM settings`) != nil || db.readStmts.wanted[`SELECT count(*) FROM settings`] {
		t.Error("a statement without parameters was kept")
	}
	err = db.View(ctx, func(tx *Tx) error {
		outer, err := tx.query(ctx, q, "s")
		if err != nil {
			return err
		}
		defer outer.Close()
		outer.Next()
		inner, err := tx.query(ctx, q, "s1")
		if err == nil {
			inner.Close()
		}
		return err
	})
	if err == nil {
		t.Error("running a kept statement while it is still being read gave no error")
	} else {
		t.Logf("as it should: %v", err)
	}
	if err := read(); err != nil {
		t.Fatalf("the kept statement is not usable after that: %v", err)
	}
}
