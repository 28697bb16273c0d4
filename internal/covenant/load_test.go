package covenant

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rejects checks that Load refuses js with an error mentioning every want.
func rejects(t *testing.T, js string, wants ...string) {
	t.Helper()
	c, err := Load(strings.NewReader(js))
	if err == nil {
		t.Fatalf("Load accepted %s: %+v", js, c)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "convenant: ") {
		t.Errorf("error %q does not start with \"convenant: \"", msg)
	}
	for _, w := range wants {
		if !strings.Contains(msg, w) {
			t.Errorf("error %q does not mention %q", msg, w)
		}
	}
}

func TestLoadRejectsUnknownType(t *testing.T) {
	rejects(t, `{"naam": "x", "regels": [
		{"id": "gi", "typen": ["gi"]}, {"id": "a", "typen": ["amw"]}, {"id": "smw", "typen": ["smv"]}]}`,
		`regel 3 ("smw"): onbekend organisatietype "smv"`, "kies uit: onderwijs")
}

func TestLoadRejectsUnknownFields(t *testing.T) {
	t.Run("top level", func(t *testing.T) {
		rejects(t, `{"naam": "x", "regel": [], "regels": [{"id": "a", "typen": ["gi"]}]}`, `onbekend veld "regel"`)
	})
	t.Run("in a rule", func(t *testing.T) {
		rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": ["gi"]}, {"id": "b", "type": ["amw"]}]}`,
			`regel 2 ("b"): onbekend veld "type"`)
	})
}

func TestLoadRejectsAgeRangeThatIsEmpty(t *testing.T) {
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": ["smw"], "leeftijdVan": 18, "leeftijdTot": 4}]}`,
		`regel 1 ("a"): leeftijdVan 18 is niet kleiner dan leeftijdTot 4`)
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": ["smw"], "leeftijdVan": 4, "leeftijdTot": 4}]}`,
		"leeftijdVan 4 is niet kleiner dan leeftijdTot 4")
}

func TestLoadRejectsAgesOutsideTheYouthRange(t *testing.T) {
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": ["smw"], "leeftijdVan": -1}]}`, "leeftijdVan -1 ligt niet tussen 0 en 23")
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": ["smw"], "leeftijdVan": 24}]}`, "leeftijdVan 24")
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": ["smw"], "leeftijdTot": 0}]}`, "leeftijdTot 0 ligt niet tussen 1 en 24")
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": ["smw"], "leeftijdTot": 30}]}`, "leeftijdTot 30")
}

func TestLoadRejectsDuplicateRuleIDs(t *testing.T) {
	rejects(t, `{"naam": "x", "regels": [{"id": "gi", "typen": ["gi"]}, {"id": "amw", "typen": ["amw"]}, {"id": "gi", "typen": ["jgz"]}]}`,
		`regel 3 ("gi"): id "gi" komt al voor bij regel 1`)
}

func TestLoadRejectsEmptyRuleList(t *testing.T) {
	rejects(t, `{"naam": "x", "regels": []}`, "het convenant heeft geen regels")
	rejects(t, `{"naam": "x"}`, "het convenant heeft geen regels")
}

func TestLoadRejectsMissingNameAndID(t *testing.T) {
	rejects(t, `{"regels": [{"typen": ["gi"]}]}`, `veld "naam" ontbreekt`, `regel 1: veld "id" ontbreekt`)
	rejects(t, `{"naam": "Mijn Regio", "regels": [{"id": "GI 1", "typen": ["gi"]}]}`,
		`naam "Mijn Regio" mag alleen kleine letters`, `id "GI 1" mag alleen kleine letters`)
}

func TestLoadRejectsRuleWithoutExactlyOneOutcome(t *testing.T) {
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "leeftijdTot": 4}]}`, `regel 1 ("a"): zeg wie coördineert`)
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": ["gi"], "alleZorgaanbieders": true}]}`, "geef maar één van")
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "geenCoordinator": true, "alleZorgaanbieders": true}]}`, "geef maar één van")
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": []}]}`, `"typen" is leeg`)
}

