package model

import (
	"strings"
	"time"
)

// Person is an entry of the population register (BRP): who a youth is and
// where they live. It is what the register says, never case content.
type Person struct {
	BSN          string
	GivenNames   string
	Prefix       string // voorvoegsel, "van", "de"
	FamilyName   string
	BirthDate    time.Time // a date, at midnight UTC
	Sex          string    // M, V or O
	Municipality string    // four-digit CBS municipality code, "0599"
	Postcode     string
	HouseNumber  string
	// Secret is the register's secrecy indicator: "indicatie geheim"
	// (07.70.10, a code from 1 to 7) in the GBA, geheimhoudingPersoonsgegevens
	// in the BRP API. The person asked that their data is not given to third
	// parties, often because of a secret address (docs/privacy.md). The index
	// keeps no address hash for such a person and never shows or compares
	// their address.
	Secret bool
}

// FullName is the name as a Dutch professional writes it: "Jan de Vries".
func (p Person) FullName() string {
	parts := []string{p.GivenNames, p.Prefix, p.FamilyName}
	var out []string
	for _, s := range parts {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

// AgeOn returns the age in whole years on the given day.
func AgeOn(birth, day time.Time) int {
	by, bm, bd := birth.Date()
	y, m, d := day.Date()
	age := y - by
	if m < bm || (m == bm && d < bd) {
		age--
	}
	return age
}

// BirthdayAt returns the day the person reaches the given age. Someone born on
// 29 February reaches it on 1 March in years without that day.
func BirthdayAt(birth time.Time, age int) time.Time {
	by, bm, bd := birth.Date()
	return time.Date(by+age, bm, bd, 0, 0, 0, 0, time.UTC)
}
