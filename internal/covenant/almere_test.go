package covenant

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

var almereCases = map[string][]decideCase{
	"gi": {
		{name: "GI coordinates even on level 1", age: 8,
			involved: []Involved{org(2, model.TypeJGZ, 100), org(1, model.TypeGI, 1)},
			wantOrg:  1, wantRule: "gi", reason: "op elk niveau"},
		{name: "GI before the process coordinator", age: 8,
			involved: []Involved{org(5, model.TypeWijkteam, 100), org(2, model.TypeJGZ, 90), org(6, model.TypeJeugdhulp, 80), org(1, model.TypeGI, 1)},
			wantOrg:  1, wantRule: "gi"},
	},
	"niveau-1": {
		{name: "two professionals align themselves", age: 8,
			involved: []Involved{org(2, model.TypeJGZ, 100), org(6, model.TypeJeugdhulp, 1)},
			wantOrg:  0, wantRule: "niveau-1", reason: "niveau 1"},
	},
	"niveau-2-jgz": {
		{name: "three organisations, JGZ coordinates", age: 8,
			involved: []Involved{org(6, model.TypeJeugdhulp, 100), org(5, model.TypeWijkteam, 90), org(2, model.TypeJGZ, 1)},
			wantOrg:  2, wantRule: "niveau-2-jgz", reason: "niveau 2"},
		{name: "two organisations with three professionals is level 2", age: 8,
			involved: []Involved{withProfessionals(org(6, model.TypeJeugdhulp, 100), 2), org(2, model.TypeJGZ, 1)},
			wantOrg:  2, wantRule: "niveau-2-jgz"},
	},
	"niveau-2-overig": {
		{name: "three without JGZ, oldest care organisation", age: 8,
			involved: []Involved{org(7, model.TypeGGZ, 10), org(6, model.TypeJeugdhulp, 100), org(20, model.TypeOnderwijs, 200)},
			wantOrg:  6, wantRule: "niveau-2-overig", reason: "niveau 2"},
	},
	"niveau-3": {
		{name: "four organisations, local team is process coordinator", age: 8,
			involved: []Involved{org(6, model.TypeJeugdhulp, 300), org(2, model.TypeJGZ, 200), org(7, model.TypeGGZ, 100), org(5, model.TypeWijkteam, 1)},
			wantOrg:  5, wantRule: "niveau-3", reason: "niveau 3"},
		{name: "two organisations with four professionals is level 3", age: 8,
			involved: []Involved{withProfessionals(org(2, model.TypeJGZ, 100), 3), org(5, model.TypeWijkteam, 1)},
			wantOrg:  5, wantRule: "niveau-3"},
	},
	"niveau-3-jgz": {
		{name: "four without local team, JGZ keeps coordinating", age: 8,
			involved: []Involved{org(6, model.TypeJeugdhulp, 300), org(7, model.TypeGGZ, 200), org(4, model.TypeAMW, 100), org(2, model.TypeJGZ, 1)},
			wantOrg:  2, wantRule: "niveau-3-jgz", reason: "niveau 3"},
	},
	"niveau-3-overig": {
		{name: "four without local team or JGZ, oldest care organisation", age: 8,
			involved: []Involved{org(7, model.TypeGGZ, 200), org(6, model.TypeJeugdhulp, 300), org(4, model.TypeAMW, 100), org(20, model.TypeOnderwijs, 400)},
			wantOrg:  6, wantRule: "niveau-3-overig", reason: "niveau 3"},
	},
}

func TestAlmereGICoordinatesOnEveryLevel(t *testing.T) { runPresetCases(t, "almere", "gi") }
func TestAlmereLevel1HasNoCoordinator(t *testing.T)    { runPresetCases(t, "almere", "niveau-1") }
func TestAlmereLevel2JGZCoordinates(t *testing.T)      { runPresetCases(t, "almere", "niveau-2-jgz") }
func TestAlmereLevel2WithoutJGZOldestCoordinates(t *testing.T) {
	runPresetCases(t, "almere", "niveau-2-overig")
}
func TestAlmereLevel3LocalTeamIsProcessCoordinator(t *testing.T) {
	runPresetCases(t, "almere", "niveau-3")
}
func TestAlmereLevel3WithoutLocalTeamJGZCoordinates(t *testing.T) {
	runPresetCases(t, "almere", "niveau-3-jgz")
}
func TestAlmereLevel3WithoutLocalTeamOrJGZOldestCoordinates(t *testing.T) {
	runPresetCases(t, "almere", "niveau-3-overig")
}

func TestAlmereCountsUncountedProfessionalsAsOne(t *testing.T) {
	noCount := func(o Involved) Involved { return withProfessionals(o, 0) }
	runCases(t, mustPreset(t, "almere"), []decideCase{
		{name: "three organisations without professional counts is level 2", age: 8,
			involved: []Involved{noCount(org(6, model.TypeJeugdhulp, 100)), noCount(org(5, model.TypeWijkteam, 90)), noCount(org(2, model.TypeJGZ, 1))},
			wantOrg:  2, wantRule: "niveau-2-jgz"},
	})
}
