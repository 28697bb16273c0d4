package covenant

import (
	"fmt"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

var presetCases = map[string]map[string][]decideCase{
	"brabant":  brabantCases,
	"den-haag": denHaagCases,
	"almere":   almereCases,
}

// TestEveryPresetRuleIsProtected proves each preset rule has a test case that
// fails once the rule is removed, so no rule can silently stop mattering.
func TestEveryPresetRuleIsProtected(t *testing.T) {
	for _, name := range PresetNames() {
		c := mustPreset(t, name)
		cases := presetCases[name]
		if len(cases) != len(c.Rules) {
			t.Errorf("%s: %d rules, cases for %d", name, len(c.Rules), len(cases))
		}
		for _, r := range c.Rules {
			rc, ok := cases[r.ID]
			if !ok {
				t.Errorf("%s: rule %q has no test cases", name, r.ID)
				continue
			}
			without := withoutRule(c, r.ID)
			failsWithout := false
			for _, tc := range rc {
				got := without.Decide(Situation{Age: tc.age, Involved: tc.involved})
				if got.OrganisationID != tc.wantOrg || got.RuleID != tc.wantRule {
					failsWithout = true
				}
			}
			if !failsWithout {
				t.Errorf("%s: the cases for rule %q still pass without it", name, r.ID)
			}
		}
	}
}

func TestOneOrganisationHasNoCoordinator(t *testing.T) {
	for _, name := range PresetNames() {
		runCases(t, mustPreset(t, name), []decideCase{
			{name: name + " one GI", age: 10, involved: []Involved{org(1, model.TypeGI, 5)},
				reason: "Er is maar één organisatie betrokken; een coördinator is niet nodig."},
			{name: name + " nobody", age: 10, involved: nil,
				reason: "Er is geen organisatie betrokken"},
		})
	}
}

func TestSignalOnlyOrganisationCannotCoordinate(t *testing.T) {
	c := mustLoad(t, `{"naam": "test", "regels": [
		{"id": "school", "typen": ["onderwijs", "jgz"]},
		{"id": "rest", "alleZorgaanbieders": true}]}`)
	runCases(t, c, []decideCase{
		{name: "school named by the rule is skipped", age: 8,
			involved: []Involved{org(20, model.TypeOnderwijs, 100), org(2, model.TypeJGZ, 1)},
			wantOrg:  2, wantRule: "school"},
		{name: "care type with signal-only role is skipped", age: 8,
			involved: []Involved{withRole(org(2, model.TypeJGZ, 100), model.RoleSignaalgever), org(6, model.TypeJeugdhulp, 1)},
			wantOrg:  6, wantRule: "rest"},
	})
	runCases(t, mustPreset(t, "brabant"), []decideCase{
		{name: "only school and police", age: 8,
			involved: []Involved{org(20, model.TypeOnderwijs, 100), org(21, model.TypePolitie, 1)},
			reason:   "Er is nog geen zorgaanbieder betrokken; er is nog geen coördinator."},
		{name: "GI that only gives signals", age: 8,
			involved: []Involved{withRole(org(1, model.TypeGI, 100), model.RoleSignaalgever), org(20, model.TypeOnderwijs, 1)},
			reason:   "Er is nog geen zorgaanbieder betrokken"},
	})
}

func TestNoApplicableRuleHasNoCoordinator(t *testing.T) {
	c := mustLoad(t, `{"naam": "test", "regels": [{"id": "gi", "typen": ["gi"]}]}`)
	runCases(t, c, []decideCase{
		{name: "care organisations but no GI", age: 8,
			involved: []Involved{org(2, model.TypeJGZ, 100), org(6, model.TypeJeugdhulp, 1)},
			reason:   "Geen van de regels van het convenant is van toepassing"},
	})
}

func TestMinimumOrganisationsBeforeAnyCoordinator(t *testing.T) {
	c := mustLoad(t, `{"naam": "test", "minimumOrganisaties": 3, "regels": [{"id": "gi", "typen": ["gi"]}]}`)
	two := []Involved{org(1, model.TypeGI, 100), org(6, model.TypeJeugdhulp, 1)}
	three := append(two, org(7, model.TypeGGZ, 1))
	runCases(t, c, []decideCase{
		{name: "two of three", age: 8, involved: two,
			reason: "Er zijn 2 organisaties betrokken; volgens dit convenant is een coördinator pas nodig bij 3 of meer"},
		{name: "three", age: 8, involved: three, wantOrg: 1, wantRule: "gi"},
	})
}

func TestCountingOrganisationsIgnoresProfessionals(t *testing.T) {
	c := mustLoad(t, `{"naam": "test", "regels": [
		{"id": "klein", "maxBetrokken": 2, "geenCoordinator": true},
		{"id": "rest", "alleZorgaanbieders": true}]}`)
	runCases(t, c, []decideCase{
		{name: "two organisations with five professionals", age: 8,
			involved: []Involved{withProfessionals(org(6, model.TypeJeugdhulp, 100), 4), org(2, model.TypeJGZ, 1)},
			wantRule: "klein"},
	})
}

func TestDecideDoesNotChangeTheSituation(t *testing.T) {
	involved := []Involved{org(9, model.TypeGGZ, 10), org(8, model.TypeJeugdhulp, 10)}
	want := fmt.Sprint(involved)
	mustPreset(t, "brabant").Decide(Situation{Age: 10, Involved: involved})
	if got := fmt.Sprint(involved); got != want {
		t.Errorf("Decide changed its input: %s, was %s", got, want)
	}
}

func BenchmarkDecide(b *testing.B) {
	c := mustPreset(b, "brabant")
	s := Situation{Age: 10, Involved: []Involved{
		org(20, model.TypeOnderwijs, 400),
		org(21, model.TypePolitie, 300),
		org(2, model.TypeJGZ, 200),
		org(7, model.TypeGGZ, 150),
		org(6, model.TypeJeugdhulp, 100),
		org(10, model.TypeHuisarts, 50),
	}}
	for b.Loop() {
		if d := c.Decide(s); d.OrganisationID != 2 {
			b.Fatalf("Decide = %+v", d)
		}
	}
}
