package brpstub_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/population"
)

// The register delivers geheimhoudingPersoonsgegevens by itself, never asked
// in fields: true for a person with the secrecy indicator, on every answer
// about them, and left out for anyone else. RvIG's secret persons (Jan de
// Jager, Anita Jansen) are served with it, and so is the youth TestPersons
// marks (Vaso Olympia).
func TestStubDeliversTheSecrecyIndicatorUnasked(t *testing.T) {
	url := startStub(t, "") + "/personen"
	a := post(t, url, bsnQuery([]string{"burgerservicenummer"}, population.BSNSecretParent, "999994785", "999992107", population.BSNSecret, population.BSNSecretSibling))
	want := map[string]bool{population.BSNSecretParent: true, "999994785": true, "999992107": false, population.BSNSecret: true, population.BSNSecretSibling: false}
	list := personen(t, a)
	if len(list) != len(want) {
		t.Fatalf("%d persons, want %d", len(list), len(want))
	}
	for _, p := range list {
		m := p.(map[string]any)
		bsn := m["burgerservicenummer"].(string)
		v, ok := m["geheimhoudingPersoonsgegevens"]
		if want[bsn] != ok || (ok && v != true) {
			t.Errorf("%s: geheimhoudingPersoonsgegevens %v (present %v), want present and true only for a secret person", bsn, v, ok)
		}
		if len(m) != 1+boolInt(ok) {
			t.Errorf("%s: answer %v holds more than the asked field and the indicator", bsn, m)
		}
	}
	// The search answers the indicator too (PersoonBeperkt has it).
	a = post(t, url, map[string]any{"type": "ZoekMetPostcodeEnHuisnummer", "fields": []string{"burgerservicenummer"}, "postcode": "2548AE", "huisnummer": 1485})
	secret := 0
	for _, p := range personen(t, a) {
		if p.(map[string]any)["geheimhoudingPersoonsgegevens"] == true {
			secret++
		}
	}
	if secret != 2 {
		t.Errorf("%d secret persons at 2548AE 1485, want Jan de Jager and Anita Jansen", secret)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
