package monitoring

import (
	"bytes"
	"strings"
	"testing"
)

func csvReport() (Report, Table) {
	jan, feb := Month{2026, 1}, Month{2026, 2}
	rep := Report{
		Query:   Query{From: jan, To: feb, Group: ByMonth, Municipality: "0772"},
		Periods: []Period{{Label: "januari 2026", From: jan, To: jan}, {Label: "februari 2026", From: feb, To: feb}},
	}
	t := Table{ID: "opvolging", Title: "Opvolging van matches", Total: true, Rows: []Row{
		{Key: "op-tijd", Label: "Binnen de termijn", Values: []Value{count(1250), count(0), count(1250)}},
		{Key: "x", Label: "Wijkteam; Zuid", Values: []Value{count(5), count(10), count(15)}},
		{Key: "y", Label: "=SOM(A1)", Values: []Value{count(5), count(0), count(5)}},
		{Key: "totaal", Label: "Matches", Sum: true, Values: []Value{count(1260), count(10), count(1270)}},
		{Key: "aandeel", Label: "Aandeel binnen de termijn", Values: []Value{percent(8, 10), percent(1, 5), percent(9, 15)}},
		{Key: "mediaan", Label: "Mediaan werkdagen", Values: []Value{
			median(map[string]int{"3": 10}), median(map[string]int{"11-15": 10}), median(map[string]int{"21+": 20})}},
	}}
	return rep, t
}

// TestCSVIsOneTableForASpreadsheet: a byte order mark, semicolons, the
// periods and Totaal as the header, plain numbers, the unit at the label,
// "–" where there are too few, quoting where a label needs it, and no
// label that a spreadsheet would run as a formula.
func TestCSVIsOneTableForASpreadsheet(t *testing.T) {
	rep, tab := csvReport()
	var b bytes.Buffer
	if err := WriteCSV(&b, rep, tab); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFF" + strings.Join([]string{
		"Categorie;januari 2026;februari 2026;Totaal",
		"Binnen de termijn;1250;0;1250",
		`"Wijkteam; Zuid";5;10;15`,
		"'=SOM(A1);5;0;5",
		"Matches;1260;10;1270",
		"Aandeel binnen de termijn (%);80;–;60",
		"Mediaan werkdagen (werkdagen);3;11-15;21+",
	}, "\r\n") + "\r\n"
	if got := b.String(); got != want {
		t.Errorf("CSV:\n%q\nwant\n%q", got, want)
	}
}

// TestCSVWithoutTotalHasNoTotaalColumn: a table of one period has none.
func TestCSVWithoutTotalHasNoTotaalColumn(t *testing.T) {
	rep, tab := csvReport()
	rep.Periods = rep.Periods[:1]
	tab.Total = false
	tab.Rows = []Row{{Label: "Signaal", Values: []Value{count(15)}}}
	var b bytes.Buffer
	if err := WriteCSV(&b, rep, tab); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "\uFEFFCategorie;januari 2026\r\nSignaal;15\r\n" {
		t.Errorf("CSV %q", got)
	}
}

func TestCSVFileNameSaysTableMunicipalityAndMonths(t *testing.T) {
	rep, tab := csvReport()
	if got := CSVFileName(rep, tab); got != "monitoring-opvolging-0772-2026-01-2026-02.csv" {
		t.Errorf("file name %q", got)
	}
	rep.Query.Municipality = ""
	if got := CSVFileName(rep, tab); got != "monitoring-opvolging-2026-01-2026-02.csv" {
		t.Errorf("file name for all municipalities %q", got)
	}
}
