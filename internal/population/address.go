package population

import (
	"strconv"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Address is where a person lives, in the parts the register keeps apart;
// the type is model.Address, which storage shares.
type Address = model.Address

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
