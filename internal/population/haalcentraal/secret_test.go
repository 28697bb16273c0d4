package haalcentraal_test

import (
	"net/http/httptest"
	"reflect"
	"slices"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/population/brpstub"
	"github.com/jeugdketen/jeugdketen/internal/population/haalcentraal"
)

// The client reads geheimhoudingPersoonsgegevens, which the register delivers
// unasked, into model.Person.Secret (issue 19).
func TestLookupReadsTheSecrecyIndicator(t *testing.T) {
	c, rec := stubClient(t)
	for bsn, want := range map[string]bool{population.BSNSecret: true, population.BSNSecretParent: true, population.BSNSecretSibling: false, population.BSNTeen: false} {
		p, err := c.Lookup(ctx, bsn)
		if err != nil {
			t.Fatal(err)
		}
		if p.Secret != want {
			t.Errorf("%s: secret %v, want %v", bsn, p.Secret, want)
		}
	}
	for _, q := range rec.requests() {
		for _, f := range q["fields"].([]any) {
			if f == "geheimhoudingPersoonsgegevens" {
				t.Errorf("the client asks for %v, which the register refuses in fields", f)
			}
		}
	}
}

// A secret person's address is not searched; a secret person is nobody's
// housemate.
func TestRelativesNeverSearchOrOfferASecretAddress(t *testing.T) {
	c, rec := stubClient(t)
	got, err := c.Relatives(ctx, population.BSNSecret)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Housemates) != 0 || !reflect.DeepEqual(names(got.Parents), []string{"Thanatos Olympos"}) {
		t.Errorf("the secret youth's relatives %+v; want her father and no housemates", got)
	}
	for _, q := range rec.requests() {
		if q["type"] == "ZoekMetPostcodeEnHuisnummer" {
			t.Errorf("the secret youth's address was searched: %v", q)
		}
	}

	// Jason put at the Jager household: Jan and Anita, secret, are not his
	// housemates; their sons are.
	records := population.TestPersons()
	for i := range records {
		if records[i].Person.BSN == population.BSNTeen {
			records[i].Person.Postcode, records[i].Person.HouseNumber, records[i].ParentBSNs = "2548AE", "1485", nil
			records[i].Address = population.Address{Number: 1485}
		}
	}
	stub, err := brpstub.New(records)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(stub)
	t.Cleanup(srv.Close)
	other := newClient(t, haalcentraal.Config{URL: srv.URL + brpstub.BasePath})
	jason, err := other.Relatives(ctx, population.BSNTeen)
	if err != nil {
		t.Fatal(err)
	}
	housemates := names(jason.Housemates)
	if slices.Contains(housemates, "Jan de Jager") || slices.Contains(housemates, "Anita Jansen") || !slices.Contains(housemates, "Jaffe de Jager") {
		t.Errorf("Jason's housemates %v; want the Jager children, never the secret parents", housemates)
	}
}
