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
	// Vaso Olympia, born 2019-04-01, age 7, with the secrecy indicator
	// (indicatie geheim 7): the one person TestPersons changes, see there.
	// She lives with her father Thanatos Olympos (999995091) and her
	// brothers, the triplets BSNSecretSibling and Theofilaktos Olympos
	// (999996447), at 0109 Coevorden, 8646TK 86.
	BSNSecret = "999996459"
	// Dimitris Olympos, born 2019-04-01, age 7: Vaso's brother, not secret.
	BSNSecretSibling = "999996435"
	// Jan de Jager (999994931, born 1970) and Anita Jansen (999994785, born
	// 1971) carry the secrecy indicator in RvIG's set itself (07.70.10 is 7);
	// they live at 2548AE 1485 with their sons Jaffe (999992107, born 2005)
	// and Zeus de Jager (999992120, born 2003), who do not.
	BSNSecretParent = "999994931"
)

// secretYouths are the youths TestPersons marks secret. RvIG's test set gives
// the secrecy indicator (07.70.10) to 45 person lists, every one born
// before 1997: none is a youth the index could register. So that a youth with
// a secret address can be tested end to end (the local register, the BRP API
// stand-in and the demo all serve TestPersons), this one is marked here, with
// the code 7 that many of RvIG's secret persons have.
var secretYouths = map[string]bool{BSNSecret: true}

// TestDay is the day on which the ages above hold: 2026-11-23.
func TestDay() time.Time {
	return time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
}

// TestPersons returns the persons of RvIG's public test set as the import
// reads them, for other packages' tests and the demo, with one change: the
// youth BSNSecret carries the secrecy indicator (see secretYouths). It panics
// if the embedded set cannot be read, which a test in this package rules out.
func TestPersons() []Record {
	records, _, err := Read(rvig.TestSet())
	if err != nil {
		panic(fmt.Sprintf("population: embedded RvIG test set: %v", err))
	}
	for i := range records {
		if secretYouths[records[i].Person.BSN] {
			records[i].Person.Secret = true
		}
	}
	return records
}
