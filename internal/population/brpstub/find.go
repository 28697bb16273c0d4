package brpstub

import (
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/population"
)

// find returns the records a valid query selects: for BSNs in the order
// asked, each once; for an address in the order of the records. Nobody
// found is an empty list, not an error, as in the register.
func (s *Server) find(q query) []population.Record {
	var out []population.Record
	switch q.Type {
	case TypeBSN:
		seen := map[string]bool{}
		for _, b := range q.BSNs {
			if r, ok := s.persons[b]; ok && !seen[b] && q.inMunicipality(r) {
				seen[b] = true
				out = append(out, r)
			}
		}
	case TypePostcode:
		for _, b := range s.order {
			if r := s.persons[b]; q.atAddress(r) && q.inMunicipality(r) && q.named(r) {
				out = append(out, r)
			}
		}
	}
	return out
}

func (q query) inMunicipality(r population.Record) bool {
	return q.Gemeente == "" || r.Person.Municipality == q.Gemeente
}

// atAddress compares the postcode and house number, and the letter and
// addition when they were asked, without regard to case. A register file
// may write an addition with its own leading dash ("-4a"); that dash is
// not part of the addition.
func (q query) atAddress(r population.Record) bool {
	if r.Person.Postcode != q.Postcode {
		return false
	}
	n, letter, addition := r.Address.Number, r.Address.Letter, r.Address.Addition
	if n == 0 {
		n, letter, addition, _ = population.SplitHouseNumber(r.Person.HouseNumber)
	}
	trim := func(s string) string { return strings.TrimLeft(s, "- ") }
	return n == q.Huisnummer &&
		(q.Huisletter == "" || strings.EqualFold(letter, q.Huisletter)) &&
		(q.Toevoeging == "" || strings.EqualFold(trim(addition), trim(q.Toevoeging)))
}

// named applies the optional family name (with a trailing wildcard) and
// birth date of ZoekMetPostcodeEnHuisnummer.
func (q query) named(r population.Record) bool {
	if !q.Geboorte.IsZero() && !r.Person.BirthDate.Equal(q.Geboorte) {
		return false
	}
	if q.Naam == "" {
		return true
	}
	name, want := strings.ToLower(r.Person.FamilyName), strings.ToLower(q.Naam)
	if prefix, ok := strings.CutSuffix(want, "*"); ok {
		return strings.HasPrefix(name, prefix)
	}
	return name == want
}
