package population

import (
	"strconv"
	"strings"
)

// Address is where a person lives, in the parts the register keeps apart.
// model.Person carries only the postcode and the joined house number
// ("12A-2"), which is all the index needs; the BRP API and its stand-in
// (package brpstub) need the parts, and the street and town besides.
type Address struct {
	Street      string // 08.11.15 naam openbare ruimte: the official street name
	ShortStreet string // 08.11.10 straatnaam: at most 24 characters
	Number      int    // 08.11.20 huisnummer; 0 when unknown
	Letter      string // 08.11.30 huisletter
	Addition    string // 08.11.40 huisnummertoevoeging
	Town        string // 08.11.70 woonplaatsnaam
}

// HouseNumber joins number, letter and addition as model.Person writes them.
func (a Address) HouseNumber() string {
	if a.Number <= 0 {
		return ""
	}
	return houseNumber(strconv.Itoa(a.Number), a.Letter, a.Addition)
}

// SplitHouseNumber takes a house number written the Dutch way (12, 12A,
// 12-2, 12A-bis) apart; ok is false for anything else.
func SplitHouseNumber(s string) (number int, letter, addition string, ok bool) {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	number, err := strconv.Atoi(s[:i])
	if err != nil || number <= 0 {
		return 0, "", "", false
	}
	rest := s[i:]
	if len(rest) > 0 && isLetter(rest[0]) && (len(rest) == 1 || rest[1] == '-') {
		letter, rest = rest[:1], rest[1:]
	}
	if rest != "" {
		if rest[0] != '-' || len(rest) == 1 {
			return 0, "", "", false
		}
		addition = rest[1:]
	}
	return number, letter, addition, true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// gbavAddress reads the address parts of a person list's current row. The
// street, short street and town columns are optional: older exports lack
// them, and the index itself does not need them.
func gbavAddress(row gbavRow) Address {
	n, _ := strconv.Atoi(row.get(colHouseNumber))
	return Address{
		Street:      cleanName(row.get(colStreet)),
		ShortStreet: cleanName(row.get(colShortStreet)),
		Number:      n,
		Letter:      row.get(colHouseLetter),
		Addition:    row.get(colHouseAddit),
		Town:        cleanName(row.get(colTown)),
	}
}
