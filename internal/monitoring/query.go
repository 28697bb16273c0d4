package monitoring

import (
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Month is a calendar month. Periods are whole months: a figure for a part
// of a month could be subtracted from the month's to work back a few days.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf is the month, in the Netherlands, of moment t.
func MonthOf(t time.Time) Month {
	t = t.In(amsterdam)
	return Month{t.Year(), t.Month()}
}

// ParseMonth reads "2026-03".
func ParseMonth(s string) (Month, bool) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return Month{}, false
	}
	return Month{t.Year(), t.Month()}, true
}

func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// Add is the month n months later (earlier when n is negative).
func (m Month) Add(n int) Month {
	t := time.Date(m.Year, m.Month+time.Month(n), 1, 12, 0, 0, 0, time.UTC)
	return Month{t.Year(), t.Month()}
}

// Before tells whether m comes before o.
func (m Month) Before(o Month) bool { return m.index() < o.index() }

func (m Month) index() int { return m.Year*12 + int(m.Month) - 1 }

// Start is the first moment of the month in the Netherlands; End the first
// moment after it.
func (m Month) Start() time.Time { return time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, amsterdam) }
func (m Month) End() time.Time   { return m.Add(1).Start() }

// Label is the month in Dutch: "maart 2026".
func (m Month) Label() string { return monthNames[m.Month-1] + " " + fmt.Sprint(m.Year) }

// Short is the month in a chart's axis: "mrt 26".
func (m Month) Short() string {
	return monthNames[m.Month-1][:3] + " " + fmt.Sprintf("%02d", m.Year%100)
}

var monthNames = []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

var amsterdam = mustZone("Europe/Amsterdam")

func mustZone(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

// Grouping is how a period is split into columns.
type Grouping string

const (
	ByMonth   Grouping = "maand"
	ByQuarter Grouping = "kwartaal"
	ByYear    Grouping = "jaar"
)

// Query is what a monitoring page, CSV, PDF or API call asks for: the
// months From to To (both included), split by Group, for one municipality
// (a CBS code) or, empty, every municipality the reader may see.
type Query struct {
	From, To     Month
	Group        Grouping
	Municipality string
}

// MaxMonths is the longest period one query covers.
const MaxMonths = 60

// ParseQuery reads a query as the page and the API take it: van and tot as
// "JJJJ-MM" (default: the twelve months up to the last month made, last),
// groep "maand", "kwartaal" or "jaar" (default "maand"), gemeente a
// municipality code or empty. A wrong value is an EINVALID error naming the
// field, in Dutch.
func ParseQuery(van, tot, groep, gemeente string, last Month) (Query, error) {
	q := Query{From: last.Add(-11), To: last, Group: ByMonth, Municipality: gemeente}
	var bad []model.InvalidParam
	if van != "" {
		m, ok := ParseMonth(van)
		if !ok {
			bad = append(bad, model.InvalidParam{Name: "van", Reason: "Geef een maand als JJJJ-MM, bijvoorbeeld 2026-01: de cijfers gaan over hele maanden."})
		}
		q.From = m
	}
	if tot != "" {
		m, ok := ParseMonth(tot)
		if !ok {
			bad = append(bad, model.InvalidParam{Name: "tot", Reason: "Geef een maand als JJJJ-MM, bijvoorbeeld 2026-06: de cijfers gaan over hele maanden."})
		}
		q.To = m
	}
	switch Grouping(groep) {
	case "":
	case ByMonth, ByQuarter, ByYear:
		q.Group = Grouping(groep)
	default:
		bad = append(bad, model.InvalidParam{Name: "groep", Reason: "Kies maand, kwartaal of jaar."})
	}
	if len(bad) == 0 {
		switch {
		case q.To.Before(q.From):
			bad = append(bad, model.InvalidParam{Name: "tot", Reason: "De laatste maand ligt voor de eerste."})
		case q.To.index()-q.From.index()+1 > MaxMonths:
			bad = append(bad, model.InvalidParam{Name: "van", Reason: fmt.Sprintf("Kies een periode van hoogstens %d maanden.", MaxMonths)})
		}
	}
	if len(bad) > 0 {
		return Query{}, model.Invalid("De periode klopt niet.", bad...)
	}
	return q, nil
}
