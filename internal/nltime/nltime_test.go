package nltime_test

import (
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/nltime"
)

func TestDatesAreWrittenInDutchInDutchTime(t *testing.T) {
	summer := time.Date(2026, 7, 14, 12, 5, 0, 0, time.UTC)         // 14:05 in Amsterdam (CEST)
	winter := time.Date(2026, 12, 1, 13, 30, 0, 0, time.UTC)        // 14:30 in Amsterdam (CET)
	newYearsEve := time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC)  // already 1 January there
	endOfDay := time.Date(2026, 12, 1, 22, 59, 59, 999e6, time.UTC) // 23:59 in Amsterdam
	birth := time.Date(2014, 3, 3, 0, 0, 0, 0, time.UTC)            // a calendar day
	for _, c := range []struct{ name, got, want string }{
		{"Date summer", nltime.Date(summer), "14 juli 2026"},
		{"DateTime summer", nltime.DateTime(summer), "14 juli 2026, 14:05"},
		{"DateTime winter", nltime.DateTime(winter), "1 december 2026, 14:30"},
		{"Date new year's eve", nltime.Date(newYearsEve), "1 januari 2027"},
		{"DateTime new year's eve", nltime.DateTime(newYearsEve), "1 januari 2027, 00:30"},
		{"Deadline in hours", nltime.Deadline(winter), "dinsdag 1 december 2026, 14:30"},
		{"Deadline end of day", nltime.Deadline(endOfDay), "dinsdag 1 december 2026"},
		{"CalendarDate", nltime.CalendarDate(birth), "3 maart 2014"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
}

func TestTodayIsTheDutchCalendarDayAtMidnightUTC(t *testing.T) {
	got := nltime.Today(time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC))
	if want := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC); !got.Equal(want) || got.Location() != time.UTC {
		t.Fatalf("Today = %v, want %v", got, want)
	}
	got = nltime.Today(time.Date(2026, 7, 14, 21, 59, 0, 0, time.UTC)) // 23:59 CEST
	if want := time.Date(2026, 7, 14, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Fatalf("Today = %v, want %v", got, want)
	}
}
