package storage_test

import (
	"context"
	"slices"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestLocalRelativesListEachPersonOnceInTheFirstGroupThatFits(t *testing.T) {
	ctx := context.Background()
	// Roos lives with her mother and her mother's son by another father;
	// her own father lives elsewhere, with his daughter by another mother.
	local := testRegister(t)
	got, err := local.Relatives(ctx, population.BSNYoungAdult)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for group, persons := range map[string][]model.Person{"parents": got.Parents, "siblings": got.Siblings, "housemates": got.Housemates} {
		for _, p := range persons {
			count[p.BSN]++
			if p.BSN == population.BSNYoungAdult {
				t.Errorf("Roos is her own relative in %s", group)
			}
		}
	}
	if len(got.Parents) != 2 || len(got.Siblings) != 2 || !slices.ContainsFunc(got.Siblings, namedPerson("Nina Overvaart")) || !slices.ContainsFunc(got.Siblings, namedPerson("Jacques de Hoop")) || len(got.Housemates) != 0 {
		t.Errorf("relatives %+v; want two parents, the half-sister Nina and half-brother Jacques, nobody else at the address", got)
	}
	for bsn, n := range count {
		if n > 1 {
			t.Errorf("%s is listed %d times", bsn, n)
		}
	}
	_, err = local.Relatives(ctx, "999999011")
	if model.ErrorCode(err) != model.EINVALID || len(model.ErrorParams(err)) != 1 || model.ErrorParams(err)[0].Name != "burgerservicenummer" {
		t.Errorf("unknown BSN: %v, want EINVALID on burgerservicenummer", err)
	}
}

// testRegister is a local register holding the RvIG test persons.
func testRegister(t *testing.T) *storage.LocalRegister {
	t.Helper()
	db, _ := testenv.MustOpenDB(t)
	keys, _, err := secret.Generate()
	if err != nil {
		t.Fatal(err)
	}
	local := storage.NewLocalRegister(db, keys)
	if err := local.Import(context.Background(), population.TestPersons(), population.TestDay()); err != nil {
		t.Fatal(err)
	}
	return local
}

func namedPerson(name string) func(model.Person) bool {
	return func(p model.Person) bool { return p.FullName() == name }
}

// The use cases tell an unknown youth from a broken register by this error:
// EINVALID on burgerservicenummer, so the form can name the field.
func TestLocalLookupOfAnUnknownBSNIsInvalidOnTheBSNField(t *testing.T) {
	ctx := context.Background()
	local := testRegister(t)
	p, err := local.Lookup(ctx, population.BSNYoungAdult)
	if err != nil || p.BSN != population.BSNYoungAdult || p.FullName() == "" {
		t.Errorf("known BSN: %+v, %v; want the person", p, err)
	}
	_, err = local.Lookup(ctx, "999999011")
	if model.ErrorCode(err) != model.EINVALID || len(model.ErrorParams(err)) != 1 || model.ErrorParams(err)[0].Name != "burgerservicenummer" {
		t.Errorf("unknown BSN: %v, want EINVALID on burgerservicenummer", err)
	}
}
