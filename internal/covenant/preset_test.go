package covenant

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestPresetNamesMatchEmbeddedFiles(t *testing.T) {
	files, err := fs.Glob(presetFiles, "presets/*.json")
	if err != nil {
		t.Fatal(err)
	}
	var embedded []string
	for _, f := range files {
		embedded = append(embedded, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	names := PresetNames()
	if !slices.Equal(slices.Sorted(slices.Values(names)), embedded) {
		t.Errorf("PresetNames() = %v, embedded files %v", names, embedded)
	}
	if names[0] != DefaultPreset {
		t.Errorf("PresetNames()[0] = %q, want the default %q first", names[0], DefaultPreset)
	}
	for _, n := range names {
		if c := mustPreset(t, n); c.Name != n || c.Title == "" || c.Description == "" || c.Source == "" {
			t.Errorf("preset %q: name %q, title %q, description or source missing", n, c.Name, c.Title)
		}
	}
}

func TestPresetRulesNameTheirSource(t *testing.T) {
	for _, n := range PresetNames() {
		for _, r := range mustPreset(t, n).Rules {
			if r.Source == "" {
				t.Errorf("preset %q rule %q has no bron", n, r.ID)
			}
		}
	}
}

func TestPresetReturnsAFreshCopy(t *testing.T) {
	a := mustPreset(t, "brabant")
	a.Rules = a.Rules[:1]
	if b := mustPreset(t, "brabant"); len(b.Rules) != 6 {
		t.Errorf("changing one preset changed the next: %d rules", len(b.Rules))
	}
}

func TestPresetRejectsUnknownName(t *testing.T) {
	_, err := Preset("utrecht")
	if err == nil || !strings.Contains(err.Error(), `onbekende voorinstelling "utrecht"; kies uit: brabant, den-haag, almere`) {
		t.Errorf("Preset(utrecht) error = %v", err)
	}
}

func TestOpenTakesPresetNameOrFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "regio.json")
	if err := os.WriteFile(path, []byte(`{"naam": "eigen", "regels": [{"id": "gi", "typen": ["gi"]}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for arg, want := range map[string]string{"": "brabant", "den-haag": "den-haag", "almere": "almere", path: "eigen"} {
		c, err := Open(arg)
		if err != nil {
			t.Errorf("Open(%q): %v", arg, err)
			continue
		}
		if c.Name != want {
			t.Errorf("Open(%q) = %q, want %q", arg, c.Name, want)
		}
	}
}

func TestOpenExplainsMistypedPresetName(t *testing.T) {
	_, err := Open("brabnt")
	if err == nil || !strings.Contains(err.Error(), `"brabnt" is geen voorinstelling (kies uit: brabant, den-haag, almere) en geen bestand`) {
		t.Errorf("Open(brabnt) error = %v", err)
	}
	missing := filepath.Join(t.TempDir(), "weg.json")
	_, err = Open(missing)
	if err == nil || !strings.Contains(err.Error(), "kan bestand "+missing+" niet openen") {
		t.Errorf("Open(missing file) error = %v", err)
	}
}
