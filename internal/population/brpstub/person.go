package brpstub

import (
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

// persoon is everything the stub knows of a person, shaped as the contract's
// Persoon; fields then keeps what was asked. Values the register does not
// have are left out, as the contract says: "Gegevens die er niet zijn […]
// krijg je niet terug." children are the BSNs of the persons whose parent
// this person is: the register keeps them in category 09, which the test
// set's parents (categories 02 and 03) stand in for.
func persoon(r population.Record, children []string, today time.Time) map[string]any {
	p := r.Person
	out := map[string]any{
		"burgerservicenummer": p.BSN,
		"geboorte":            map[string]any{"datum": datum(p.BirthDate)},
		"geslacht":            geslacht(p.Sex),
		"leeftijd":            model.AgeOn(p.BirthDate, today),
	}
	put(out, "naam", naam(p))
	if p.Municipality != "" {
		out["gemeenteVanInschrijving"] = map[string]any{"code": p.Municipality}
	}
	put(out, "verblijfplaats", verblijfplaats(r))
	var ouders []any
	for _, b := range r.ParentBSNs {
		ouders = append(ouders, map[string]any{"burgerservicenummer": b})
	}
	if len(ouders) > 0 {
		out["ouders"] = ouders
	}
	var kinderen []any
	for _, b := range children {
		kinderen = append(kinderen, map[string]any{"burgerservicenummer": b})
	}
	if len(kinderen) > 0 {
		out["kinderen"] = kinderen
	}
	return out
}

// delivered adds to a projected person what the register delivers without
// being asked, and refuses in fields: geheimhoudingPersoonsgegevens, true
// for a person with the secrecy indicator and left out otherwise, on every
// answer about that person (Persoon and PersoonBeperkt alike).
func delivered(projected any, r population.Record) any {
	if m, ok := projected.(map[string]any); ok && r.Person.Secret {
		m["geheimhoudingPersoonsgegevens"] = true
	}
	return projected
}

// put sets key when the object has anything in it.
func put(m map[string]any, key string, v map[string]any) {
	if len(v) > 0 {
		m[key] = v
	}
}

func putString(m map[string]any, key, v string) {
	if v != "" {
		m[key] = v
	}
}

func naam(p model.Person) map[string]any {
	n := map[string]any{}
	putString(n, "voornamen", p.GivenNames)
	putString(n, "voorvoegsel", p.Prefix)
	putString(n, "geslachtsnaam", p.FamilyName)
	putString(n, "voorletters", voorletters(p.GivenNames))
	putString(n, "volledigeNaam", p.FullName())
	return n
}

// voorletters are the initials of the given names as RvIG's specification
// derives them: the first letter of each name and a dot, also for a name
// that starts with a digraph ("Theo Philip IJsbrand" gives "T.P.I."); a name
// of one letter stays that letter, without a dot, and a space follows it
// before the next initial ("J P", "Suzie Q" gives "S.Q").
func voorletters(given string) string {
	var b strings.Builder
	bare := false
	for _, name := range strings.Fields(given) {
		r := []rune(name)
		if bare {
			b.WriteByte(' ')
		}
		b.WriteRune(r[0])
		bare = len(r) == 1
		if !bare {
			b.WriteByte('.')
		}
	}
	return b.String()
}

// geslacht is the table value of the register's sex code.
func geslacht(code string) map[string]any {
	omschrijving := map[string]string{"M": "man", "V": "vrouw"}[code]
	if omschrijving == "" {
		code, omschrijving = "O", "onbekend"
	}
	return map[string]any{"code": code, "omschrijving": omschrijving}
}

// datum is a complete date as the contract's VolledigeDatum: the stub only
// knows persons whose birth date is complete.
func datum(d time.Time) map[string]any {
	return map[string]any{
		"type":        "Datum",
		"datum":       d.Format("2006-01-02"),
		"langFormaat": nltime.CalendarDate(d),
	}
}

// verblijfplaats is the Dutch address of the person, or nil when the record
// has none. A record from a plain register file has no parts; its joined
// house number is taken apart again.
func verblijfplaats(r population.Record) map[string]any {
	a := r.Address
	if a.Number == 0 {
		if n, l, t, ok := population.SplitHouseNumber(r.Person.HouseNumber); ok {
			a.Number, a.Letter, a.Addition = n, l, t
		}
	}
	adres := map[string]any{}
	putString(adres, "officieleStraatnaam", a.Street)
	putString(adres, "korteStraatnaam", a.ShortStreet)
	if a.Number > 0 {
		adres["huisnummer"] = a.Number
	}
	putString(adres, "huisletter", a.Letter)
	putString(adres, "huisnummertoevoeging", a.Addition)
	putString(adres, "postcode", r.Person.Postcode)
	putString(adres, "woonplaats", a.Town)
	if len(adres) == 0 {
		return nil
	}
	return map[string]any{"type": "Adres", "verblijfadres": adres}
}
