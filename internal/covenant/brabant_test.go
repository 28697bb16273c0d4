package covenant

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

var brabantCases = map[string][]decideCase{
	"gi": {
		{name: "GI registered last still coordinates", age: 2,
			involved: []Involved{org(2, model.TypeJGZ, 100), org(1, model.TypeGI, 1)},
			wantOrg:  1, wantRule: "gi", reason: "Regel 1: een gecertificeerde instelling (GI) is betrokken; de GI coördineert."},
		{name: "GI above every other rule", age: 10,
			involved: []Involved{org(3, model.TypeSMW, 300), org(4, model.TypeAMW, 200), org(5, model.TypeWijkteam, 100), org(1, model.TypeGI, 1)},
			wantOrg:  1, wantRule: "gi"},
	},
	"jgz": {
		{name: "JGZ under 4 before AMW", age: 3,
			involved: []Involved{org(4, model.TypeAMW, 100), org(2, model.TypeJGZ, 1)},
			wantOrg:  2, wantRule: "jgz", reason: "Regel 2:"},
		{name: "JGZ for a newborn", age: 0,
			involved: []Involved{org(6, model.TypeJeugdhulp, 100), org(2, model.TypeJGZ, 1)},
			wantOrg:  2, wantRule: "jgz"},
		{name: "not JGZ at 4", age: 4,
			involved: []Involved{org(2, model.TypeJGZ, 100), org(4, model.TypeAMW, 1)},
			wantOrg:  4, wantRule: "amw"},
	},
	"smw": {
		{name: "SMW at 4", age: 4,
			involved: []Involved{org(4, model.TypeAMW, 100), org(3, model.TypeSMW, 1)},
			wantOrg:  3, wantRule: "smw", reason: "Regel 3:"},
		{name: "SMW at 17", age: 17,
			involved: []Involved{org(4, model.TypeAMW, 100), org(3, model.TypeSMW, 1)},
			wantOrg:  3, wantRule: "smw"},
		{name: "not SMW at 3", age: 3,
			involved: []Involved{org(4, model.TypeAMW, 100), org(3, model.TypeSMW, 1)},
			wantOrg:  4, wantRule: "amw"},
		{name: "not SMW at 18", age: 18,
			involved: []Involved{org(4, model.TypeAMW, 100), org(3, model.TypeSMW, 1)},
			wantOrg:  4, wantRule: "amw"},
	},
	"amw": {
		{name: "AMW before the local team", age: 20,
			involved: []Involved{org(5, model.TypeWijkteam, 100), org(4, model.TypeAMW, 1)},
			wantOrg:  4, wantRule: "amw", reason: "Regel 4:"},
	},
	"wijkteam": {
		{name: "local team before older provider", age: 20,
			involved: []Involved{org(6, model.TypeJeugdhulp, 100), org(5, model.TypeWijkteam, 1)},
			wantOrg:  5, wantRule: "wijkteam", reason: "Regel 5:"},
	},
	"oudste": {
		{name: "oldest care registration", age: 20,
			involved: []Involved{org(7, model.TypeGGZ, 10), org(8, model.TypeJeugdhulp, 30)},
			wantOrg:  8, wantRule: "oudste", reason: "Regel 6:"},
		{name: "JGZ over 4 is an ordinary provider", age: 9,
			involved: []Involved{org(2, model.TypeJGZ, 10), org(8, model.TypeJeugdhulp, 30)},
			wantOrg:  8, wantRule: "oudste"},
	},
}

func TestBrabantGICoordinatesWhenInvolved(t *testing.T)  { runPresetCases(t, "brabant", "gi") }
func TestBrabantJGZOnlyUnder4(t *testing.T)              { runPresetCases(t, "brabant", "jgz") }
func TestBrabantSMWOnlyFrom4To17(t *testing.T)           { runPresetCases(t, "brabant", "smw") }
func TestBrabantAMWCoordinatesWhenInvolved(t *testing.T) { runPresetCases(t, "brabant", "amw") }
func TestBrabantWijkteamCoordinatesWhenInvolved(t *testing.T) {
	runPresetCases(t, "brabant", "wijkteam")
}
func TestBrabantOldestCareOrganisationOtherwise(t *testing.T) {
	runPresetCases(t, "brabant", "oudste")
}

func TestBrabantTieGoesToOldestRegistration(t *testing.T) {
	runCases(t, mustPreset(t, "brabant"), []decideCase{
		{name: "two AMW, older listed last", age: 20,
			involved: []Involved{org(4, model.TypeAMW, 10), org(9, model.TypeAMW, 40)},
			wantOrg:  9, wantRule: "amw"},
		{name: "two GI, older listed first", age: 12,
			involved: []Involved{org(11, model.TypeGI, 40), org(1, model.TypeGI, 10)},
			wantOrg:  11, wantRule: "gi"},
	})
}

func TestTieOnSameTimeGoesToLowerOrganisationID(t *testing.T) {
	runCases(t, mustPreset(t, "brabant"), []decideCase{
		{name: "higher id listed first", age: 20,
			involved: []Involved{org(9, model.TypeGGZ, 10), org(8, model.TypeJeugdhulp, 10)},
			wantOrg:  8, wantRule: "oudste"},
		{name: "lower id listed first", age: 20,
			involved: []Involved{org(8, model.TypeJeugdhulp, 10), org(9, model.TypeGGZ, 10)},
			wantOrg:  8, wantRule: "oudste"},
	})
}

func TestDefaultPresetIsBrabant(t *testing.T) {
	c, err := Open("")
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "brabant" || DefaultPreset != "brabant" {
		t.Errorf("Open(\"\") = %q, want brabant", c.Name)
	}
}
