package covenant

import "testing"

// TestLoadRejectsAMunicipalityAsCoordinator: a municipality (type gemeente)
// only monitors; a covenant rule that makes it coordinator could never
// apply, and would hide that from whoever wrote it.
func TestLoadRejectsAMunicipalityAsCoordinator(t *testing.T) {
	rejects(t, `{"naam": "x", "regels": [{"id": "gemeente", "typen": ["gemeente", "wijkteam"]}]}`,
		`regel 1 ("gemeente"): organisatietype "gemeente" kan niet coördineren`)
}