func TestLoadRejectsDuplicateTypeInRule(t *testing.T) {
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": ["gi", "jgz", "gi"]}]}`, `organisatietype "gi" staat dubbel`)
}

func TestLoadRejectsMinimumBelowTwo(t *testing.T) {
	rejects(t, `{"naam": "x", "minimumOrganisaties": 1, "regels": [{"id": "a", "typen": ["gi"]}]}`, "minimumOrganisaties is 1")
	rejects(t, `{"naam": "x", "minimumOrganisaties": 0, "regels": [{"id": "a", "typen": ["gi"]}]}`, "minimumOrganisaties is 0")
}

func TestLoadRejectsUnknownCounting(t *testing.T) {
	rejects(t, `{"naam": "x", "telwijze": "personen", "regels": [{"id": "a", "typen": ["gi"]}]}`, `onbekende telwijze "personen"`)
}

func TestLoadRejectsImpossibleInvolvedCounts(t *testing.T) {
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": ["gi"], "minBetrokken": 5, "maxBetrokken": 3}]}`, "minBetrokken 5 is groter dan maxBetrokken 3")
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": ["gi"], "minBetrokken": 0}]}`, "minBetrokken 0 moet ten minste 1 zijn")
	rejects(t, `{"naam": "x", "minimumOrganisaties": 3, "regels": [{"id": "a", "typen": ["gi"], "maxBetrokken": 2}]}`,
		"maxBetrokken 2 is kleiner dan minimumOrganisaties 3; deze regel kan nooit van toepassing zijn")
}

func TestLoadRejectsRulesAfterACatchAll(t *testing.T) {
	rejects(t, `{"naam": "x", "regels": [{"id": "rest", "alleZorgaanbieders": true}, {"id": "gi", "typen": ["gi"]}]}`,
		`regel 2 ("gi"): kan nooit van toepassing zijn, want regel 1 ("rest") wijst altijd al een zorgaanbieder aan`)
	rejects(t, `{"naam": "x", "regels": [{"id": "geen", "geenCoordinator": true}, {"id": "gi", "typen": ["gi"]}]}`,
		`regel 2 ("gi"): kan nooit van toepassing zijn, want regel 1 ("geen")`)
}

func TestLoadAllowsNoCoordinatorRuleAfterCatchAll(t *testing.T) {
	mustLoad(t, `{"naam": "x", "regels": [{"id": "rest", "alleZorgaanbieders": true}, {"id": "geen", "geenCoordinator": true}]}`)
}

func TestLoadAllowsRuleNamingOnlySignalOnlyTypes(t *testing.T) {
	mustLoad(t, `{"naam": "x", "regels": [{"id": "school", "typen": ["onderwijs", "politie"]}]}`)
}

func TestLoadRejectsBadJSON(t *testing.T) {
	rejects(t, ``, "het bestand is leeg")
	rejects(t, `{"naam": "x" "regels": []}`, "geen geldige JSON op regel 1, kolom 14")
	rejects(t, "{\n  \"naam\": \"x\",\n}", "geen geldige JSON op regel 3, kolom 1")
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": ["gi"]}]`, "niet afgesloten")
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": ["gi"]}]} {}`, "na het JSON-object staat nog tekst")
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": "gi"}]}`, `regel 1 ("a"): veld "typen" moet een lijst zijn, niet tekst`)
	rejects(t, `{"naam": "x", "regels": [{"id": "a", "typen": ["gi"], "leeftijdTot": 4.5}]}`, `veld "leeftijdTot" moet een geheel getal zijn, niet het getal 4.5`)
	rejects(t, `{"naam": 3, "regels": []}`, `veld "naam" moet tekst zijn, niet een getal`)
}

func TestLoadReportsEveryProblem(t *testing.T) {
	_, err := Load(strings.NewReader(`{"naam": "x", "regels": [
		{"id": "a", "typen": ["smv"]}, {"id": "b", "typen": ["gi"], "leeftijdVan": 9, "leeftijdTot": 2}]}`))
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want *Error", err)
	}
	if len(e.Problems) != 2 {
		t.Errorf("Problems = %q, want 2", e.Problems)
	}
}

