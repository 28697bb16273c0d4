package storage_test

import (
	"context"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// A person the register marks secret is kept with the indicator in its own
// column and without an address hash; the lookup returns the indicator, and
// no household is found through the secret address (issue 19).
func TestLocalRegisterKeepsTheSecrecyIndicatorAndNoAddressHash(t *testing.T) {
	ctx := context.Background()
	db, path := testenv.MustOpenDB(t)
	keys, _, err := secret.Generate()
	if err != nil {
		t.Fatal(err)
	}
	local := storage.NewLocalRegister(db, keys)
	if err := local.Import(ctx, population.TestPersons(), population.TestDay()); err != nil {
		t.Fatal(err)
	}
	raw := testenv.OpenRaw(t, path)
	for _, c := range []struct {
		bsn    string
		secret bool
	}{{population.BSNSecret, true}, {population.BSNSecretParent, true}, {population.BSNSecretSibling, false}, {"999992107", false}} {
		var flag int
		var hash []byte
		if err := raw.QueryRow(`SELECT secret, address_hash FROM population WHERE bsn_hash = $1`, keys.Hash("bsn", c.bsn)).Scan(&flag, &hash); err != nil {
			t.Fatal(err)
		}
		if (flag == 1) != c.secret || (hash == nil) != c.secret {
			t.Errorf("%s stored with secret %d and address hash %x; want secret %v and an address hash only when not", c.bsn, flag, hash, c.secret)
		}
		p, err := local.Lookup(ctx, c.bsn)
		if err != nil || p.Secret != c.secret {
			t.Errorf("lookup of %s: secret %v (%v), want %v", c.bsn, p.Secret, err, c.secret)
		}
	}

	// Vaso, secret herself, has no housemates, and is none to Jason, put at
	// her address without relation to her.
	vaso, err := local.Relatives(ctx, population.BSNSecret)
	if err != nil {
		t.Fatal(err)
	}
	if len(vaso.Housemates) != 0 || len(vaso.Parents) != 1 {
		t.Errorf("the secret youth's relatives %+v; want her father and no housemates", vaso)
	}
	if err := local.Import(ctx, []model.PopulationRecord{unrelatedAt(t, population.BSNTeen, population.BSNSecretSibling)}, population.TestDay()); err != nil {
		t.Fatal(err)
	}
	jason, err := local.Relatives(ctx, population.BSNTeen)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range jason.Housemates {
		if p.BSN == population.BSNSecret {
			t.Errorf("the secret youth is offered as a housemate: %+v", jason.Housemates)
		}
	}
	if len(jason.Housemates) != 3 {
		t.Errorf("Jason at the Olympos address has housemates %+v; want the father and the two brothers, not Vaso", jason.Housemates)
	}
}

// unrelatedAt is the test person bsn living at the address of other,
// without parents.
func unrelatedAt(t *testing.T, bsn, other string) model.PopulationRecord {
	t.Helper()
	var out, at model.PopulationRecord
	for _, r := range population.TestPersons() {
		switch r.Person.BSN {
		case bsn:
			out = r
		case other:
			at = r
		}
	}
	if out.Person.BSN == "" || at.Person.BSN == "" {
		t.Fatalf("%s or %s not in the test set", bsn, other)
	}
	out.Person.Postcode, out.Person.HouseNumber, out.ParentBSNs = at.Person.Postcode, at.Person.HouseNumber, nil
	return out
}
