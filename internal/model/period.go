package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is a span of calendar time, such as how long a registration runs
// before it must be renewed. Calendar units, not hours: two years from
// 29 February end on 28 February (or 1 March) as a person would count.
type Period struct {
	Years, Months, Days int
}

// IsZero reports whether the period is empty.
func (p Period) IsZero() bool { return p == Period{} }

// AddTo returns the day the period after day begins.
func (p Period) AddTo(day time.Time) time.Time { return day.AddDate(p.Years, p.Months, p.Days) }

// String writes the period as ParsePeriod reads it: "2y", "1y6m", "90d".
func (p Period) String() string {
	var b strings.Builder
	for _, part := range []struct {
		n    int
		unit string
	}{{p.Years, "y"}, {p.Months, "m"}, {p.Days, "d"}} {
		if part.n != 0 {
			b.WriteString(strconv.Itoa(part.n) + part.unit)
		}
	}
	if b.Len() == 0 {
		return "0d"
	}
	return b.String()
}

// ParsePeriod reads a period written as numbers with units y (years), m
// (months) and d (days), such as "2y", "18m", "1y6m" or "730d".
func ParsePeriod(s string) (Period, error) {
	var p Period
	rest := strings.TrimSpace(strings.ToLower(s))
	if rest == "" {
		return p, fmt.Errorf("empty period; write it as 2y, 18m or 730d")
	}
	for rest != "" {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 || i == len(rest) {
			return Period{}, fmt.Errorf("period %q: write a number followed by y, m or d, such as 2y, 18m or 730d", s)
		}
		n, err := strconv.Atoi(rest[:i])
		if err != nil {
			return Period{}, fmt.Errorf("period %q: %w", s, err)
		}
		switch rest[i] {
		case 'y', 'j':
			p.Years += n
		case 'm':
			p.Months += n
		case 'd':
			p.Days += n
		default:
			return Period{}, fmt.Errorf("period %q: unknown unit %q; use y, m or d", s, rest[i])
		}
		rest = rest[i+1:]
	}
	if p.IsZero() {
		return p, fmt.Errorf("period %q is empty", s)
	}
	return p, nil
}
