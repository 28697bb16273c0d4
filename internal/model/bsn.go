package model

// ValidBSN reports whether s is a citizen service number: nine digits that
// pass the eleven-test (9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11,
// and not 0).
func ValidBSN(s string) bool {
	if len(s) != 9 {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return false
		}
		w := 9 - i
		if i == 8 {
			w = -1
		}
		sum += w * int(c-'0')
	}
	return sum != 0 && sum%11 == 0
}

// CheckBSN returns a Dutch EINVALID error for the field when s is no valid BSN.
func CheckBSN(field, s string) error {
	switch {
	case s == "":
		return InvalidField(field, "Vul het burgerservicenummer (BSN) in.")
	case len(s) != 9 || !allDigits(s):
		return InvalidField(field, "Een burgerservicenummer bestaat uit precies 9 cijfers.")
	case !ValidBSN(s):
		return InvalidField(field, "Dit is geen geldig burgerservicenummer: de elfproef klopt niet. Controleer het nummer.")
	}
	return nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
