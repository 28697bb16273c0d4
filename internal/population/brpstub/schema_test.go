package brpstub_test

import (
	"os"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/jeugdketen/jeugdketen/internal/population"
)

// contractSchema loads a schema of the embedded contract, to check the
// stub's answers against it.
func contractSchema(t *testing.T, name string) *openapi3.Schema {
	t.Helper()
	b, err := os.ReadFile("haal-centraal-brp-personen-openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		t.Fatal(err)
	}
	s := doc.Components.Schemas[name]
	if s == nil {
		t.Fatalf("no schema %s", name)
	}
	return s.Value
}

// RvIG's test set holds a few names outside the contract's own patterns
// (an @, a comma, quotes, "<Onbekend> & </Onbemind>", letters beyond ž, 27
// given names whose initials exceed 40 characters), surely on purpose. The
// stub delivers them as the register has them.
var outsideContract = map[string]bool{"999991139": true, "999991449": true, "999990524": true, "999990913": true, "999994128": true, "999991000": true}

func TestStubAnswersFitTheContractSchemas(t *testing.T) {
	url := startStub(t, "") + "/personen"
	persoon := contractSchema(t, "RaadpleegMetBurgerservicenummerResponse")
	everything := []string{"burgerservicenummer", "naam", "geboorte", "geslacht", "leeftijd", "gemeenteVanInschrijving", "verblijfplaats", "ouders"}
	for _, r := range population.TestPersons() {
		a := post(t, url, bsnQuery(everything, r.Person.BSN))
		err := persoon.VisitJSON(a.body)
		if outsideContract[r.Person.BSN] {
			if err == nil {
				t.Errorf("%s fits the contract now: take it off the list", r.Person.BSN)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", r.Person.BSN, err)
		}
	}
	// 2548AE 1485: two persons with the secrecy indicator, delivered unasked.
	for postcode, number := range map[string]int{"3032CG": 651, "2548AE": 1485} {
		a := post(t, url, map[string]any{"type": "ZoekMetPostcodeEnHuisnummer", "fields": []string{"burgerservicenummer", "naam", "geboorte", "geslacht", "leeftijd"}, "postcode": postcode, "huisnummer": number})
		if err := contractSchema(t, "ZoekMetPostcodeEnHuisnummerResponse").VisitJSON(a.body); err != nil {
			t.Fatalf("%s %d: %v", postcode, number, err)
		}
	}
}
