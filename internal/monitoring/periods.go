package monitoring

import "fmt"

// periods splits the query's months into its columns. A quarter or year
// that the query cuts is clipped to the query's months.
func periods(q Query) []Period {
	var out []Period
	for m := q.From; !q.To.Before(m); m = m.Add(1) {
		label, key := m.Label(), m.String()
		switch q.Group {
		case ByQuarter:
			n := (int(m.Month)-1)/3 + 1
			label, key = fmt.Sprintf("%de kwartaal %d", n, m.Year), fmt.Sprintf("%d-K%d", m.Year, n)
		case ByYear:
			label, key = fmt.Sprint(m.Year), fmt.Sprint(m.Year)
		}
		if len(out) > 0 && periodKey(out[len(out)-1], q.Group) == key {
			out[len(out)-1].To = m
			continue
		}
		out = append(out, Period{Label: label, From: m, To: m})
	}
	return out
}

func periodKey(p Period, g Grouping) string {
	switch g {
	case ByQuarter:
		return fmt.Sprintf("%d-K%d", p.From.Year, (int(p.From.Month)-1)/3+1)
	case ByYear:
		return fmt.Sprint(p.From.Year)
	}
	return p.From.String()
}
