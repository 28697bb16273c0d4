package model

import (
	"strconv"
	"strings"
)

// PopulationRecord is one person as a population register holds them: the
// Person the index keeps, with the citizen service numbers of their parents
// and the address in its parts, which Person does not carry. It lives here,
// not in package population, so that the register's readers (population) and
// its keeper (storage) share it without one importing the other. Only some
// sources fill Address (the GBA-V reader, the BRP API).
type PopulationRecord struct {
	Person     Person
	ParentBSNs []string
	Address    Address
}

// Address is where a person lives, in the parts the register keeps apart.
// Person carries only the postcode and the joined house number ("12A-2"),
// which is all the index needs; the BRP API and its stand-in need the parts,
// and the street and town besides.
type Address struct {
	Street      string // 08.11.15 naam openbare ruimte: the official street name
	ShortStreet string // 08.11.10 straatnaam: at most 24 characters
	Number      int    // 08.11.20 huisnummer; 0 when unknown
	Letter      string // 08.11.30 huisletter
	Addition    string // 08.11.40 huisnummertoevoeging
	Town        string // 08.11.70 woonplaatsnaam
}

// HouseNumber joins number, letter and addition as Person writes them.
func (a Address) HouseNumber() string {
	if a.Number <= 0 {
		return ""
	}
	return JoinHouseNumber(strconv.Itoa(a.Number), a.Letter, a.Addition)
}

// JoinHouseNumber writes a house number the Dutch way: "12", "12A", "12A-2".
// An empty number is no house number, whatever letter or addition came with it.
func JoinHouseNumber(number, letter, addition string) string {
	if number == "" {
		return ""
	}
	s := number + letter
	if addition != "" {
		if !strings.HasPrefix(addition, "-") {
			s += "-"
		}
		s += addition
	}
	return s
}

// Relatives are the persons the register links to someone, to offer a
// professional who lays a relation (seed 002): the parents, the other
// children of those parents, and the others living at the same address.
// Each person is in one list only, the first that fits.
type Relatives struct {
	Parents    []Person
	Siblings   []Person // other children of a parent, wherever they live
	Housemates []Person // others at the address, neither parent nor sibling
}
