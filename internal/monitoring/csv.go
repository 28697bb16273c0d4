package monitoring

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// WriteCSV writes one table of rep as a spreadsheet opens it: UTF-8 with a
// byte order mark (so Excel reads the accents), semicolons between fields
// (the separator Dutch Excel expects), a header "Categorie;<periods>;Totaal"
// and a line per row.
//
// Values are numbers a spreadsheet can add up: a count without thousands
// dots (1250, not 1.250), a share as its whole percentage (80) and a median
// as its working days (3), with the unit after the row's label ("Aandeel
// binnen de termijn (%)", "... (werkdagen)"); a median in a band of days
// stays the band as text ("11-15", "21+"). Too few to say is "–", as on
// the page. Every number is the same sum of rounded cells the page shows.
func WriteCSV(w io.Writer, rep Report, t Table) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	c := csv.NewWriter(w)
	c.Comma = ';'
	c.UseCRLF = true // as spreadsheets write it
	head := []string{"Categorie"}
	for _, p := range rep.ColumnsOf(t) {
		head = append(head, p.Label)
	}
	if t.Total {
		head = append(head, "Totaal")
	}
	if err := c.Write(head); err != nil {
		return err
	}
	for _, r := range t.Rows {
		line := []string{text(r.Label + unitOf(r))}
		for _, v := range r.Values {
			line = append(line, csvValue(v))
		}
		if err := c.Write(line); err != nil {
			return err
		}
	}
	c.Flush()
	return c.Error()
}

// CSVFileName is the name a table's CSV file is saved under:
// monitoring-<table>-<municipality>-<from>-<to>.csv, the municipality left
// out when the figures are about all of them.
func CSVFileName(rep Report, t Table) string {
	parts := []string{"monitoring", t.ID}
	if rep.Query.Municipality != "" {
		parts = append(parts, rep.Query.Municipality)
	}
	parts = append(parts, rep.Query.From.String(), rep.Query.To.String())
	return strings.Join(parts, "-") + ".csv"
}

// unitOf is the unit a row's values are in, for its label; counts have none.
func unitOf(r Row) string {
	for _, v := range r.Values {
		switch v.Kind {
		case Percent:
			return " (%)"
		case Days:
			return " (werkdagen)"
		}
	}
	return ""
}

func csvValue(v Value) string {
	switch v.Kind {
	case Count, Percent:
		return strconv.Itoa(v.N)
	case Days:
		// The band as the text has it, without the unit: "11–15 werkdagen"
		// is "11-15", "21 of meer werkdagen" is "21+", "3 werkdagen" is 3.
		s := strings.TrimSuffix(strings.TrimSuffix(v.Text, " werkdagen"), " werkdag")
		s = strings.Replace(s, "–", "-", 1)
		if low, more := strings.CutSuffix(s, " of meer"); more {
			return low + "+"
		}
		return s
	}
	return "–"
}

// text keeps a label from being read as a formula by a spreadsheet (an
// organisation's name is typed by people): a leading =, +, - or @ gets an
// apostrophe before it.
func text(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}
