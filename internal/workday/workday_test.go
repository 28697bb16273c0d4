package workday

import (
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/nltime"
)

func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, nltime.Amsterdam)
	if err != nil {
		panic(err)
	}
	return t
}

func TestHolidaysAreNotWorkdays(t *testing.T) {
	for _, tc := range []struct {
		day     string
		holiday string
	}{
		{"2026-01-01", "Nieuwjaarsdag"},
		{"2026-04-03", "Goede Vrijdag"},
		{"2026-04-06", "Tweede Paasdag"},
		{"2026-04-27", "Koningsdag"},
		{"2025-04-26", "Koningsdag"}, // 27 April 2025 is a Sunday: King's Day moves to Saturday
		{"2026-05-05", "Bevrijdingsdag"},
		{"2026-05-14", "Hemelvaartsdag"},
		{"2026-05-25", "Tweede Pinksterdag"},
		{"2026-12-25", "Eerste Kerstdag"},
		{"2026-12-28", ""}, // Monday after Christmas: an ordinary working day
	} {
		if got := Holiday(day(tc.day)); got != tc.holiday {
			t.Errorf("Holiday(%s) = %q, want %q", tc.day, got, tc.holiday)
		}
		if tc.holiday != "" && IsWorkday(day(tc.day)) {
			t.Errorf("%s (%s) counted as a working day", tc.day, tc.holiday)
		}
	}
	if IsWorkday(day("2026-11-28")) || IsWorkday(day("2026-11-29")) {
		t.Error("a weekend day counted as a working day")
	}
	if !IsWorkday(day("2026-11-23")) {
		t.Error("Monday 23 November 2026 not a working day")
	}
}

func TestAddSkipsWeekendsAndHolidays(t *testing.T) {
	for _, tc := range []struct {
		from string
		n    int
		want string
	}{
		{"2026-11-23", 2, "2026-11-25"}, // Monday + 2: Wednesday
		{"2026-11-26", 2, "2026-11-30"}, // Thursday + 2: Monday, over the weekend
		{"2026-11-28", 1, "2026-11-30"}, // Saturday + 1: Monday
		{"2026-04-02", 1, "2026-04-07"}, // Maundy Thursday + 1: over Good Friday, the weekend and Easter Monday
		{"2026-04-24", 2, "2026-04-29"}, // Friday before King's Day (Monday 27 April)
		{"2026-12-24", 2, "2026-12-29"}, // Christmas Eve + 2: over Christmas and the weekend
		{"2026-12-31", 1, "2027-01-04"}, // New Year's Eve + 1: over New Year's Day and the weekend
		{"2026-05-01", 5, "2026-05-11"}, // over Liberation Day
		{"2026-11-23", 0, "2026-11-23"},
	} {
		got := Add(day(tc.from), tc.n)
		if got.Format("2006-01-02") != tc.want {
			t.Errorf("Add(%s, %d) = %s, want %s", tc.from, tc.n, got.Format("2006-01-02"), tc.want)
		}
	}
}

func TestDeadlineIsTheEndOfTheDayInAmsterdam(t *testing.T) {
	// Thursday 26 November 2026, 23:30 UTC is already Friday in Amsterdam.
	from := time.Date(2026, 11, 26, 23, 30, 0, 0, time.UTC)
	got := Deadline(from, 2)
	want := time.Date(2026, 12, 1, 22, 59, 59, 999e6, time.UTC) // Tuesday 23:59:59.999 CET
	if !got.Equal(want) {
		t.Errorf("Deadline = %s, want %s", got.UTC(), want)
	}
	// Across the change to summer time (29 March 2026): Friday 27 March + 1 = Monday 30 March, CEST.
	got = Deadline(day("2026-03-27"), 1)
	want = time.Date(2026, 3, 30, 21, 59, 59, 999e6, time.UTC)
	if !got.Equal(want) {
		t.Errorf("Deadline over summer time = %s, want %s", got.UTC(), want)
	}
}

func TestBetweenCountsWorkingDays(t *testing.T) {
	for _, tc := range []struct {
		from, to string
		want     int
	}{
		{"2026-11-23", "2026-11-23", 0},
		{"2026-11-23", "2026-11-30", 5},
		{"2026-04-02", "2026-04-07", 1}, // Easter
		{"2026-12-23", "2027-01-04", 6}, // 24, 28, 29, 30, 31 December and 4 January
		{"2026-11-30", "2026-11-23", 0},
	} {
		if got := Between(day(tc.from), day(tc.to)); got != tc.want {
			t.Errorf("Between(%s, %s) = %d, want %d", tc.from, tc.to, got, tc.want)
		}
	}
}
