// Package chart works out the geometry of the line charts the monitoring
// pages draw as SVG: the scale, the tick marks, each series' path with its
// gaps and markers, and a description in words. It draws nothing itself: a
// template turns a Chart into SVG elements, so the markup stays with the
// page's other markup and the numbers can be tested without parsing SVG.
//
// A few dozen lines of geometry serve better than a chart library here: the
// charts are one kind (a monthly series per category), must be plain SVG
// with a title, a description and NL Design System colours, and must load
// nothing from outside.
package chart

import (
	"fmt"
	"math"
	"strings"
)

// Unit is what the values of a chart are; each chart has one, so counts,
// shares and working days never share a scale.
type Unit int

const (
	Count   Unit = iota // a number of registrations, youths, ...
	Percent             // 0 to 100
	Days                // working days
)

// Point is one value of a series; Known is false where there is too little
// to say, and the line has a gap there.
type Point struct {
	V     float64
	Known bool
	// Text, when set, is the value as the description says it ("11–15
	// werkdagen" for a median drawn at 11); else Format writes V.
	Text string
}

// Series is one category's values, one per column.
type Series struct {
	Label  string
	Points []Point
}

// Input is what a chart shows.
type Input struct {
	Unit Unit
	// Labels name the columns on the axis ("mrt 26"); Names in the
	// description ("maart 2026"), Labels when empty.
	Labels, Names []string
	Series        []Series
}

// MaxSeries is the most lines one chart draws: each has its own colour,
// dash and marker, and more lines would no longer be told apart. The table
// beside the chart has every category.
const MaxSeries = 6

// The chart's coordinate system (the SVG's viewBox); CSS scales it.
const (
	Width  = 720.0
	Height = 300.0
	left   = 64.0
	right  = 12.0
	top    = 12.0
	bottom = 36.0
	mark   = 4.0 // a marker's half size
)

// Chart is the geometry of one line chart, in viewBox units.
type Chart struct {
	Width, Height            float64
	Left, Right, Top, Bottom float64 // the plot area's edges
	// Max is the value at the top of the scale; the bottom is 0.
	Max    float64
	YTicks []Tick
	XTicks []Tick
	Lines  []Line
	// Omitted is how many series were left out (beyond MaxSeries).
	Omitted int
	// Desc says in words what the chart shows: the months, the highest
	// value and the last month's values.
	Desc string
}

// Tick is a mark on an axis: its position (x or y) and its label.
type Tick struct {
	Pos   float64
	Label string
}

// Line is one series as drawn.
type Line struct {
	Label string
	// Style, 0 to MaxSeries-1, picks the colour, the dash and the marker.
	Style int
	// Path is the line (SVG path data): a move at every gap, so months
	// without a value are not bridged; empty when nothing is known.
	Path string
	// Marks are the markers of every known value (SVG path data), so a
	// value between two gaps shows too.
	Marks string
	// Swatch is the marker for the legend, in a 36 by 12 box whose middle
	// line is the series' line.
	Swatch string
}

// Make works out the chart of in.
func Make(in Input) Chart {
	series, omitted := largest(in.Series, MaxSeries)
	c := Chart{Width: Width, Height: Height, Left: left, Right: Width - right, Top: top, Bottom: Height - bottom, Omitted: omitted}
	var step float64
	c.Max, step = scale(highest(series), in.Unit)
	for v := 0.0; v <= c.Max+step/2; v += step {
		c.YTicks = append(c.YTicks, Tick{c.y(v), Format(v, in.Unit, false)})
	}
	n := columns(in)
	every := (n + 7) / 8 // at most eight labels fit under the axis
	for i := 0; i < n && i < len(in.Labels); i++ {
		if (n-1-i)%every == 0 {
			c.XTicks = append(c.XTicks, Tick{c.x(i, n), in.Labels[i]})
		}
	}
	for i, s := range series {
		c.Lines = append(c.Lines, c.line(s, i, n))
	}
	c.Desc = describe(in, series, omitted)
	return c
}

