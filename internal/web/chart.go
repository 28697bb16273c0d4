package web

import (
	"github.com/jeugdketen/jeugdketen/internal/chart"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
)

// trendChart is one chart of a table's monthly trend: the table's rows of
// one unit (counts, shares or working days, each on its own scale).
type trendChart struct {
	chart.Chart
	ID    string // for the ids of its title and description
	Title string
	Axis  string // what the y axis counts
}

// units are a trend's units in the order its charts come, with the axis
// title and what a chart's title adds when a table has more than one.
var units = []struct {
	kind       monitoring.ValueKind
	unit       chart.Unit
	axis, part string
}{
	{monitoring.Count, chart.Count, "aantal", "aantallen"},
	{monitoring.Percent, chart.Percent, "procent", "aandeel"},
	{monitoring.Days, chart.Days, "werkdagen", "mediaan in werkdagen"},
}

// trendCharts are the charts of trend table t: its rows but the sums (the
// sums alone when it has nothing else), one chart per unit, a gap where a
// value is too uncertain to give. No chart when nothing is known at all: the
// table under it says so.
func trendCharts(rep monitoring.Report, t monitoring.Table) []trendChart {
	n := len(rep.Periods)
	labels, names := make([]string, n), make([]string, n)
	for i, p := range rep.Periods {
		labels[i], names[i] = p.From.Short(), p.Label
	}
	rows := make([]monitoring.Row, 0, len(t.Rows))
	for _, r := range t.Rows {
		if !r.Sum {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		rows = t.Rows
	}
	groups := map[monitoring.ValueKind][]chart.Series{}
	var unknown []chart.Series // rows with no value to give at all
	for _, r := range rows {
		s, kind := series(r, n)
		if kind == monitoring.None {
			unknown = append(unknown, s)
			continue
		}
		groups[kind] = append(groups[kind], s)
	}
	// A row without a single value belongs with the table's other shares
	// or medians when there is one such chart; it adds a line with only
	// gaps, so the legend still names it.
	if len(groups[monitoring.Percent]) > 0 != (len(groups[monitoring.Days]) > 0) {
		k := monitoring.Percent
		if len(groups[k]) == 0 {
			k = monitoring.Days
		}
		groups[k] = append(groups[k], unknown...)
	}
	several := len(groups) > 1
	var out []trendChart
	for _, u := range units {
		ss := groups[u.kind]
		if len(ss) == 0 {
			continue
		}
		title := t.Title + ": verloop per maand"
		if several {
			title = t.Title + ", " + u.part + ": verloop per maand"
		}
		c := chart.Make(chart.Input{Unit: u.unit, Labels: labels, Names: names, Series: ss})
		out = append(out, trendChart{Chart: c, ID: "grafiek-" + t.ID + "-" + string(u.kind), Title: title, Axis: u.axis})
	}
	return out
}

// series is a row's values over the first n columns (the Totaal column
// left out) and the kind of its known values; None when it has none.
func series(r monitoring.Row, n int) (chart.Series, monitoring.ValueKind) {
	s := chart.Series{Label: r.Label, Points: make([]chart.Point, n)}
	kind := monitoring.None
	for i := 0; i < n && i < len(r.Values); i++ {
		v := r.Values[i]
		if v.Kind == monitoring.None {
			continue
		}
		s.Points[i] = chart.Point{V: float64(v.N), Known: true, Text: v.Text}
		kind = v.Kind
	}
	return s, kind
}
