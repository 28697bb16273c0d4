package covenant

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

var denHaagCases = map[string][]decideCase{
	"gi": {
		{name: "GI before JGZ", age: 8,
			involved: []Involved{org(2, model.TypeJGZ, 100), org(1, model.TypeGI, 1)},
			wantOrg:  1, wantRule: "gi", reason: "Regel 1:"},
	},
	"jgz-tot-13": {
		{name: "JGZ at 12 before CJG team and SMW", age: 12,
			involved: []Involved{org(5, model.TypeWijkteam, 100), org(3, model.TypeSMW, 90), org(2, model.TypeJGZ, 1)},
			wantOrg:  2, wantRule: "jgz-tot-13", reason: "interne zorgcommissie"},
		{name: "JGZ at 5", age: 5,
			involved: []Involved{org(6, model.TypeJeugdhulp, 100), org(2, model.TypeJGZ, 1)},
			wantOrg:  2, wantRule: "jgz-tot-13"},
		{name: "from 13 the school care team goes first", age: 13,
			involved: []Involved{org(2, model.TypeJGZ, 100), org(3, model.TypeSMW, 1)},
			wantOrg:  3, wantRule: "zat-12-plus"},
	},
	"cjg-tot-13": {
		{name: "CJG team under 13 before older providers", age: 8,
			involved: []Involved{org(6, model.TypeJeugdhulp, 100), org(3, model.TypeSMW, 90), org(5, model.TypeWijkteam, 1)},
			wantOrg:  5, wantRule: "cjg-tot-13", reason: "Regel 3:"},
	},
	"zat-12-plus": {
		{name: "SMW at 14 before JGZ", age: 14,
			involved: []Involved{org(2, model.TypeJGZ, 100), org(3, model.TypeSMW, 1)},
			wantOrg:  3, wantRule: "zat-12-plus", reason: "ZAT"},
		{name: "SMW at 12 without JGZ or CJG", age: 12,
			involved: []Involved{org(6, model.TypeJeugdhulp, 100), org(3, model.TypeSMW, 1)},
			wantOrg:  3, wantRule: "zat-12-plus"},
		{name: "SMW at 20 (ROC)", age: 20,
			involved: []Involved{org(6, model.TypeJeugdhulp, 100), org(3, model.TypeSMW, 1)},
			wantOrg:  3, wantRule: "zat-12-plus"},
		{name: "not SMW at 11", age: 11,
			involved: []Involved{org(6, model.TypeJeugdhulp, 100), org(3, model.TypeSMW, 1)},
			wantOrg:  6, wantRule: "oudste"},
	},
	"cjg-12-plus": {
		{name: "CJG team at 16 before older provider", age: 16,
			involved: []Involved{org(6, model.TypeJeugdhulp, 100), org(5, model.TypeWijkteam, 1)},
			wantOrg:  5, wantRule: "cjg-12-plus", reason: "Regel 5:"},
		{name: "JGZ at 15 before older provider", age: 15,
			involved: []Involved{org(6, model.TypeJeugdhulp, 100), org(2, model.TypeJGZ, 1)},
			wantOrg:  2, wantRule: "cjg-12-plus"},
		{name: "oldest of JGZ and CJG team", age: 15,
			involved: []Involved{org(2, model.TypeJGZ, 10), org(5, model.TypeWijkteam, 50)},
			wantOrg:  5, wantRule: "cjg-12-plus"},
	},
	"oudste": {
		{name: "oldest care registration", age: 16,
			involved: []Involved{org(7, model.TypeGGZ, 10), org(8, model.TypeJeugdhulp, 30)},
			wantOrg:  8, wantRule: "oudste", reason: "Regel 6:"},
	},
}

func TestDenHaagGICoordinatesWhenInvolved(t *testing.T) { runPresetCases(t, "den-haag", "gi") }
func TestDenHaagJGZCoordinatesUnder13(t *testing.T)     { runPresetCases(t, "den-haag", "jgz-tot-13") }
func TestDenHaagCJGCoordinatesUnder13(t *testing.T)     { runPresetCases(t, "den-haag", "cjg-tot-13") }
func TestDenHaagSchoolCareTeamFrom12(t *testing.T)      { runPresetCases(t, "den-haag", "zat-12-plus") }
func TestDenHaagCJGCoordinatesFrom12(t *testing.T)      { runPresetCases(t, "den-haag", "cjg-12-plus") }
func TestDenHaagOldestCareOrganisationOtherwise(t *testing.T) {
	runPresetCases(t, "den-haag", "oudste")
}