// x is the centre of column i of n.
func (c Chart) x(i, n int) float64 {
	return c.Left + (float64(i)+0.5)*(c.Right-c.Left)/float64(n)
}

func (c Chart) y(v float64) float64 {
	return c.Bottom - v/c.Max*(c.Bottom-c.Top)
}

func (c Chart) line(s Series, style, n int) Line {
	var path, marks strings.Builder
	after := false // the previous column had a value
	for i, p := range s.Points {
		if !p.Known || i >= n {
			after = false
			continue
		}
		x, y := c.x(i, n), c.y(p.V)
		if after {
			fmt.Fprintf(&path, "L%.1f %.1f", x, y)
		} else {
			fmt.Fprintf(&path, "M%.1f %.1f", x, y)
		}
		after = true
		marks.WriteString(marker(style, x, y))
	}
	return Line{Label: s.Label, Style: style, Path: path.String(), Marks: marks.String(), Swatch: marker(style, 18, 6)}
}

// marker is a small shape at (x, y): circle, square, triangle, diamond,
// and again, so lines differ by more than their colour (WCAG 1.4.1).
func marker(style int, x, y float64) string {
	r := mark
	switch style % 4 {
	case 0:
		return fmt.Sprintf("M%.1f %.1fa%.0f %.0f 0 1 0 %.0f 0a%.0f %.0f 0 1 0 %.0f 0Z", x-r, y, r, r, 2*r, r, r, -2*r)
	case 1:
		return fmt.Sprintf("M%.1f %.1fh%.0fv%.0fh%.0fZ", x-r, y-r, 2*r, 2*r, -2*r)
	case 2:
		return fmt.Sprintf("M%.1f %.1fL%.1f %.1fL%.1f %.1fZ", x, y-r-1, x+r+1, y+r, x-r-1, y+r)
	}
	return fmt.Sprintf("M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ", x, y-r-1, x+r+1, y, x, y+r+1, x-r-1, y)
}

// columns is the number of columns: the labels', or the longest series'.
func columns(in Input) int {
	n := len(in.Labels)
	for _, s := range in.Series {
		n = max(n, len(s.Points))
	}
	return max(n, 1)
}

// scale is the top of the axis and the step between its ticks: a share
// always 0 to 100; a count or a number of days up to a round number at or
// above the highest value, in at most five steps of 1, 2 or 5 times a power
// of ten (never below 1: the values are whole numbers).
func scale(highest float64, u Unit) (top, step float64) {
	if u == Percent {
		return 100, 25
	}
	if highest <= 0 {
		return 5, 1
	}
	for p := 1.0; ; p *= 10 {
		for _, f := range []float64{1, 2, 5} {
			step = f * p
			if top = math.Ceil(highest/step) * step; top/step <= 5 {
				return top, step
			}
		}
	}
}

func highest(series []Series) float64 {
	h := 0.0
	for _, s := range series {
		for _, p := range s.Points {
			if p.Known {
				h = max(h, p.V)
			}
		}
	}
	return h
}

// largest keeps at most n series, those with the highest sum of known
// values, in their order; it also says how many it left out.
func largest(all []Series, n int) ([]Series, int) {
	if len(all) <= n {
		return all, 0
	}
	sum := func(s Series) float64 {
		t := 0.0
		for _, p := range s.Points {
			if p.Known {
				t += p.V
			}
		}
		return t
	}
	keep := make([]bool, len(all))
	for range n {
		best := -1
		for i, s := range all {
			if !keep[i] && (best < 0 || sum(s) > sum(all[best])) {
				best = i
			}
		}
		keep[best] = true
	}
	var out []Series
	for i, s := range all {
		if keep[i] {
			out = append(out, s)
		}
	}
	return out, len(all) - n
}

// Middle is the plot area's vertical middle, where the axis title goes.
func (c Chart) Middle() float64 { return (c.Top + c.Bottom) / 2 }
