package chart

import (
	"fmt"
	"strconv"
	"strings"
)

// describe says in Dutch what the chart shows, for its <desc>: the
// columns, the highest value with its series and column, and every
// series' value in the last column.
func describe(in Input, series []Series, omitted int) string {
	name := func(i int) string {
		if i < len(in.Names) && in.Names[i] != "" {
			return in.Names[i]
		}
		if i < len(in.Labels) {
			return in.Labels[i]
		}
		return strconv.Itoa(i + 1)
	}
	n := columns(in)
	var b strings.Builder
	fmt.Fprintf(&b, "Lijngrafiek van %s tot en met %s.", name(0), name(n-1))
	if omitted > 0 {
		fmt.Fprintf(&b, " De %d categorieën met de hoogste aantallen; %d andere staan alleen in de tabel.", len(series), omitted)
	}
	say := func(p Point) string {
		if p.Text != "" {
			return p.Text
		}
		return Format(p.V, in.Unit, true)
	}
	best, bestS, bestI := 0.0, -1, 0
	for si, s := range series {
		for i, p := range s.Points {
			if p.Known && (bestS < 0 || p.V > best) {
				best, bestS, bestI = p.V, si, i
			}
		}
	}
	if bestS < 0 {
		b.WriteString(" Nog geen cijfers.")
		return b.String()
	}
	fmt.Fprintf(&b, " Hoogste waarde: %s (%s, %s).", say(series[bestS].Points[bestI]), series[bestS].Label, name(bestI))
	var last []string
	for _, s := range series {
		v := "te weinig om iets te zeggen"
		if n-1 < len(s.Points) && s.Points[n-1].Known {
			v = say(s.Points[n-1])
		}
		last = append(last, s.Label+": "+v)
	}
	fmt.Fprintf(&b, " %s: %s.", capitalise(name(n-1)), strings.Join(last, "; "))
	return b.String()
}

// Format writes a value the Dutch way: "1.250", "80 %", "3 werkdagen";
// with unit false the unit is left off (the axis says it).
func Format(v float64, u Unit, unit bool) string {
	s := dutch(v)
	switch {
	case !unit:
		return s
	case u == Percent:
		return s + " %"
	case u == Days && v == 1:
		return s + " werkdag"
	case u == Days:
		return s + " werkdagen"
	}
	return s
}

// dutch writes a number with a decimal comma and a dot between thousands.
func dutch(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "." + whole[i:]
	}
	if neg {
		whole = "-" + whole
	}
	if frac != "" {
		return whole + "," + frac
	}
	return whole
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
