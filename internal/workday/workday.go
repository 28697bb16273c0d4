// Package workday counts Dutch working days: Monday to Friday, except the
// public holidays of the Algemene termijnenwet (New Year's Day, Good Friday,
// Easter Monday, King's Day, Liberation Day, Ascension Day, Whit Monday and
// Christmas). Deadlines of the coordinator's job and of the escalation
// procedure ("binnen twee werkdagen") are counted with it, on the calendar of
// Europe/Amsterdam whatever the server's zone.
package workday

import (
	"time"
	_ "time/tzdata" // the server may lack a zone database

	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/nl"
)

// calendar has no cache (cal.Calendar.Cacheable is false), so it is safe for
// concurrent use.
var calendar = func() *cal.BusinessCalendar {
	c := cal.NewBusinessCalendar()
	c.AddHoliday(nl.Holidays...)
	return c
}()

// Day is the calendar day of t in Amsterdam, at midnight there.
func Day(t time.Time) time.Time {
	t = t.In(nltime.Amsterdam)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, nltime.Amsterdam)
}

// IsWorkday reports whether the Amsterdam day of t is a working day.
func IsWorkday(t time.Time) bool {
	return calendar.IsWorkday(noon(t))
}

// Holiday returns the Dutch name of the public holiday on the Amsterdam day
// of t, or "" when there is none.
func Holiday(t time.Time) string {
	_, observed, h := calendar.IsHoliday(noon(t))
	if !observed || h == nil {
		return ""
	}
	return h.Name
}

// Add returns the day (midnight, Amsterdam) that is n working days after the
// day of t; the day of t itself does not count, whether or not it is a
// working day. Add(friday, 1) is the next Monday; Add(t, 0) is the day of t.
func Add(t time.Time, n int) time.Time {
	if n <= 0 {
		return Day(t)
	}
	return Day(calendar.WorkdaysFrom(noon(t), n))
}

// Deadline is the last moment of the n-th working day after the day of t:
// "binnen twee werkdagen" from a Thursday means before Tuesday ends.
func Deadline(t time.Time, n int) time.Time {
	d := Add(t, n)
	return time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, nltime.Amsterdam).Add(-time.Millisecond)
}

// Between counts the working days after the day of from up to and including
// the day of to; 0 when to is not after from.
func Between(from, to time.Time) int {
	n := 0
	for d := Day(from).AddDate(0, 0, 1); !d.After(Day(to)); d = d.AddDate(0, 0, 1) {
		if IsWorkday(d) {
			n++
		}
	}
	return n
}

// noon keeps the calendar away from midnight, where a change to or from
// summer time could move a day.
func noon(t time.Time) time.Time {
	d := Day(t)
	return time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, nltime.Amsterdam)
}
