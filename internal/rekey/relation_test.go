package rekey

import (
	"bytes"
	"context"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// A relation's other person is hashed and sealed like a youth, so a key
// rotation moves them too: afterwards the new keys open them, and the old
// hash is gone.
func TestRotationMovesRelationsToTheNewKeys(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t)
	old := env.Keys
	school := env.Pro(t, env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs))
	ref := env.Register(t, school, population.BSNSibling1, model.KindSignaal).Youth.Reference
	for _, bsn := range []string{population.BSNParent, "999999357"} {
		if _, err := env.Registry.Families.Relate(ctx, school, ref, family.Relating{BSN: bsn, Kind: family.RelationParent}); err != nil {
			t.Fatal(err)
		}
	}

	fresh := newKeys(t)
	c, err := rotate(ctx, env.DB, old, fresh, operator, env.Clock.Now(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if c.Relations != 2 {
		t.Errorf("rotated %d relations, want 2", c.Relations)
	}
	list, err := withKeys(env, fresh).Families.Relations(ctx, school, ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Person.FullName() != "Johan Groot Esselink" || list[1].Person.FullName() != "Wilma Haverkamp" {
		t.Fatalf("relations under the new keys: %+v", list)
	}
	raw := testenv.OpenRaw(t, env.Path)
	var hash []byte
	if err := raw.QueryRow(`SELECT person_hash FROM relations ORDER BY id LIMIT 1`).Scan(&hash); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(hash, fresh.Hash("bsn", population.BSNParent)) {
		t.Error("the relation does not hold the parent's new hash")
	}
	// The same relation laid again under the new keys is the same one.
	_, err = withKeys(env, fresh).Families.Relate(ctx, school, ref, family.Relating{BSN: population.BSNParent, Kind: family.RelationParent})
	if model.ErrorCode(err) != model.ECONFLICT {
		t.Errorf("laying the relation again after the rotation: %v, want ECONFLICT", err)
	}
}
