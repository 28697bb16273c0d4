package population

import (
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/population/rvig"
)

// Persons of RvIG's test set for other packages' tests, chosen by their age on
// TestDay (2026-11-23). None has a suspended person list (not deceased, not
// emigrated). The set was made in 2022: its youngest person is born
// 2020-02-15, so nobody is under 4 on TestDay; a test that needs a toddler
// sets its clock earlier (BSNYoungest is 2 on 2022-11-23).
const (
	// Victoria Braveheart, born 2020-02-15, age 6: the youngest in the set.
	// 0599 Rotterdam, 3074LA 5.
	BSNYoungest = "999990342"
	// Vincent Frederik Declan Charbon, born 2017-01-06, age 9 (4–11).
	// 0518 's-Gravenhage, 2551KH 48.
	BSNChild = "999996629"
	// Jason Mastenbroek, born 2012-12-30, age 13 (12–17).
	// 0518, 3596CZ 80.
	BSNTeen = "999998006"
	// Roos Janssen, born 2007-07-26, age 19 (18–23).
	// 0518, 2572NR 2.
	BSNYoungAdult = "999995145"
	// Fuçili Anton Truus van der Sommen, born 2008-02-29, age 18: a leap-day
	// birth (turned 18 on 2026-03-01). 0599, 3938SX 1C.
	BSNLeapDay = "900194042"
	// Loki Asgaard, born 2002-12-20, age 23: turns 24 on 2026-12-20, the
	// soonest of anyone in the set after TestDay (his siblings Njord, Freya
	// and Odin share the birthday). 0530, 3225VG 55.
	BSNTurns24Soon = "999992144"
	// Suzanne Moulin, born 1985-12-01, age 40: an adult, not a youth.
	// 0599 Rotterdam, 3077AW 31.
	BSNAdult = "999993653"
	// Daan Groot Esselink, born 2013-12-06, age 12, and Hein Groot Esselink,
	// born 2020-01-20, age 6: children of BSNParent and of 999999357 (Wilma
	// Haverkamp), all four at 0599, 3032CG 651.
	BSNSibling1 = "999999370"
	BSNSibling2 = "999999412"
	// Johan Groot Esselink, born 1985-05-27, age 41: parent of the siblings.
	BSNParent = "999999345"
)

// TestDay is the day on which the ages above hold: 2026-11-23.
func TestDay() time.Time {
	return time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
}

// TestPersons returns the persons of RvIG's public test set as the import
// reads them, for other packages' tests and the demo. It panics if the
// embedded set cannot be read, which a test in this package rules out.
func TestPersons() []Record {
	records, _, err := Read(rvig.TestSet())
	if err != nil {
		panic(fmt.Sprintf("population: embedded RvIG test set: %v", err))
	}
	return records
}
