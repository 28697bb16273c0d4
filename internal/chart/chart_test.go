package chart

import (
	"fmt"
	"strings"
	"testing"
)

func known(vs ...float64) []Point {
	out := make([]Point, len(vs))
	for i, v := range vs {
		out[i] = Point{V: v, Known: v >= 0}
	}
	return out
}

// TestTheScaleEndsAtARoundNumberAtOrAboveTheHighestValue: at most five
// steps of 1, 2 or 5 times a power of ten; shares always 0 to 100.
func TestTheScaleEndsAtARoundNumberAtOrAboveTheHighestValue(t *testing.T) {
	for _, c := range []struct {
		highest   float64
		unit      Unit
		top, step float64
	}{
		{0, Count, 5, 1},
		{3, Count, 3, 1},
		{5, Count, 5, 1},
		{7, Count, 8, 2},
		{45, Count, 50, 10},
		{55, Count, 60, 20},
		{240, Count, 250, 50},
		{1234, Count, 1500, 500},
		{35, Percent, 100, 25},
		{0, Percent, 100, 25},
		{12, Days, 15, 5},
	} {
		top, step := scale(c.highest, c.unit)
		if top != c.top || step != c.step {
			t.Errorf("scale(%v, %v) = %v, %v; want %v, %v", c.highest, c.unit, top, step, c.top, c.step)
		}
		if top < c.highest {
			t.Errorf("scale(%v) ends below the highest value at %v", c.highest, top)
		}
	}
}

// TestTheHighestValueReachesTheTopOfTheScale: a value equal to the scale's
// top lies on the plot's top edge, zero on its bottom edge, and the y ticks
// run from 0 at the bottom to the top.
func TestTheHighestValueReachesTheTopOfTheScale(t *testing.T) {
	c := Make(Input{Unit: Count, Labels: []string{"jan 26", "feb 26"}, Series: []Series{{Label: "Signaal", Points: known(0, 50)}}})
	if c.Max != 50 {
		t.Fatalf("max %v, want 50", c.Max)
	}
	want := "M" + f(c.x(0, 2)) + " " + f(c.Bottom) + "L" + f(c.x(1, 2)) + " " + f(c.Top)
	if got := c.Lines[0].Path; got != want {
		t.Errorf("path %q, want %q", got, want)
	}
	if first, last := c.YTicks[0], c.YTicks[len(c.YTicks)-1]; first.Label != "0" || first.Pos != c.Bottom || last.Label != "50" || last.Pos != c.Top {
		t.Errorf("y ticks %+v", c.YTicks)
	}
	if len(c.YTicks) != 6 {
		t.Errorf("%d y ticks, want 0, 10, ..., 50", len(c.YTicks))
	}
}

// f writes a coordinate as the paths do.
func f(v float64) string { return fmt.Sprintf("%.1f", v) }

// TestAMonthWithoutAValueIsAGapNotABridge: the line moves across an unknown
// value instead of drawing through it, and a lone value between gaps still
// gets its marker.
func TestAMonthWithoutAValueIsAGapNotABridge(t *testing.T) {
	c := Make(Input{Unit: Percent, Labels: []string{"a", "b", "c", "d", "e"}, Series: []Series{{Label: "Op tijd", Points: known(50, 60, -1, 70, -1)}}})
	l := c.Lines[0]
	if got := strings.Count(l.Path, "M"); got != 2 {
		t.Errorf("path %q has %d moves, want 2 (one after the gap)", l.Path, got)
	}
	if got := strings.Count(l.Path, "L"); got != 1 {
		t.Errorf("path %q has %d line segments, want 1 (a to b only)", l.Path, got)
	}
	if got := strings.Count(l.Marks, "Z"); got != 3 {
		t.Errorf("%d markers, want one per known value (3)", got)
	}
	if !strings.Contains(l.Path, "M"+f(c.x(3, 5))+" ") {
		t.Errorf("path %q does not start again at d", l.Path)
	}
}

