package web

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/monitoring"
)

func n(k monitoring.ValueKind, v int, text string) monitoring.Value {
	return monitoring.Value{Kind: k, N: v, Text: text}
}

var unknownValue = monitoring.Value{Kind: monitoring.None, Text: "–"}

// TestATrendGetsAChartPerUnitWithoutItsSumsAndTotal: counts, shares and
// medians each on their own scale; the sum row and the Totaal column are
// not drawn; a value too uncertain to give is a gap; a row without any
// value is left out when it could be a share or a median.
func TestATrendGetsAChartPerUnitWithoutItsSumsAndTotal(t *testing.T) {
	jan, feb := monitoring.Month{Year: 2026, Month: 1}, monitoring.Month{Year: 2026, Month: 2}
	rep := monitoring.Report{Periods: []monitoring.Period{{Label: "januari 2026", From: jan, To: jan}, {Label: "februari 2026", From: feb, To: feb}}}
	tab := monitoring.Table{ID: "opvolging", Title: "Opvolging van matches", Total: true, Rows: []monitoring.Row{
		{Label: "Op tijd", Values: []monitoring.Value{n(monitoring.Count, 10, "10"), n(monitoring.Count, 20, "20"), n(monitoring.Count, 30, "30")}},
		{Label: "Niet op tijd", Values: []monitoring.Value{n(monitoring.Count, 5, "5"), n(monitoring.Count, 0, "0"), n(monitoring.Count, 5, "5")}},
		{Label: "Matches", Sum: true, Values: []monitoring.Value{n(monitoring.Count, 15, "15"), n(monitoring.Count, 20, "20"), n(monitoring.Count, 35, "35")}},
		{Label: "Aandeel", Values: []monitoring.Value{n(monitoring.Percent, 67, "67%"), n(monitoring.Percent, 100, "100%"), n(monitoring.Percent, 86, "86%")}},
		{Label: "Aandeel school", Values: []monitoring.Value{unknownValue, unknownValue, unknownValue}},
		{Label: "Mediaan", Values: []monitoring.Value{unknownValue, n(monitoring.Days, 11, "11–15 werkdagen"), n(monitoring.Days, 11, "11–15 werkdagen")}},
	}}
	charts := trendCharts(rep, tab)
	var ids []string
	for _, c := range charts {
		ids = append(ids, c.ID)
	}
	if strings.Join(ids, " ") != "grafiek-opvolging-aantal grafiek-opvolging-percentage grafiek-opvolging-werkdagen" {
		t.Fatalf("charts %v", ids)
	}
	counts, shares, days := charts[0], charts[1], charts[2]
	if len(counts.Lines) != 2 || counts.Lines[0].Label != "Op tijd" || counts.Lines[1].Label != "Niet op tijd" {
		t.Errorf("count lines %+v: the sum row is drawn or a row is missing", counts.Lines)
	}
	if counts.Max != 20 {
		t.Errorf("count scale up to %v, want 20: the Totaal column (30) is not a month", counts.Max)
	}
	if shares.Max != 100 || len(shares.Lines) != 1 {
		t.Errorf("shares: max %v, lines %+v", shares.Max, shares.Lines)
	}
	if strings.Count(days.Lines[0].Path, "M") != 1 || strings.Count(days.Lines[0].Path, "L") != 0 || strings.Count(days.Lines[0].Marks, "Z") != 1 {
		t.Errorf("median path %q: January has no median and must be a gap", days.Lines[0].Path)
	}
	if !strings.Contains(days.Desc, "Hoogste waarde: 11–15 werkdagen (Mediaan, februari 2026)") {
		t.Errorf("median description %q", days.Desc)
	}
	if counts.Title != "Opvolging van matches, aantallen: verloop per maand" || counts.Axis != "aantal" {
		t.Errorf("title %q, axis %q", counts.Title, counts.Axis)
	}
}

// TestATrendWithoutAnyValueHasNoChart: the table under it says so; a row
// without a value in a table of shares is a line of gaps in the legend.
func TestATrendWithoutAnyValueHasNoChart(t *testing.T) {
	jan := monitoring.Month{Year: 2026, Month: 1}
	rep := monitoring.Report{Periods: []monitoring.Period{{Label: "januari 2026", From: jan, To: jan}}}
	tab := monitoring.Table{ID: "x", Title: "X", Rows: []monitoring.Row{{Label: "Onderwijs", Values: []monitoring.Value{unknownValue}}}}
	if c := trendCharts(rep, tab); len(c) != 0 {
		t.Errorf("%d charts of nothing", len(c))
	}
	tab.Rows = append(tab.Rows, monitoring.Row{Label: "Wijkteam", Values: []monitoring.Value{n(monitoring.Percent, 80, "80%")}})
	c := trendCharts(rep, tab)
	if len(c) != 1 || len(c[0].Lines) != 2 || c[0].Lines[1].Label != "Onderwijs" || c[0].Lines[1].Path != "" {
		t.Errorf("charts %+v", c)
	}
}
