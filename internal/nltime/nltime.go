// Package nltime holds the Netherlands' clock and calendar as users read it:
// the Europe/Amsterdam zone, today's date there, and dates written in Dutch
// ("3 maart 2026"). Every page, e-mail, report and the BRP stand-in format
// dates through it, so they agree.
//
// Calendar days (birth dates, end dates) are stored at midnight UTC; moments
// (when something happened, deadlines) are instants shown in Dutch time.
package nltime

import (
	"fmt"
	"time"
	_ "time/tzdata" // the zone works on a server without the tz database
)

// Amsterdam is the zone in which Dutch days begin and end.
var Amsterdam = mustZone("Europe/Amsterdam")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // cannot happen: time/tzdata is embedded
	}
	return loc
}

var months = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

var weekdays = [...]string{"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"}

// Today is the calendar day in the Netherlands at the instant now, as a date
// at midnight UTC (how calendar days are stored).
func Today(now time.Time) time.Time {
	y, m, d := now.In(Amsterdam).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Month is the Dutch name of the month: "maart".
func Month(m time.Month) string { return months[m-1] }

// Weekday is the Dutch name of the day of the week: "dinsdag".
func Weekday(d time.Weekday) string { return weekdays[d] }

// CalendarDate writes a calendar day as it is stored, without moving it to
// another zone: "3 maart 2026".
func CalendarDate(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), Month(t.Month()), t.Year())
}

// Date writes the Dutch day of an instant: "3 maart 2026".
func Date(t time.Time) string { return CalendarDate(t.In(Amsterdam)) }

// DateTime writes an instant in Dutch time: "3 maart 2026, 14:05".
func DateTime(t time.Time) string {
	t = t.In(Amsterdam)
	return fmt.Sprintf("%s, %02d:%02d", CalendarDate(t), t.Hour(), t.Minute())
}

// Deadline writes a deadline in Dutch time with its weekday: "dinsdag
// 1 december 2026" when it is the end of a day (23:59, working-day
// deadlines), "dinsdag 1 december 2026, 14:30" otherwise (deadlines in hours).
func Deadline(t time.Time) string {
	t = t.In(Amsterdam)
	day := Weekday(t.Weekday()) + " " + CalendarDate(t)
	if t.Hour() == 23 && t.Minute() == 59 {
		return day
	}
	return fmt.Sprintf("%s, %02d:%02d", day, t.Hour(), t.Minute())
}