// TestAnEmptyChartHasAnAxisAndSaysItHasNoFigures: no series, or only
// unknown values, still gives a scale and a description.
func TestAnEmptyChartHasAnAxisAndSaysItHasNoFigures(t *testing.T) {
	for _, in := range []Input{
		{Unit: Count, Labels: []string{"jan 26"}},
		{Unit: Days, Labels: []string{"jan 26", "feb 26"}, Series: []Series{{Label: "Mediaan", Points: known(-1, -1)}}},
		{Unit: Count},
	} {
		c := Make(in)
		if c.Max <= 0 || len(c.YTicks) < 2 {
			t.Errorf("%+v: max %v, ticks %v", in, c.Max, c.YTicks)
		}
		for _, l := range c.Lines {
			if l.Path != "" || l.Marks != "" {
				t.Errorf("an unknown series is drawn: %+v", l)
			}
		}
		if !strings.Contains(c.Desc, "Nog geen cijfers.") {
			t.Errorf("desc %q", c.Desc)
		}
	}
}

// TestTheDescriptionNamesTheHighestAndTheLastValues.
func TestTheDescriptionNamesTheHighestAndTheLastValues(t *testing.T) {
	c := Make(Input{Unit: Count, Labels: []string{"jan 26", "feb 26", "mrt 26"}, Names: []string{"januari 2026", "februari 2026", "maart 2026"},
		Series: []Series{{Label: "Signaal", Points: known(10, 1250, 20)}, {Label: "Ketenregistratie", Points: known(5, 5, -1)}}})
	for _, s := range []string{"van januari 2026 tot en met maart 2026", "Hoogste waarde: 1.250 (Signaal, februari 2026)", "Maart 2026: Signaal: 20; Ketenregistratie: te weinig om iets te zeggen."} {
		if !strings.Contains(c.Desc, s) {
			t.Errorf("desc %q lacks %q", c.Desc, s)
		}
	}
	d := Make(Input{Unit: Days, Labels: []string{"jan 26"}, Series: []Series{{Label: "Mediaan", Points: known(3)}}})
	if !strings.Contains(d.Desc, "Hoogste waarde: 3 werkdagen") {
		t.Errorf("desc %q", d.Desc)
	}
}

// TestAtMostEightMonthsAreLabelledAndTheLastAlways: 24 months get every
// third label, ending with the last month.
func TestAtMostEightMonthsAreLabelledAndTheLastAlways(t *testing.T) {
	labels := make([]string, 24)
	for i := range labels {
		labels[i] = string(rune('A' + i))
	}
	c := Make(Input{Unit: Count, Labels: labels})
	if len(c.XTicks) != 8 || c.XTicks[7].Label != "X" || c.XTicks[0].Label != "C" {
		t.Errorf("x ticks %+v", c.XTicks)
	}
	if c.XTicks[0].Pos <= c.Left || c.XTicks[7].Pos >= c.Right {
		t.Errorf("x ticks outside the plot: %+v", c.XTicks)
	}
}

// TestAChartDrawsAtMostSixSeriesTheLargest: the others are counted as
// omitted, named in the description, and the order stays the table's.
func TestAChartDrawsAtMostSixSeriesTheLargest(t *testing.T) {
	var in Input
	in.Labels = []string{"jan 26"}
	for i, v := range []float64{5, 50, 10, 40, 0, 30, 20, 15} {
		in.Series = append(in.Series, Series{Label: string(rune('a' + i)), Points: known(v)})
	}
	c := Make(in)
	var got []string
	for _, l := range c.Lines {
		got = append(got, l.Label)
	}
	if strings.Join(got, "") != "bcdfgh" || c.Omitted != 2 {
		t.Errorf("drawn %v, omitted %d; want b c d f g h and 2", got, c.Omitted)
	}
	if !strings.Contains(c.Desc, "2 andere staan alleen in de tabel") {
		t.Errorf("desc %q", c.Desc)
	}
	for i, l := range c.Lines {
		if l.Style != i {
			t.Errorf("line %d has style %d", i, l.Style)
		}
	}
}

func TestFormatWritesDutchNumbers(t *testing.T) {
	for _, c := range []struct {
		v    float64
		u    Unit
		unit bool
		want string
	}{
		{1250, Count, true, "1.250"}, {1234567, Count, false, "1.234.567"}, {80, Percent, true, "80 %"},
		{80, Percent, false, "80"}, {1, Days, true, "1 werkdag"}, {2.5, Days, true, "2,5 werkdagen"}, {0, Count, true, "0"},
	} {
		if got := Format(c.v, c.u, c.unit); got != c.want {
			t.Errorf("Format(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}
