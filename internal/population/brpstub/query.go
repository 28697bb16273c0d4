package brpstub

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
)

// The query types of the contract. The stub answers the first two.
const (
	TypeBSN      = "RaadpleegMetBurgerservicenummer"
	TypePostcode = "ZoekMetPostcodeEnHuisnummer"
)

var otherTypes = []string{
	"ZoekMetGeslachtsnaamEnGeboortedatum", "ZoekMetNaamEnGemeenteVanInschrijving",
	"ZoekMetStraatHuisnummerEnGemeenteVanInschrijving", "ZoekMetNummeraanduidingIdentificatie",
	"ZoekMetAdresseerbaarObjectIdentificatie",
}

// The parameters each supported type takes besides type and fields.
var parameters = map[string][]string{
	TypeBSN:      {"burgerservicenummer", "gemeenteVanInschrijving"},
	TypePostcode: {"postcode", "huisnummer", "huisletter", "huisnummertoevoeging", "geslachtsnaam", "geboortedatum", "inclusiefOverledenPersonen", "gemeenteVanInschrijving"},
}

// The contract's patterns, quoted in the reasons as the register does.
const (
	patternField         = `^[a-zA-Z0-9\._]{1,200}$`
	patternBSN           = `^[0-9]{9}$`
	patternGemeente      = `^[0-9]{4}$`
	patternPostcode      = `^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$`
	patternHuisletter    = `^[a-zA-Z]{1}$`
	patternToevoeging    = `^[a-zA-Z0-9 \-]{1,4}$`
	patternGeslachtsnaam = `^[a-zA-Z0-9À-ž \.\-\']{1,200}$|^[a-zA-Z0-9À-ž \.\-\']{3,199}\*{1}$`
)

var patterns = map[string]*regexp.Regexp{}

func init() {
	for _, p := range []string{patternField, patternBSN, patternGemeente, patternPostcode, patternHuisletter, patternToevoeging, patternGeslachtsnaam} {
		patterns[p] = regexp.MustCompile(p)
	}
}

// invalidParam is one entry of a 400 answer's invalidParams.
type invalidParam struct {
	Name   string `json:"name"`
	Code   string `json:"code"`
	Reason string `json:"reason"`
}

// query is a validated request.
type query struct {
	Type       string
	Fields     []string // cut back to whole dates and table values
	BSNs       []string
	Gemeente   string
	Postcode   string // upper case, without a space
	Huisnummer int
	Huisletter string
	Toevoeging string
	Naam       string // geslachtsnaam, possibly ending in the wildcard *
	Geboorte   time.Time
}

// parser collects everything wrong with a request, in the register's order.
type parser struct {
	body    map[string]json.RawMessage
	invalid []invalidParam
}

func (p *parser) fail(name, code, reason string) {
	p.invalid = append(p.invalid, invalidParam{Name: name, Code: code, Reason: reason})
}

// present reports whether a parameter was given with a value; null and the
// empty string count as not given, as in the register.
func (p *parser) present(name string) bool {
	raw, ok := p.body[name]
	if !ok {
		return false
	}
	raw = bytes.TrimSpace(raw)
	return !bytes.Equal(raw, []byte("null")) && !bytes.Equal(raw, []byte(`""`))
}

func (p *parser) required(name string) bool {
	if !p.present(name) {
		p.fail(name, "required", "Parameter is verplicht.")
		return false
	}
	return true
}

// text reads a string parameter that must match one of the contract's patterns.
func (p *parser) text(name, pattern string) (string, bool) {
	var s string
	if json.Unmarshal(p.body[name], &s) != nil || !patterns[pattern].MatchString(s) {
		p.fail(name, "pattern", "Waarde voldoet niet aan patroon "+pattern+".")
		return "", false
	}
	return s, true
}

// list reads an array parameter of strings that each match pattern.
func (p *parser) list(name, pattern string, max int) []string {
	var items []json.RawMessage
	if json.Unmarshal(p.body[name], &items) != nil {
		p.fail(name, "array", "Parameter is geen array.")
		return nil
	}
	switch {
	case len(items) == 0:
		p.fail(name, "minItems", "Array bevat minder dan 1 items.")
		return nil
	case len(items) > max:
		p.fail(name, "maxItems", fmt.Sprintf("Array bevat meer dan %d items.", max))
		return nil
	}
	out := make([]string, len(items))
	for i, raw := range items {
		if json.Unmarshal(raw, &out[i]) != nil || !patterns[pattern].MatchString(out[i]) {
			p.fail(fmt.Sprintf("%s[%d]", name, i), "pattern", "Waarde voldoet niet aan patroon "+pattern+".")
		}
	}
	return out
}

