package model

import "testing"

// TestMunicipalityOnlyMonitors: an organisation of type gemeente is a
// signaalgever by default, may not be made a zorgaanbieder, never
// coordinates and may not register, not even a signal.
func TestMunicipalityOnlyMonitors(t *testing.T) {
	if got := TypeGemeente.Label(); got != "Gemeente" {
		t.Errorf("label %q, want Gemeente", got)
	}
	if got := DefaultRole(TypeGemeente); got != RoleSignaalgever {
		t.Errorf("DefaultRole(gemeente) = %s, want signaalgever", got)
	}
	caring := Organisation{Name: "Gemeente Eindhoven", Type: TypeGemeente, Role: RoleZorgaanbieder, Municipality: "Eindhoven", Active: true}
	err := caring.Validate()
	if ErrorCode(err) != EINVALID || len(ErrorParams(err)) != 1 || ErrorParams(err)[0].Name != "rol" {
		t.Errorf("a municipality as zorgaanbieder: %v; want an error at the field rol", err)
	}
	if caring.MayCoordinate() {
		t.Error("a municipality may coordinate")
	}
	m := Organisation{Name: "Gemeente Eindhoven", Type: TypeGemeente, Role: RoleSignaalgever, Municipality: "Eindhoven", Active: true}
	if err := m.Validate(); err != nil {
		t.Errorf("a municipality that only signals is refused: %v", err)
	}
	for _, k := range []Kind{KindSignaal, KindKetenregistratie} {
		if err := MayRegister(m, k); ErrorCode(err) != EFORBIDDEN {
			t.Errorf("a municipality registering a %s: %v; want refused", k, err)
		}
	}
}
