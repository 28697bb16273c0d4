package population

import (
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

func TestTestPersonsMatchTheirDocumentedAges(t *testing.T) {
	m := byBSN(TestPersons())
	tests := []struct {
		bsn   string
		birth time.Time
		age   int
	}{
		{BSNYoungest, date(2020, 2, 15), 6},
		{BSNChild, date(2017, 1, 6), 9},
		{BSNTeen, date(2012, 12, 30), 13},
		{BSNYoungAdult, date(2007, 7, 26), 19},
		{BSNLeapDay, date(2008, 2, 29), 18},
		{BSNTurns24Soon, date(2002, 12, 20), 23},
		{BSNAdult, date(1985, 12, 1), 40},
		{BSNSibling1, date(2013, 12, 6), 12},
		{BSNSibling2, date(2020, 1, 20), 6},
		{BSNParent, date(1985, 5, 27), 41},
	}
	for _, tt := range tests {
		r, ok := m[tt.bsn]
		if !ok {
			t.Errorf("%s is not in the test set", tt.bsn)
			continue
		}
		if !r.Person.BirthDate.Equal(tt.birth) {
			t.Errorf("%s born %s, want %s", tt.bsn, r.Person.BirthDate.Format(time.DateOnly), tt.birth.Format(time.DateOnly))
		}
		if age := model.AgeOn(r.Person.BirthDate, TestDay()); age != tt.age {
			t.Errorf("%s is %d on TestDay, want %d", tt.bsn, age, tt.age)
		}
	}
}

func TestBSNYoungestIsTheYoungestAndNobodyIsUnder4(t *testing.T) {
	youngest := byBSN(TestPersons())[BSNYoungest].Person.BirthDate
	for _, r := range TestPersons() {
		if r.Person.BirthDate.After(youngest) {
			t.Errorf("%s born %s is younger than BSNYoungest", r.Person.BSN, r.Person.BirthDate.Format(time.DateOnly))
		}
	}
	if model.AgeOn(youngest, TestDay()) < 4 {
		t.Error("someone is under 4 on TestDay: the comment on the constants is wrong")
	}
}

func TestBSNTurns24SoonTurns24FirstAfterTestDay(t *testing.T) {
	soonest := model.BirthdayAt(byBSN(TestPersons())[BSNTurns24Soon].Person.BirthDate, 24)
	if !soonest.Equal(date(2026, 12, 20)) {
		t.Errorf("turns 24 on %s, want 2026-12-20", soonest.Format(time.DateOnly))
	}
	for _, r := range TestPersons() {
		at24 := model.BirthdayAt(r.Person.BirthDate, 24)
		if at24.After(TestDay()) && at24.Before(soonest) {
			t.Errorf("%s turns 24 sooner, on %s", r.Person.BSN, at24.Format(time.DateOnly))
		}
	}
}

func TestSiblingsShareAddressAndParent(t *testing.T) {
	m := byBSN(TestPersons())
	a, b, parent := m[BSNSibling1], m[BSNSibling2], m[BSNParent].Person
	for _, child := range []Record{a, b} {
		p := child.Person
		if p.Municipality != parent.Municipality || p.Postcode != parent.Postcode || p.HouseNumber != parent.HouseNumber {
			t.Errorf("%s lives at %s %s %s, parent at %s %s %s", p.BSN, p.Municipality, p.Postcode, p.HouseNumber,
				parent.Municipality, parent.Postcode, parent.HouseNumber)
		}
		if !contains(child.ParentBSNs, BSNParent) {
			t.Errorf("%s has parents %v, want %s among them", p.BSN, child.ParentBSNs, BSNParent)
		}
	}
}

func TestTestPersonsAreUsableRecords(t *testing.T) {
	records := TestPersons()
	if len(records) != 572 {
		t.Errorf("TestPersons() = %d records, want 572", len(records))
	}
	records[0].Person.FamilyName = "changed"
	if TestPersons()[0].Person.FamilyName == "changed" {
		t.Error("TestPersons shares its records between callers")
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
