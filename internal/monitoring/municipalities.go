package monitoring

import (
	"bufio"
	_ "embed"
	"fmt"
	"sort"
	"strings"
)

// municipalitiesCSV is every Dutch municipality as "code;name", one a line,
// in the CBS municipal division (gemeentelijke indeling) of 1 January 2023,
// which is also that of 2024, 2025 and 2026: 342 municipalities, the names
// as CBS writes them ("'s-Gravenhage", "Bergen (NH.)"). Taken on 7 December
// 2026 from the municipality list (gemcode, name) of the Ministry of Health's
// corona dashboard, github.com/minvws/nl-covid19-data-dashboard,
// packages/common/src/data/gm.ts (last changed 12 July 2023, after Voorne
// aan Zee was formed), which follows CBS; checked against codes known
// otherwise (municipalities_test.go). A municipal reorganisation changes
// this file: see docs/monitoring.md, "Gemeentenamen".
//
//go:embed municipalities.csv
var municipalitiesCSV string

// municipalities are the parsed list, read once when the package starts:
// a fixed table, like a time zone, not state that changes.
var municipalities = parseMunicipalities(municipalitiesCSV)

type municipalityTable struct {
	byCode map[string]string
	byName map[string]string // lower-case name, and the usual short names
	codes  []string
}

// Well-known names that are not the official one, in common use on forms.
var municipalityAliases = map[string]string{
	"den haag":  "0518",
	"den bosch": "0796",
}

func parseMunicipalities(data string) municipalityTable {
	t := municipalityTable{byCode: map[string]string{}, byName: map[string]string{}}
	sc := bufio.NewScanner(strings.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		code, name, ok := strings.Cut(text, ";")
		if !ok || len(code) != 4 || name == "" {
			panic(fmt.Sprintf("monitoring: municipalities.csv line %d: want code;name, got %q", line, text))
		}
		if _, dup := t.byCode[code]; dup {
			panic(fmt.Sprintf("monitoring: municipalities.csv line %d: code %s twice", line, code))
		}
		t.byCode[code] = name
		t.byName[strings.ToLower(name)] = code
		t.codes = append(t.codes, code)
	}
	for alias, code := range municipalityAliases {
		t.byName[alias] = code
	}
	sort.Strings(t.codes)
	return t
}

// MunicipalityName is the name of the municipality with CBS code code
// ("0772": "Eindhoven"), or "" for a code that is no current municipality.
func MunicipalityName(code string) string {
	return municipalities.byCode[code]
}

// MunicipalityCode is the CBS code of a municipality given by its code
// ("0772", also "GM0772") or its name ("Eindhoven", any case; "Den Haag"
// and "Den Bosch" too), or "" when it names no current municipality.
func MunicipalityCode(nameOrCode string) string {
	s := strings.TrimSpace(nameOrCode)
	if len(s) == 6 && strings.EqualFold(s[:2], "GM") {
		s = s[2:]
	}
	if _, ok := municipalities.byCode[s]; ok {
		return s
	}
	return municipalities.byName[strings.ToLower(s)]
}

// MunicipalityOf is the municipality with CBS code code as people know it;
// for an unknown code the name is empty and Label shows the code alone.
func MunicipalityOf(code string) Municipality {
	return Municipality{Code: code, Name: MunicipalityName(code)}
}

// MunicipalityCodes are the codes of every current municipality, in order.
func MunicipalityCodes() []string {
	return append([]string(nil), municipalities.codes...)
}
