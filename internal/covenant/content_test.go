package covenant

import (
	"fmt"
	"strings"
	"testing"
)

// The plan is read by every involved organisation, a school too: the default
// actions name no agency and no diagnosis (issue 19).
func TestDefaultPlanActionsNameNoAgencyAndNoDiagnosis(t *testing.T) {
	for _, a := range DefaultActions {
		if w := contentWarning(a); w != "" {
			t.Errorf("default action %q: %s", a, w)
		}
	}
}

func TestAPlanActionThatNamesAnAgencyOrDiagnosisIsWarnedAboutNotRefused(t *testing.T) {
	for action, named := range map[string]string{
		"verwijzing via de huisarts":     "huisarts",
		"advies of melding Veilig Thuis": "veilig thuis",
		"aanmelding bij de GGZ":          "ggz",
		"Onderzoek ADHD":                 "adhd",
		"melding huiselijk geweld":       "huiselijk geweld",
		"aanmelding bij het wijkteam":    "Wijkteam / lokaal team",
		"overleg met Leerplicht":         "leerplicht",
	} {
		js := fmt.Sprintf(`{"naam":"x","regels":[{"id":"a","alleZorgaanbieders":true}],"zorgcoordinatie":{"afspraken":["gesprek",%q]}}`, action)
		c, err := Load(strings.NewReader(js))
		if err != nil {
			t.Fatalf("%q refused: %v", action, err)
		}
		if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0], named) || !strings.Contains(c.Warnings[0], action) {
			t.Errorf("%q: warnings %q, want one naming %q", action, c.Warnings, named)
		}
		if !c.Coordination.HasAction(action) {
			t.Errorf("%q: not on the list although only warned about", action)
		}
	}
	for _, neutral := range []string{"gesprek", "overleg", "inzet hulp", "huisbezoek", "gesprek met jeugdige", "ggzsamenwerking-evaluatie"} {
		if w := contentWarning(neutral); w != "" {
			t.Errorf("neutral action %q warned about: %s", neutral, w)
		}
	}
}

func TestPresetsHaveNoWarnings(t *testing.T) {
	for _, name := range PresetNames() {
		c, err := Preset(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Warnings) > 0 {
			t.Errorf("preset %s: %q", name, c.Warnings)
		}
	}
}