// parseType reads the query type. ok is false when the request names no
// type of the contract; supported is false for a contract type the stub
// does not answer.
func parseType(body map[string]json.RawMessage) (typ string, invalid []invalidParam, supported bool) {
	p := &parser{body: body}
	if !p.required("type") {
		return "", p.invalid, false
	}
	if json.Unmarshal(body["type"], &typ) != nil || (parameters[typ] == nil && !slices.Contains(otherTypes, typ)) {
		p.fail("type", "value", "Waarde is geen geldig zoek type.")
		return "", p.invalid, false
	}
	return typ, nil, parameters[typ] != nil
}

// parse validates a request of a supported type against the contract and
// returns every problem at once, as the contract asks ("Alle gevonden fouten
// worden één keer teruggemeld").
func (c *contract) parse(typ string, body map[string]json.RawMessage) (query, []invalidParam) {
	p := &parser{body: body}
	q := query{Type: typ}
	p.unknown(typ)
	fs := c.beperkt
	if typ == TypeBSN {
		fs = c.persoon
	}
	q.Fields = p.fields(fs)
	if typ == TypeBSN && p.required("burgerservicenummer") {
		q.BSNs = p.list("burgerservicenummer", patternBSN, 20)
	}
	if p.present("gemeenteVanInschrijving") {
		q.Gemeente, _ = p.text("gemeenteVanInschrijving", patternGemeente)
	}
	if typ == TypePostcode {
		p.address(&q)
	}
	return q, p.invalid
}

func (p *parser) unknown(typ string) {
	var names []string
	for name := range p.body {
		if name != "type" && name != "fields" && !slices.Contains(parameters[typ], name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		p.fail(name, "unknownParam", "Parameter is niet verwacht.")
	}
}

func (p *parser) fields(fs fieldSet) []string {
	if !p.required("fields") {
		return nil
	}
	asked := p.list("fields", patternField, 130)
	var out []string
	for i, f := range asked {
		if !patterns[patternField].MatchString(f) {
			continue // reported by list
		}
		switch kind, answer := fs.check(f); kind {
		case pathUnknown:
			p.fail(fmt.Sprintf("fields[%d]", i), "fields", "Parameter bevat een niet bestaande veldnaam.")
		case pathNotAllowed:
			p.fail(fmt.Sprintf("fields[%d]", i), "fields", "Parameter bevat een niet toegestane veldnaam.")
		default:
			out = append(out, answer)
		}
	}
	return out
}

func (p *parser) address(q *query) {
	if p.required("postcode") {
		if s, ok := p.text("postcode", patternPostcode); ok {
			q.Postcode = strings.ToUpper(strings.ReplaceAll(s, " ", ""))
		}
	}
	if p.required("huisnummer") {
		var n float64
		if json.Unmarshal(p.body["huisnummer"], &n) != nil || n != float64(int(n)) || n < 1 || n > 99999 {
			p.fail("huisnummer", "integer", "Waarde is geen geldig getal.")
		}
		q.Huisnummer = int(n)
	}
	if p.present("huisletter") {
		q.Huisletter, _ = p.text("huisletter", patternHuisletter)
	}
	if p.present("huisnummertoevoeging") {
		q.Toevoeging, _ = p.text("huisnummertoevoeging", patternToevoeging)
	}
	if p.present("geslachtsnaam") {
		q.Naam, _ = p.text("geslachtsnaam", patternGeslachtsnaam)
	}
	if p.present("geboortedatum") {
		var s string
		json.Unmarshal(p.body["geboortedatum"], &s) // not a string: s stays empty and fails to parse
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			p.fail("geboortedatum", "date", "Waarde is geen geldige datum.")
		}
		q.Geboorte = d
	}
	if _, ok := p.body["inclusiefOverledenPersonen"]; ok {
		var b bool
		if json.Unmarshal(p.body["inclusiefOverledenPersonen"], &b) != nil {
			p.fail("inclusiefOverledenPersonen", "boolean", "Waarde is geen boolean.")
		}
	}
}

// combination tells whether the errors are only missing parameters of the
// query's minimal combination, which the register reports with its own
// title and code.
func combination(invalid []invalidParam) bool {
	for _, ip := range invalid {
		if ip.Code != "required" || (ip.Name != "fields" && ip.Name != "burgerservicenummer") {
			return false
		}
	}
	return len(invalid) > 0
}
