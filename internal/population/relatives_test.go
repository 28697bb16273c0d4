package population_test

import (
	"context"
	"slices"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestLocalRelativesListEachPersonOnceInTheFirstGroupThatFits(t *testing.T) {
	ctx := context.Background()
	db, _ := testenv.MustOpenDB(t)
	keys, _, err := secret.Generate()
	if err != nil {
		t.Fatal(err)
	}
	local := &population.Local{DB: db, Keys: keys}
	// Roos lives with her mother and her mother's son by another father;
	// her own father lives elsewhere, with his daughter by another mother.
	if err := local.Import(ctx, population.TestPersons(), population.TestDay()); err != nil {
		t.Fatal(err)
	}
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
	if len(got.Parents) != 2 || len(got.Siblings) != 2 || !slices.ContainsFunc(got.Siblings, named("Nina Overvaart")) || !slices.ContainsFunc(got.Siblings, named("Jacques de Hoop")) || len(got.Housemates) != 0 {
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

func named(name string) func(model.Person) bool {
	return func(p model.Person) bool { return p.FullName() == name }
}
