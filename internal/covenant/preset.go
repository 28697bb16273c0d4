package covenant

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// DefaultPreset is the covenant used when none is named.
const DefaultPreset = "brabant"

// presetNames is the order in which presets are offered; the default first.
var presetNames = []string{"brabant", "den-haag", "almere"}

//go:embed presets/*.json
var presetFiles embed.FS

// PresetNames lists the embedded presets, the default first.
func PresetNames() []string { return append([]string(nil), presetNames...) }

// Preset loads an embedded covenant by name. Each call returns a fresh copy.
func Preset(name string) (*Covenant, error) {
	if !isPreset(name) {
		return nil, fmt.Errorf("convenant: onbekende voorinstelling %q; kies uit: %s", name, strings.Join(presetNames, ", "))
	}
	data, err := presetFiles.ReadFile("presets/" + name + ".json")
	if err != nil {
		return nil, fmt.Errorf("convenant: voorinstelling %q ontbreekt: %w", name, err)
	}
	c, err := Load(bytes.NewReader(data))
	var e *Error
	if errors.As(err, &e) {
		e.File = "presets/" + name + ".json"
	}
	return c, err
}

// Open loads a preset when nameOrPath is a preset name, else the file at
// that path; "" means the default preset.
func Open(nameOrPath string) (*Covenant, error) {
	if nameOrPath == "" {
		return Preset(DefaultPreset)
	}
	if isPreset(nameOrPath) {
		return Preset(nameOrPath)
	}
	c, err := LoadFile(nameOrPath)
	if errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(nameOrPath, `/\.`) {
		// Looks like a mistyped preset name rather than a missing file.
		return nil, fmt.Errorf("convenant: %q is geen voorinstelling (kies uit: %s) en geen bestand", nameOrPath, strings.Join(presetNames, ", "))
	}
	return c, err
}

func isPreset(name string) bool {
	for _, n := range presetNames {
		if n == name {
			return true
		}
	}
	return false
}