func TestLoadMinimalFileGetsDefaultsAndText(t *testing.T) {
	c := mustLoad(t, `{"naam": "mijn-regio", "regels": [
		{"id": "smw", "typen": ["smw", "amw"], "leeftijdVan": 4, "leeftijdTot": 18, "minBetrokken": 3},
		{"id": "rest", "alleZorgaanbieders": true}]}`)
	if c.Title != "mijn-regio" || c.MinimumOrganisations != 2 || c.Counting != CountOrganisations {
		t.Errorf("defaults: title %q, minimum %d, counting %q", c.Title, c.MinimumOrganisations, c.Counting)
	}
	want := "de jeugdige is 4 t/m 17 jaar en er zijn ten minste 3 betrokken organisaties en een organisatie van het type Schoolmaatschappelijk werk (SMW) of Algemeen maatschappelijk werk (AMW) is betrokken; die organisatie coördineert."
	if c.Rules[0].Text != want {
		t.Errorf("generated text\n got %q\nwant %q", c.Rules[0].Text, want)
	}
	if want := "de zorgaanbieder met de oudste actieve registratie coördineert."; c.Rules[1].Text != want {
		t.Errorf("generated text %q, want %q", c.Rules[1].Text, want)
	}
}

func TestLoadFileNamesTheFileInErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "regio.json")
	if err := os.WriteFile(path, []byte(`{"naam": "x", "regels": [{"id": "a", "typen": ["smv"]}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := LoadFile(path)
	if err == nil || !strings.HasPrefix(err.Error(), "convenant: "+path+`: regel 1 ("a"): onbekend organisatietype`) {
		t.Errorf("LoadFile error = %v", err)
	}
}

func TestLoadRejectsHugeInput(t *testing.T) {
	rejects(t, `{"naam": "`+strings.Repeat("x", maxFileSize)+`"}`, "groter dan 1 MiB")
}

func TestCoordinationSettings(t *testing.T) {
	c, err := Preset("almere")
	if err != nil {
		t.Fatal(err)
	}
	if c.Coordination.StagnationHours != 48 || c.Coordination.EscalationWorkdays != 2 || c.Coordination.AcceptWorkdays != 5 {
		t.Errorf("almere coordination = %+v", c.Coordination)
	}
	for _, r := range c.Rules {
		want := 0
		if strings.HasPrefix(r.ID, "niveau-3") {
			want = 5
		}
		if r.ConveneWorkdays != want {
			t.Errorf("rule %s convenes within %d working days, want %d", r.ID, r.ConveneWorkdays, want)
		}
	}
	if !c.Coordination.HasAction("huisbezoek") || c.Coordination.HasAction("iets anders") {
		t.Error("default action list not in force")
	}

	base := `{"naam":"x","regels":[{"id":"a","alleZorgaanbieders":true}],"zorgcoordinatie":%s}`
	for _, tc := range []struct{ section, problem string }{
		{`{"acceptatieWerkdagen":0}`, "acceptatieWerkdagen is 0"},
		{`{"escalatieWerkdagen":31}`, "escalatieWerkdagen is 31"},
		{`{"brandpuntUren":0}`, "brandpuntUren is 0"},
		{`{"afspraken":[]}`, "1 tot 40 acties"},
		{`{"afspraken":["huisbezoek","huisbezoek"]}`, "dubbel"},
		{`{"onbekend":1}`, "onbekend"},
	} {
		_, err := Load(strings.NewReader(fmt.Sprintf(base, tc.section)))
		if err == nil || !strings.Contains(err.Error(), tc.problem) {
			t.Errorf("%s: error %v, want one naming %q", tc.section, err, tc.problem)
		}
	}
	c, err = Load(strings.NewReader(fmt.Sprintf(base, `{"afspraken":["huisbezoek"," overleg "]}`)))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Coordination.Actions) != 2 || !c.Coordination.HasAction("overleg") {
		t.Errorf("actions = %q", c.Coordination.Actions)
	}
}
