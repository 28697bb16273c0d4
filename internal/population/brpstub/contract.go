package brpstub

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

//go:embed haal-centraal-brp-personen-openapi.yaml
var contractYAML []byte

// What a path named in fields can be.
const (
	pathUnknown    = iota // no such field in the answer's schema
	pathNotAllowed        // a field the register delivers by itself, or part of one that must be asked whole
	pathOK
)

// fieldSet is every field path one answer schema (Persoon or PersoonBeperkt)
// offers, taken from the contract so that the stub accepts and refuses the
// same fields as the register.
type fieldSet struct {
	paths map[string]bool
	// whole holds the paths of dates and table values ({code, omschrijving}):
	// asking for a part of one gives all of it.
	whole map[string]bool
}

// contract holds the field paths of the two answer schemas the stub serves.
type contract struct {
	persoon fieldSet // RaadpleegMetBurgerservicenummer
	beperkt fieldSet // the Zoek… types
}

func loadContract() (*contract, error) {
	doc, err := openapi3.NewLoader().LoadFromData(contractYAML)
	if err != nil {
		return nil, fmt.Errorf("brpstub: unable to read the BRP contract: %w", err)
	}
	c := &contract{}
	for name, fs := range map[string]*fieldSet{"Persoon": &c.persoon, "PersoonBeperkt": &c.beperkt} {
		s := doc.Components.Schemas[name]
		if s == nil {
			return nil, fmt.Errorf("brpstub: the BRP contract has no schema %s", name)
		}
		*fs = fieldSet{paths: map[string]bool{}, whole: map[string]bool{}}
		fs.collect(doc, []*openapi3.SchemaRef{s}, "", 0)
	}
	return c, nil
}

// collect adds the paths below schemas, the one or more schemas a field can
// have. Dates and table values are walked too: "geboorte.datum.langFormaat"
// is a path, answered with the whole date.
func (fs *fieldSet) collect(doc *openapi3.T, schemas []*openapi3.SchemaRef, prefix string, depth int) {
	if depth > 8 { // the contract nests four deep; this only guards against a cycle
		return
	}
	props := map[string][]*openapi3.SchemaRef{}
	for _, s := range schemas {
		properties(doc, s, map[*openapi3.Schema]bool{}, props)
	}
	for name, ps := range props {
		path := name
		if prefix != "" {
			path = prefix + "." + name
		}
		fs.paths[path] = true
		var below []*openapi3.SchemaRef
		for _, p := range ps {
			if isWhole(p) {
				fs.whole[path] = true
			}
			if p.Value != nil && p.Value.Items != nil {
				p = p.Value.Items
			}
			below = append(below, p)
		}
		fs.collect(doc, below, path, depth+1)
	}
}

// properties adds to out what s says directly, through allOf and, for a
// polymorphic schema such as AbstractVerblijfplaats, through every mapped
// subtype. A name can have several schemas: verblijfadres is a Dutch
// address in Adres and a foreign one in VerblijfplaatsBuitenland.
func properties(doc *openapi3.T, s *openapi3.SchemaRef, seen map[*openapi3.Schema]bool, out map[string][]*openapi3.SchemaRef) {
	if s == nil || s.Value == nil || seen[s.Value] {
		return
	}
	v := s.Value
	seen[v] = true
	for k, p := range v.Properties {
		out[k] = append(out[k], p)
	}
	for _, a := range v.AllOf {
		properties(doc, a, seen, out)
	}
	if v.Discriminator != nil {
		for _, m := range v.Discriminator.Mapping {
			properties(doc, doc.Components.Schemas[strings.TrimPrefix(m.Ref, "#/components/schemas/")], seen, out)
		}
	}
}

// isWhole tells a date (AbstractDatum) or a table value (Waardetabel, also
// inside allOf as AdellijkeTitelPredicaatType has it).
func isWhole(s *openapi3.SchemaRef) bool {
	for _, suffix := range []string{"/AbstractDatum", "/Waardetabel"} {
		if strings.HasSuffix(s.Ref, suffix) {
			return true
		}
	}
	if s.Value != nil {
		for _, a := range s.Value.AllOf {
			if isWhole(a) {
				return true
			}
		}
	}
	return false
}

// check says what path is for this schema and, for a good one, which path
// to answer: the whole date or table value that path points into.
func (fs fieldSet) check(path string) (int, string) {
	if !fs.paths[path] {
		return pathUnknown, ""
	}
	parts := strings.Split(path, ".")
	// The register fills these in by itself whenever they apply (the
	// contract's description of fields); gezag can only be asked whole.
	switch parts[0] {
	case "inOnderzoek", "geheimhoudingPersoonsgegevens", "opschortingBijhouding", "rni", "verificatie":
		return pathNotAllowed, ""
	case "gezag":
		if len(parts) > 1 {
			return pathNotAllowed, ""
		}
	}
	for i, p := range parts {
		if p == "inOnderzoek" {
			return pathNotAllowed, ""
		}
		if prefix := strings.Join(parts[:i+1], "."); fs.whole[prefix] {
			return pathOK, prefix
		}
	}
	return pathOK, path
}
