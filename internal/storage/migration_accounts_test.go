package storage_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// TestAccountsMigrationMarksEveryExistingPasswordInitialAndKeepsTheForeignKeys
// fills a database at migration 0011, as a region running the earlier
// version has it: every password there was set by an administrator, so all
// become initial. The organisations table, which SQLite makes anew to allow
// the type gemeente, keeps its rows and is still what the other tables'
// foreign keys point at.
func TestAccountsMigrationMarksEveryExistingPasswordInitialAndKeepsTheForeignKeys(t *testing.T) {
	ctx := context.Background()
	path := testenv.EmptyDatabase(t)
	raw := testenv.OpenRaw(t, path)
	migrateBefore(t, raw, "0012")
	for _, q := range []string{
		`INSERT INTO organisations (id, name, type, role, municipality, created_at) VALUES (1, 'School', 'onderwijs', 'signaalgever', 'Eindhoven', 0)`,
		`INSERT INTO professionals (id, organisation_id, name, email, phone, created_at) VALUES (1, 1, 'Jan', 'jan@school.example', '040-1234567', 0)`,
		`INSERT INTO credentials (professional_id, password_hash, updated_at) VALUES (1, '$argon2id$x', 0)`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%.60s…: %v", q, err)
		}
	}

	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatalf("migrating a filled database: %v", err)
	}
	defer db.Close()
	err = db.View(ctx, func(tx *storage.Tx) error {
		c, err := tx.Credential(ctx, 1)
		if err != nil {
			return err
		}
		if !c.Initial {
			t.Error("a password from before the migration is not initial, though only an administrator could set it")
		}
		if o, err := tx.Organisation(ctx, 1); err != nil || o.Name != "School" {
			t.Errorf("the organisation after the migration: %+v, %v", o, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	raw = testenv.OpenRaw(t, path)
	if !testenv.Postgres() {
		if _, err := raw.Exec(`PRAGMA foreign_keys = ON`); err != nil {
			t.Fatal(err)
		}
	}
	for _, refused := range []string{
		`INSERT INTO professionals (id, organisation_id, name, email, phone, created_at) VALUES (2, 99, 'Piet', 'piet@nergens.example', '040-1234567', 0)`,
		`INSERT INTO organisations (id, name, type, role, municipality, created_at) VALUES (3, 'Gemeente Eindhoven', 'gemeente', 'zorgaanbieder', 'Eindhoven', 0)`,
	} {
		if _, err := raw.Exec(refused); err == nil {
			t.Errorf("accepted after the migration: %s", refused)
		}
	}
	if _, err := raw.Exec(`INSERT INTO organisations (id, name, type, role, municipality, created_at) VALUES (2, 'Gemeente Eindhoven', 'gemeente', 'signaalgever', 'Eindhoven', 0)`); err != nil {
		t.Errorf("a municipality that only signals is refused: %v", err)
	}
}

// migrateBefore brings an empty database to the schema a region running an
// earlier version has: every migration before the one named, recorded as
// applied, so that storage.Open applies only the rest.
func migrateBefore(t *testing.T, raw *sql.DB, version string) {
	t.Helper()
	engine := "sqlite"
	if testenv.Postgres() {
		engine = "postgres"
	}
	if _, err := raw.Exec(`CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	names, err := filepath.Glob(filepath.Join("migrations", engine, "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if filepath.Base(name) >= version {
			break
		}
		script, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(string(script)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := raw.Exec(`INSERT INTO schema_migrations VALUES ($1, 0)`, filepath.Base(name)); err != nil {
			t.Fatal(err)
		}
	}
}
