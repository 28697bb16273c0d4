package model

import (
	"testing"
	"time"
)

func TestPeriodsAreReadInCalendarUnits(t *testing.T) {
	for in, want := range map[string]Period{
		"2y": {Years: 2}, "18m": {Months: 18}, "1y6m": {Years: 1, Months: 6}, "730d": {Days: 730}, " 2J ": {Years: 2},
	} {
		got, err := ParsePeriod(in)
		if err != nil || got != want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", in, got, err, want)
		}
		if again, _ := ParsePeriod(got.String()); again != got {
			t.Errorf("%v does not survive String: %q", got, got.String())
		}
	}
	for _, bad := range []string{"", "2", "y", "2w", "0d", "2 jaar", "-1y"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) accepted", bad)
		}
	}
}

func TestTwoYearsAreCountedOnTheCalendar(t *testing.T) {
	leap := time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC)
	if got := (Period{Years: 2}).AddTo(leap); got.Format("2006-01-02") != "2030-03-01" {
		t.Errorf("two years from 29 February 2028 = %s", got.Format("2006-01-02"))
	}
	if got := (Period{Years: 2}).AddTo(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)); got.Format("2006-01-02") != "2028-11-23" {
		t.Errorf("two years from 23 November 2026 = %s", got.Format("2006-01-02"))
	}
}

func TestInformingRulesNameTheField(t *testing.T) {
	cases := []struct {
		parents, youth Informed
		age            int
		fields         []string
	}{
		{InformedYes, InformedNotApplicable, 11, nil},
		{InformedDisagrees, InformedYes, 12, nil},
		{InformedNotApplicable, InformedYes, 18, nil},
		{InformedYes, InformedNotApplicable, 12, []string{"jeugdige"}},
		{InformedNotApplicable, InformedYes, 17, []string{"ouders"}},
		{"onbekend", "ook", 15, []string{"ouders", "jeugdige"}},
		{InformedNotApplicable, InformedNotApplicable, -1, nil}, // age unknown: only the list is checked
	}
	for _, c := range cases {
		var got []string
		for _, p := range CheckInformed(c.parents, c.youth, c.age) {
			got = append(got, p.Name)
		}
		if len(got) != len(c.fields) || (len(got) > 0 && got[0] != c.fields[0]) {
			t.Errorf("CheckInformed(%q, %q, %d) names %v, want %v", c.parents, c.youth, c.age, got, c.fields)
		}
	}
	if DefaultParentsInformed(17) != InformedNotYet || DefaultParentsInformed(18) != InformedNotApplicable ||
		DefaultYouthInformed(11) != InformedNotApplicable || DefaultYouthInformed(12) != InformedNotYet {
		t.Error("defaults do not follow the ages 12 and 18")
	}
}
