package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/region"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/registry"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// openRegion opens the database with a key file, as serve does, and gives the
// registry running on it.
func openRegion(t *testing.T, dbPath, keysPath string) (*storage.DB, *secret.Keys, *registry.Service) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := loadKeys(ctx, db, keysPath)
	if err != nil {
		db.Close()
		t.Fatal(err)
	}
	rules, err := covenant.Preset("brabant")
	if err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return population.TestDay().Add(10 * time.Hour) }
	return db, keys, registry.New(&usecase.Service{DB: db, Keys: keys, Covenant: rules, Clock: now, Population: storage.NewLocalRegister(db, keys)})
}

func actorIn(t *testing.T, db *storage.DB, name string, typ model.OrgType, email string) usecase.Actor {
	t.Helper()
	ctx := context.Background()
	s := &region.Service{DB: db}
	who := audit.Actor{Role: "beheerder", Source: "test"}
	o, err := s.CreateOrganisation(ctx, who, model.Organisation{Name: name, Type: typ, Municipality: "Eindhoven"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.CreateProfessional(ctx, who, model.Professional{OrganisationID: o.ID, Name: "Anouk Peters", Email: email, Phone: "040-1234567"})
	if err != nil {
		t.Fatal(err)
	}
	return usecase.Actor{Professional: p, Organisation: o, Source: "test"}
}

func TestKeysRotateMovesTheRegionToTheNewKeyFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dbPath, oldPath, newPath := filepath.Join(dir, "j.db"), filepath.Join(dir, "old.keys"), filepath.Join(dir, "new.keys")
	db, keys := "--db="+dbPath, "--keys="+oldPath
	mustJK(t, "keys", "generate", keys)

	// A region at work with the old keys: the register and two registrations.
	d, old, reg := openRegion(t, dbPath, oldPath)
	if err := storage.NewLocalRegister(d, old).Import(ctx, population.TestPersons(), time.Now()); err != nil {
		t.Fatal(err)
	}
	school := actorIn(t, d, "Basisschool De Regenboog", model.TypeOnderwijs, "a.peters@regenboog.example")
	first, err := reg.Registrations.Register(ctx, school, registration.Registering{BSN: population.BSNTeen, Kind: model.KindSignaal})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reg.Registrations.Register(ctx, school, registration.Registering{BSN: population.BSNSibling1, Kind: model.KindSignaal}); err != nil {
		t.Fatal(err)
	}
	d.Close()

	if _, err := jk(t, "keys", "rotate", db, keys, "--new-keys="+newPath); err == nil || !strings.Contains(err.Error(), "keys generate") {
		t.Fatalf("rotating to a key file that does not exist: %v; want the advice to generate it first", err)
	}
	mustJK(t, "keys", "generate", "--keys="+newPath)
	if _, err := jk(t, "keys", "rotate", db, "--keys="+newPath, "--new-keys="+newPath); err == nil || !strings.Contains(err.Error(), "does not belong") {
		t.Fatalf("rotating from keys that are not the database's: %v", err)
	}
	got := mustJK(t, "keys", "rotate", db, keys, "--new-keys="+newPath)
	if !strings.Contains(got, "2 youths") || !strings.Contains(got, "parent links") || !strings.Contains(got, "--keys "+newPath) {
		t.Fatalf("keys rotate printed %q", got)
	}

	// The old key file is refused from now on.
	if _, err := jk(t, "keys", "rotate", db, keys, "--new-keys="+newPath); err == nil || !strings.Contains(err.Error(), "does not belong") {
		t.Fatalf("old key file accepted after rotation: %v", err)
	}
	csv := filepath.Join(dir, "brp.csv")
	os.WriteFile(csv, []byte("bsn;voornamen;voorvoegsel;geslachtsnaam;geboortedatum;geslacht;gemeentecode;postcode;huisnummer\n111222333;Sam;de;Vries;2015-04-01;M;0772;5611AB;12\n"), 0o600)
	if _, err := jk(t, "import", "population", db, keys, csv); err == nil || !strings.Contains(err.Error(), "does not belong") {
		t.Fatalf("import with the old key file after rotation: %v", err)
	}

	// No old hash is left in the database file.
	file, err := os.ReadFile(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	wal, _ := os.ReadFile(dbPath + "-wal")
	file = append(file, wal...)
	fresh, err := secret.LoadFile(newPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(file, fresh.Hash("bsn", population.BSNTeen)) {
		t.Fatal("the scan does not find the new hash of a registered youth")
	}
	for _, r := range population.TestPersons() {
		if bytes.Contains(file, old.Hash("bsn", r.Person.BSN)) {
			t.Fatal("an old BSN hash is still in the database file")
		}
	}

	// With the new keys the region goes on: a new registration about the same
	// youth matches the earlier one, and the register finds the person.
	d, _, reg = openRegion(t, dbPath, newPath)
	defer d.Close()
	jgz := actorIn(t, d, "GGD JGZ", model.TypeJGZ, "b.jansen@ggd.example")
	again, err := reg.Registrations.Register(ctx, jgz, registration.Registering{BSN: population.BSNTeen, Kind: model.KindKetenregistratie})
	if err != nil {
		t.Fatal(err)
	}
	if !again.Match || again.Youth.ID != first.Youth.ID {
		t.Fatalf("after rotation: match %v on youth %d, want a match on youth %d", again.Match, again.Youth.ID, first.Youth.ID)
	}
	if _, err := reg.Population.Lookup(ctx, population.BSNSibling2); err != nil {
		t.Fatalf("lookup after rotation: %v", err)
	}
	if got := mustJK(t, "audit", "verify", db); !strings.Contains(got, "intact") {
		t.Fatalf("audit verify after rotation: %q", got)
	}
}
