package web_test

import (
	"sync"

	"github.com/jeugdketen/jeugdketen/internal/population"
)

var (
	birthDatesOnce sync.Once
	birthDates     map[string]string
)

// birthDate is a test person's birth date as the register form's date field
// sends it (2012-12-30), so that tests register through the form with the
// BSN alone; "" for a BSN the test population does not know.
func birthDate(bsn string) string {
	birthDatesOnce.Do(func() {
		birthDates = map[string]string{}
		for _, r := range population.TestPersons() {
			birthDates[r.Person.BSN] = r.Person.BirthDate.Format("2006-01-02")
		}
	})
	return birthDates[bsn]
}

// birthDateOr is birthDate, or otherwise for a BSN nobody has.
func birthDateOr(bsn, otherwise string) string {
	if d := birthDate(bsn); d != "" {
		return d
	}
	return otherwise
}
