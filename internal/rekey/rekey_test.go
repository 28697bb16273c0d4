package rekey

import (
	"bytes"
	"context"
	"os"
	"slices"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/registry"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

var operator = audit.Actor{Role: "beheerder", Source: "test"}

func newKeys(t *testing.T) *secret.Keys {
	t.Helper()
	k, _, err := secret.Generate()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// withKeys is the env's registry as it runs after the rotation.
func withKeys(env *testenv.Env, keys *secret.Keys) *registry.Service {
	s := *env.Registry
	s.Keys, s.Population = keys, storage.NewLocalRegister(env.DB, keys)
	return &s
}

func TestAfterRotationTheSameYouthIsFoundWithTheNewKeysOnly(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t)
	old := env.Keys
	school := env.Pro(t, env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs))
	jgz := env.Pro(t, env.Org(t, "GGD JGZ", model.TypeJGZ))
	first := env.Register(t, school, population.BSNTeen, model.KindSignaal)
	env.Register(t, school, population.BSNChild, model.KindSignaal)

	fresh := newKeys(t)
	// A small batch makes the rotation read every table in several pages.
	c, err := rotate(ctx, env.DB, old, fresh, operator, env.Clock.Now(), 7)
	if err != nil {
		t.Fatal(err)
	}
	persons := population.TestPersons()
	if c.Youths != 2 || c.Persons != len(persons) {
		t.Errorf("rotated %d youths and %d persons, want 2 and %d", c.Youths, c.Persons, len(persons))
	}
	if c.ParentLinks == 0 || c.ParentLinksDropped == 0 {
		t.Errorf("parent links: %d carried over, %d dropped; the test set has both kinds", c.ParentLinks, c.ParentLinksDropped)
	}

	// A new registration for the same BSN, under the new keys, matches the earlier one.
	reg := withKeys(env, fresh)
	got, err := reg.Registrations.Register(ctx, jgz, registration.Registering{BSN: population.BSNTeen, Kind: model.KindKetenregistratie})
	if err != nil {
		t.Fatal(err)
	}
	if !got.Match || got.Youth.ID != first.Youth.ID || got.Youth.Person.BSN != population.BSNTeen {
		t.Fatalf("registration after rotation: match %v, youth %d; want a match on youth %d", got.Match, got.Youth.ID, first.Youth.ID)
	}
	if _, err := storage.NewLocalRegister(env.DB, fresh).Lookup(ctx, population.BSNChild); err != nil {
		t.Fatalf("lookup with the new keys: %v", err)
	}
	if _, err := storage.NewLocalRegister(env.DB, old).Lookup(ctx, population.BSNChild); model.ErrorCode(err) != model.EINVALID {
		t.Fatalf("lookup with the old keys: %v; want the person unknown", err)
	}
	if _, err := withKeys(env, old).Registrations.Register(ctx, jgz, registration.Registering{BSN: population.BSNChild, Kind: model.KindKetenregistratie}); err == nil {
		t.Fatal("registering with the old keys still works")
	}

	// The parent links follow the persons; the address hash is made with the new keys.
	err = env.DB.View(ctx, func(tx *storage.Tx) error {
		parents, err := tx.ParentHashes(ctx, fresh.Hash("bsn", population.BSNSibling1))
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(parents, func(h []byte) bool { return bytes.Equal(h, fresh.Hash("bsn", population.BSNParent)) }) {
			t.Errorf("sibling's parents %x do not include the parent's new hash", parents)
		}
		e, err := tx.PopulationByHash(ctx, fresh.Hash("bsn", population.BSNSibling1))
		if err != nil {
			return err
		}
		if !bytes.Equal(e.AddressHash, storage.AddressKey(fresh, "3032CG", "651")) {
			t.Error("address hash is not the new keys' hash of the address")
		}
		// A secret person stays secret, and without an address hash.
		e, err = tx.PopulationByHash(ctx, fresh.Hash("bsn", population.BSNSecret))
		if err != nil {
			return err
		}
		if !e.Secret || e.AddressHash != nil {
			t.Errorf("the secret person after rotation: secret %v, address hash %x; want secret and none", e.Secret, e.AddressHash)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	n, broken, err := audit.Verify(ctx, env.DB)
	if err != nil || broken != nil {
		t.Fatalf("audit trail after rotation: %v, %+v", err, broken)
	}
	if n == 0 {
		t.Fatal("no audit records")
	}
}

func TestAfterRotationNoOldHashIsLeft(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t)
	old := env.Keys
	school := env.Pro(t, env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs))
	env.Register(t, school, population.BSNSibling1, model.KindSignaal)
	fresh := newKeys(t)
	if _, err := rotate(ctx, env.DB, old, fresh, operator, env.Clock.Now(), 50); err != nil {
		t.Fatal(err)
	}
	err := env.DB.View(ctx, func(tx *storage.Tx) error {
		for _, r := range population.TestPersons() {
			h := old.Hash("bsn", r.Person.BSN)
			if _, err := tx.PopulationByHash(ctx, h); err != storage.ErrNotFound {
				t.Fatalf("a person is still in the register under the old hash (%v)", err)
			}
			if _, err := tx.YouthByHash(ctx, h); err != storage.ErrNotFound {
				t.Fatalf("a youth is still stored under the old hash (%v)", err)
			}
			if parents, _ := tx.ParentHashes(ctx, h); len(parents) > 0 {
				t.Fatal("parent links are still stored under the old child hash")
			}
			if parents, _ := tx.ParentHashes(ctx, fresh.Hash("bsn", r.Person.BSN)); slices.ContainsFunc(parents, func(p []byte) bool {
				for _, q := range r.ParentBSNs {
					if bytes.Equal(p, old.Hash("bsn", q)) {
						return true
					}
				}
				return false
			}) {
				t.Fatal("a parent link still holds the parent's old hash")
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// In the SQLite file itself, after its space is reclaimed, as the command does.
	if err := env.DB.ReclaimSpace(ctx); err != nil {
		t.Fatal(err)
	}
	if testenv.Postgres() {
		return
	}
	file, err := os.ReadFile(env.Path)
	if err != nil {
		t.Fatal(err)
	}
	wal, _ := os.ReadFile(env.Path + "-wal")
	file = append(file, wal...)
	if !bytes.Contains(file, fresh.Hash("bsn", population.BSNSibling1)) {
		t.Fatal("the new hash is not found in the file: the scan cannot see hashes")
	}
	for _, r := range population.TestPersons() {
		for _, bsn := range append([]string{r.Person.BSN}, r.ParentBSNs...) {
			if bytes.Contains(file, old.Hash("bsn", bsn)) {
				t.Fatal("an old BSN hash is still in the database file")
			}
		}
		if a := storage.AddressKey(old, r.Person.Postcode, r.Person.HouseNumber); a != nil && bytes.Contains(file, a) {
			t.Fatal("an old address hash is still in the database file")
		}
	}
}

func TestRotationChangesNothingWhenARowDoesNotOpen(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t)
	old := env.Keys
	school := env.Pro(t, env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	r := env.Register(t, school, population.BSNChild, model.KindSignaal)
	// One youth's snapshot sealed with other keys: the data cannot be carried over.
	stranger := newKeys(t)
	sealed, _ := stranger.SealJSON(model.Person{BSN: population.BSNChild})
	if err := env.DB.Update(ctx, func(tx *storage.Tx) error {
		return tx.UpdateYouthPerson(ctx, r.Youth.ID, sealed, "0518", nil)
	}); err != nil {
		t.Fatal(err)
	}
	_, err := rotate(ctx, env.DB, old, newKeys(t), operator, env.Clock.Now(), 7)
	if err == nil {
		t.Fatal("rotation succeeded although a youth does not open with the old keys")
	}
	if _, err := storage.NewLocalRegister(env.DB, old).Lookup(ctx, population.BSNTeen); err != nil {
		t.Fatalf("after a failed rotation the old keys no longer find a person: %v", err)
	}
	err = env.DB.View(ctx, func(tx *storage.Tx) error {
		if _, err := tx.YouthByHash(ctx, old.Hash("bsn", population.BSNTeen)); err != nil {
			t.Errorf("after a failed rotation the youth is not under its old hash: %v", err)
		}
		if fp, _ := tx.Setting(ctx, "keys"); fp != "" {
			t.Errorf("after a failed rotation the database names keys %q", fp)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestRotationRefusesKeysThatDoNotBelongToTheDatabase(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t)
	if err := env.DB.Update(ctx, func(tx *storage.Tx) error { return tx.SetSetting(ctx, "keys", env.Keys.Fingerprint()) }); err != nil {
		t.Fatal(err)
	}
	if _, err := Rotate(ctx, env.DB, newKeys(t), newKeys(t), operator, env.Clock.Now()); err == nil {
		t.Fatal("rotation from keys that are not the database's succeeded")
	}
	if _, err := Rotate(ctx, env.DB, env.Keys, env.Keys, operator, env.Clock.Now()); err == nil {
		t.Fatal("rotation to the same keys succeeded")
	}
	fresh := newKeys(t)
	if _, err := Rotate(ctx, env.DB, env.Keys, fresh, operator, env.Clock.Now()); err != nil {
		t.Fatal(err)
	}
	err := env.DB.View(ctx, func(tx *storage.Tx) error {
		if fp, _ := tx.Setting(ctx, "keys"); fp != fresh.Fingerprint() {
			t.Errorf("the database names keys %q, want the new keys' %q", fp, fresh.Fingerprint())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
