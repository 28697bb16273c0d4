package covenant

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// maxFileSize guards against reading something that is clearly not a covenant.
const maxFileSize = 1 << 20

// fileCovenant is the JSON format regional administrators edit. Pointers tell
// "absent" from an explicit zero, so a zero can be rejected instead of ignored.
type fileCovenant struct {
	Naam                string            `json:"naam"`
	Titel               string            `json:"titel"`
	Beschrijving        string            `json:"beschrijving"`
	Bron                string            `json:"bron"`
	MinimumOrganisaties *int              `json:"minimumOrganisaties"`
	Telwijze            string            `json:"telwijze"`
	Regels              []json.RawMessage `json:"regels"`
	Zorgcoordinatie     *fileCoordination `json:"zorgcoordinatie"`
}

type fileRule struct {
	ID                 string   `json:"id"`
	Toelichting        string   `json:"toelichting"`
	Bron               string   `json:"bron"`
	Typen              []string `json:"typen"`
	AlleZorgaanbieders bool     `json:"alleZorgaanbieders"`
	GeenCoordinator    bool     `json:"geenCoordinator"`
	LeeftijdVan        *int     `json:"leeftijdVan"`
	LeeftijdTot        *int     `json:"leeftijdTot"`
	MinBetrokken       *int     `json:"minBetrokken"`
	MaxBetrokken       *int     `json:"maxBetrokken"`
	// BijeenroepenWerkdagen: the coordinator this rule assigns must convene
	// everyone involved within this many working days (Almere, level 3).
	BijeenroepenWerkdagen *int `json:"bijeenroepenWerkdagen"`
}

// Error lists everything wrong with a covenant file, in Dutch.
type Error struct {
	File     string // "" when read from a reader
	Problems []string
}

func (e *Error) Error() string {
	prefix := "convenant: "
	if e.File != "" {
		prefix += e.File + ": "
	}
	return prefix + strings.Join(e.Problems, "\n"+prefix)
}

// Load reads a covenant in JSON from r and validates it. Unknown fields are errors.
func Load(r io.Reader) (*Covenant, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("convenant: kan het convenant niet lezen: %w", err)
	}
	if len(data) > maxFileSize {
		return nil, &Error{Problems: []string{"het bestand is groter dan 1 MiB; is dit wel een convenant?"}}
	}
	c, problems := parse(data)
	if len(problems) > 0 {
		return nil, &Error{Problems: problems}
	}
	return c, nil
}

// LoadFile reads and validates the covenant in the JSON file at path.
func LoadFile(path string) (*Covenant, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("convenant: kan bestand %s niet openen: %w", path, err)
	}
	defer f.Close()
	c, err := Load(f)
	var e *Error
	if errors.As(err, &e) {
		e.File = path
	}
	return c, err
}

// parse decodes in two steps, the covenant and then each rule, so that an
// unknown field or a wrong value can be reported with the rule it is in.
func parse(data []byte) (*Covenant, []string) {
	var fc fileCovenant
	if err := decodeStrict(data, &fc); err != nil {
		return nil, []string{describeJSONError(data, err)}
	}
	var problems []string
	rules := make([]fileRule, len(fc.Regels))
	for i, raw := range fc.Regels {
		if err := decodeStrict(raw, &rules[i]); err != nil {
			problems = append(problems, ruleLabel(i, peekID(raw))+describeJSONError(raw, err))
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return validate(fc, rules)
}

func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errTrailing
	}
	return nil
}

var errTrailing = errors.New("trailing data")

// peekID reads a rule's id leniently, to name the rule in an error about it.
func peekID(raw []byte) string {
	var r struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(raw, &r)
	return r.ID
}

// describeJSONError turns a decoding error into Dutch for an administrator.
func describeJSONError(data []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return "het bestand is leeg; verwacht een JSON-object met \"naam\" en \"regels\""
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "het JSON-object is niet afgesloten (ontbreekt er een } of ]?)"
	case errors.Is(err, errTrailing):
		return "na het JSON-object staat nog tekst; een convenant is één JSON-object"
	case errors.As(err, &syn):
		line, col := position(data, syn.Offset)
		return fmt.Sprintf("geen geldige JSON op regel %d, kolom %d: %s", line, col, syn.Error())
	case errors.As(err, &typ):
		field := typ.Field
		if i := strings.LastIndex(field, "."); i >= 0 {
			field = field[i+1:]
		}
		if field == "" {
			return fmt.Sprintf("verwacht %s, maar het bestand bevat %s", goTypeName(typ.Type.Kind().String()), jsonTypeName(typ.Value))
		}
		return fmt.Sprintf("veld %q moet %s zijn, niet %s", field, goTypeName(typ.Type.Kind().String()), jsonTypeName(typ.Value))
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return fmt.Sprintf("onbekend veld %s; controleer de spelling (zie docs/covenant.md)", name)
	}
	return "geen geldige JSON: " + err.Error()
}

// position is the line and column of the byte just before offset, which is
// where json.SyntaxError points: it counts the offending byte as read.
func position(data []byte, offset int64) (line, col int) {
	pos := int(min(max(offset-1, 0), int64(len(data))))
	before := data[:pos]
	line = bytes.Count(before, []byte("\n")) + 1
	col = pos - bytes.LastIndexByte(before, '\n')
	return line, col
}

func goTypeName(kind string) string {
	switch kind {
	case "int", "int64":
		return "een geheel getal"
	case "string":
		return "tekst"
	case "bool":
		return "true of false"
	case "slice":
		return "een lijst"
	case "struct":
		return "een object"
	}
	return kind
}

func jsonTypeName(value string) string {
	switch {
	case value == "string":
		return "tekst"
	case value == "bool":
		return "true of false"
	case value == "array":
		return "een lijst"
	case value == "object":
		return "een object"
	case value == "number":
		return "een getal"
	case strings.HasPrefix(value, "number "):
		return "het getal " + strings.TrimPrefix(value, "number ")
	}
	return value
}
