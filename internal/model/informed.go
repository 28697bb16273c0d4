package model

// Informed records whether the parents or legal representatives, or the youth
// themself, were told about a registration, and if not, why not. The codes
// are a fixed list: there is no free text, because a reason in words would be
// "wat"-information.
type Informed string

const (
	// InformedYes: told about the registration.
	InformedYes Informed = "geinformeerd"
	// InformedDisagrees: told, and they disagree; a signal may be given all the
	// same (seed 002: "ook een signaal afgeven als de ouders het daar niet mee
	// eens zijn").
	InformedDisagrees Informed = "geinformeerd-niet-eens"
	// InformedNotYet: not (yet) told. The default.
	InformedNotYet Informed = "nog-niet-geinformeerd"
	// InformedNotSafe: not told, because telling would endanger the youth.
	InformedNotSafe Informed = "niet-informeren-veiligheid"
	// InformedUnreachable: not told, because they could not be reached.
	InformedUnreachable Informed = "niet-bereikbaar"
	// InformedNotApplicable: there is nobody to tell. For the youth: younger
	// than 12. For the parents: the youth is of age (18 or older) and the
	// parents are no legal representatives.
	InformedNotApplicable Informed = "niet-van-toepassing"
)

// Ages at which informing changes.
const (
	// YouthInformedFromAge: from 12 the youth is informed too (issue 5).
	YouthInformedFromAge = 12
	// AdultAge: from 18 the parents are no longer legal representatives.
	AdultAge = 18
)

// InformedCodes lists the codes in a stable order with their Dutch labels.
var InformedCodes = []struct {
	Code  Informed
	Label string
}{
	{InformedYes, "geïnformeerd"},
	{InformedDisagrees, "geïnformeerd, niet mee eens"},
	{InformedNotYet, "nog niet geïnformeerd"},
	{InformedNotSafe, "niet geïnformeerd: dat brengt de jeugdige in gevaar"},
	{InformedUnreachable, "niet geïnformeerd: niet bereikbaar"},
	{InformedNotApplicable, "niet van toepassing"},
}

// Valid reports whether i is one of the codes.
func (i Informed) Valid() bool {
	for _, c := range InformedCodes {
		if c.Code == i {
			return true
		}
	}
	return false
}

// Label is the Dutch text for people.
func (i Informed) Label() string {
	for _, c := range InformedCodes {
		if c.Code == i {
			return c.Label
		}
	}
	return string(i)
}

// DefaultParentsInformed is what is recorded when nothing is said: not yet,
// or not applicable for a youth of age.
func DefaultParentsInformed(age int) Informed {
	if age >= AdultAge {
		return InformedNotApplicable
	}
	return InformedNotYet
}

// DefaultYouthInformed is what is recorded when nothing is said: not
// applicable under 12, not yet from 12.
func DefaultYouthInformed(age int) Informed {
	if age < YouthInformedFromAge {
		return InformedNotApplicable
	}
	return InformedNotYet
}

func informedList() string {
	var s string
	for i, c := range InformedCodes {
		if i > 0 {
			s += ", "
		}
		s += string(c.Code)
	}
	return s
}

// CheckInformed checks the parents' and the youth's codes for a youth of the
// given age; with a negative age only whether the codes exist. An empty code
// is not checked (the caller fills in the default or keeps the stored one).
// It names the fields ouders and jeugdige.
func CheckInformed(parents, youth Informed, age int) []InvalidParam {
	var inv []InvalidParam
	switch {
	case parents == "":
	case !parents.Valid():
		inv = append(inv, InvalidParam{"ouders", "Onbekende code. Kies uit: " + informedList() + "."})
	case parents == InformedNotApplicable && age >= 0 && age < AdultAge:
		inv = append(inv, InvalidParam{"ouders", "'niet-van-toepassing' kan alleen bij een meerderjarige jeugdige (18 jaar of ouder); deze jeugdige is minderjarig. Leg vast of de ouders of wettelijk vertegenwoordigers zijn geïnformeerd, of waarom niet."})
	}
	switch {
	case youth == "":
	case !youth.Valid():
		inv = append(inv, InvalidParam{"jeugdige", "Onbekende code. Kies uit: " + informedList() + "."})
	case youth == InformedNotApplicable && age >= YouthInformedFromAge:
		inv = append(inv, InvalidParam{"jeugdige", "'niet-van-toepassing' kan alleen bij een jeugdige jonger dan 12 jaar; vanaf 12 jaar legt u vast of de jeugdige zelf is geïnformeerd, of waarom niet."})
	}
	return inv
}
