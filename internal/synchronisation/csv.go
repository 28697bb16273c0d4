package synchronisation

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Columns are the CSV file's columns, in the template's order: the fields
// of a line, named as the API names them.
var Columns = []string{"burgerservicenummer", "soort", "medewerker", "geboortedatum", "einddatum", "ouders", "jeugdige"}

// Template is the CSV file to fill in: the header, separated by semicolons
// as a Dutch spreadsheet writes it.
func Template() []byte { return []byte(strings.Join(Columns, ";") + "\r\n") }

// CSVFile is a read CSV file: its lines and, for each, its line number in
// the file, to tell a person which line was refused.
type CSVFile struct {
	Lines     []Line
	FileLines []int
}

// FileLine is the file's line number of the list's line n (from 1).
func (f CSVFile) FileLine(n int) int {
	if n < 1 || n > len(f.FileLines) {
		return n
	}
	return f.FileLines[n-1]
}

// ReadCSV reads a semicolon-separated file with a header naming the
// columns (in any order; burgerservicenummer and soort are required). Empty
// rows are skipped. A file that is not such a CSV is refused as a whole,
// with the line at fault.
func ReadCSV(r io.Reader) (CSVFile, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return CSVFile{}, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // Excel's byte order mark
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma, cr.FieldsPerRecord, cr.TrimLeadingSpace = ';', -1, true
	header, err := cr.Read()
	if err == io.EOF {
		return CSVFile{}, model.InvalidField("bestand", "Het bestand is leeg. Gebruik het sjabloon: de eerste regel noemt de kolommen.")
	}
	if err != nil {
		return CSVFile{}, csvError(err)
	}
	at := map[string]int{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		if !contains(Columns, name) {
			return CSVFile{}, model.InvalidField("bestand", fmt.Sprintf("Regel 1 noemt de kolom %q, die het sjabloon niet kent. De kolommen zijn: %s, gescheiden door puntkomma's.", h, strings.Join(Columns, ";")))
		}
		if _, twice := at[name]; twice {
			return CSVFile{}, model.InvalidField("bestand", fmt.Sprintf("Regel 1 noemt de kolom %q twee keer.", name))
		}
		at[name] = i
	}
	for _, need := range []string{"burgerservicenummer", "soort"} {
		if _, ok := at[need]; !ok {
			return CSVFile{}, model.InvalidField("bestand", fmt.Sprintf("De kolom %q ontbreekt in regel 1. Gebruik het sjabloon; de kolommen worden gescheiden door puntkomma's.", need))
		}
	}
	var f CSVFile
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return f, nil
		}
		if err != nil {
			return CSVFile{}, csvError(err)
		}
		if empty(rec) {
			continue
		}
		if len(f.Lines) == MaxLines {
			return CSVFile{}, model.Errorf(model.ETOOLARGE, "Een bestand heeft ten hoogste %d regels. Splits het bestand (alleen als het geen volledige lijst is).", MaxLines)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) > len(header) {
			return CSVFile{}, model.InvalidField("bestand", fmt.Sprintf("Regel %d heeft meer velden dan regel 1 kolommen noemt. Staat er een puntkomma te veel?", line))
		}
		get := func(col string) string {
			if i, ok := at[col]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		f.Lines = append(f.Lines, Line{BSN: get("burgerservicenummer"), Kind: get("soort"), Professional: get("medewerker"),
			BirthDate: get("geboortedatum"), EndDate: get("einddatum"), Parents: get("ouders"), Youth: get("jeugdige")})
		f.FileLines = append(f.FileLines, line)
	}
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return model.InvalidField("bestand", fmt.Sprintf("Regel %d is geen geldige CSV-regel: controleer de aanhalingstekens. Gebruik puntkomma's tussen de velden.", pe.Line))
	}
	return model.InvalidField("bestand", "Dit bestand is geen CSV-bestand met puntkomma's. Gebruik het sjabloon.")
}

func empty(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Summary says in Dutch what a synchronisation did, or would do, for a
// person: "12 nieuw, 3 beëindigd, 2 geweigerd: regel 14, burgerservicenummer
// klopt niet". fileLine turns a list's line into the file's.
func Summary(c model.SyncCounts, refusals []model.SyncRefusal, fileLine func(int) int) string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, what))
		}
	}
	add(c.Created, "nieuw")
	add(c.Updated, "bijgewerkt")
	add(c.Unchanged, "ongewijzigd")
	add(c.Ended, "beëindigd")
	add(c.Refused, "geweigerd")
	if len(parts) == 0 {
		return "Geen regels."
	}
	s := strings.Join(parts, ", ")
	if len(refusals) > 0 {
		r := refusals[0]
		s += fmt.Sprintf(": regel %d, %s %s", fileLine(r.Line), r.Problems[0].Field, problemShort(r.Problems[0]))
		if len(refusals) > 1 {
			s += fmt.Sprintf(" (en %d andere regels)", len(refusals)-1)
		}
	}
	return s
}

// problemShort is a refusal in a few words, for the summary; the full
// reason stands in the list of refused lines below it.
func problemShort(p model.SyncProblem) string {
	switch p.Field {
	case "burgerservicenummer", "geboortedatum", "einddatum", "soort", "medewerker":
		return "klopt niet"
	}
	return "is niet verwerkt"
}
