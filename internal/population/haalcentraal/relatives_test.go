package haalcentraal_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/population/brpstub"
	"github.com/jeugdketen/jeugdketen/internal/population/haalcentraal"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func names(persons []model.Person) []string {
	out := []string{}
	for _, p := range persons {
		out = append(out, p.FullName())
	}
	slices.Sort(out)
	return out
}

func TestRelativesAreTheParentsTheirChildrenAndTheHousehold(t *testing.T) {
	c, rec := stubClient(t)
	got, err := c.Relatives(ctx, population.BSNSibling1) // Daan
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Johan Groot Esselink", "Wilma Haverkamp"}; !reflect.DeepEqual(names(got.Parents), want) {
		t.Errorf("parents %v, want %v", names(got.Parents), want)
	}
	// Johan's children with Wilma at home, and with another parent elsewhere.
	want := []string{"Fien Groot Esselink", "Hein Groot Esselink", "Maud Groot Esselink", "Teun Groot Esselink", "Trix Groot Esselink"}
	if !reflect.DeepEqual(names(got.Siblings), want) {
		t.Errorf("siblings %v, want %v", names(got.Siblings), want)
	}
	if len(got.Housemates) != 0 {
		t.Errorf("housemates %v: everyone at the address is a parent or sibling", names(got.Housemates))
	}
	for _, p := range slices.Concat(got.Parents, got.Siblings) {
		if !model.ValidBSN(p.BSN) || p.BirthDate.IsZero() {
			t.Errorf("relative %+v lacks a BSN or birth date", p)
		}
	}
	// Only the parents are asked for their children.
	for _, q := range rec.requests() {
		fields, _ := q["fields"].([]any)
		asksChildren := slices.Contains(fields, any("kinderen.burgerservicenummer"))
		parents := q["type"] == "RaadpleegMetBurgerservicenummer" && reflect.DeepEqual(q["burgerservicenummer"], []any{"999999357", population.BSNParent})
		if asksChildren != parents {
			t.Errorf("request %v asks for children: %v", q, asksChildren)
		}
	}
}

// The BRP API and the local copy of the register give the same relatives.
func TestRelativesAgreeWithTheLocalRegister(t *testing.T) {
	c, _ := stubClient(t)
	db, _ := testenv.MustOpenDB(t)
	keys, _, err := secret.Generate()
	if err != nil {
		t.Fatal(err)
	}
	local := storage.NewLocalRegister(db, keys)
	if err := local.Import(ctx, population.TestPersons(), population.TestDay()); err != nil {
		t.Fatal(err)
	}
	for _, bsn := range []string{population.BSNSibling1, population.BSNChild, population.BSNTeen, population.BSNYoungAdult, population.BSNYoungest, population.BSNParent} {
		api, err := c.Relatives(ctx, bsn)
		if err != nil {
			t.Fatal(err)
		}
		want, err := local.Relatives(ctx, bsn)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range []struct {
			what      string
			got, want []model.Person
		}{{"parents", api.Parents, want.Parents}, {"siblings", api.Siblings, want.Siblings}, {"housemates", api.Housemates, want.Housemates}} {
			if !reflect.DeepEqual(names(g.got), names(g.want)) {
				t.Errorf("%s's %s: API %v, local %v", bsn, g.what, names(g.got), names(g.want))
			}
		}
	}
}

func TestRelativesOfAnUnknownPersonOrWithTheRegisterDown(t *testing.T) {
	c, _ := stubClient(t)
	_, err := c.Relatives(ctx, unknownBSN)
	assertCode(t, err, model.EINVALID, "staat niet in de basisregistratie personen")
	srv, _ := startStub(t, "")
	down := newClient(t, haalcentraal.Config{URL: srv.URL + brpstub.BasePath})
	srv.Close()
	_, err = down.Relatives(ctx, population.BSNSibling1)
	assertCode(t, err, model.EUNAVAILABLE, unavailable)
}
