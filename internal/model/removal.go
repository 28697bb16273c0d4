package model

// RemovalReason says why an organisation removes its own registration as
// made in error, instead of ending it. The codes are a fixed list, like the
// informing codes: a reason in words could carry case content. It goes into
// the audit trail only; whoever is told hears that a registration was
// withdrawn, never why.
type RemovalReason string

const (
	// RemovalWrongYouth: registered about the wrong youth (a BSN mistyped,
	// a sibling taken for another).
	RemovalWrongYouth RemovalReason = "verkeerde-jeugdige"
	// RemovalWrongKind: a signal that should have been a chain registration,
	// or the other way round; the organisation registers again, rightly.
	RemovalWrongKind RemovalReason = "verkeerde-soort"
	// RemovalWrongOrganisation: registered by or for the wrong organisation.
	RemovalWrongOrganisation RemovalReason = "verkeerde-organisatie"
	// RemovalDuplicate: the same involvement registered twice.
	RemovalDuplicate RemovalReason = "dubbel"
	// RemovalByMistake: registered by mistake, the organisation is not and
	// was not involved.
	RemovalByMistake RemovalReason = "per-vergissing"
)

// RemovalReasons lists the codes in a stable order with their Dutch labels.
var RemovalReasons = []struct {
	Code  RemovalReason
	Label string
}{
	{RemovalWrongYouth, "geregistreerd bij de verkeerde jeugdige"},
	{RemovalWrongKind, "verkeerde soort registratie (signaal of ketenregistratie)"},
	{RemovalWrongOrganisation, "geregistreerd door of voor de verkeerde organisatie"},
	{RemovalDuplicate, "dubbel geregistreerd"},
	{RemovalByMistake, "per vergissing geregistreerd: de organisatie is niet betrokken"},
}

// Label is the Dutch text for people.
func (r RemovalReason) Label() string {
	for _, c := range RemovalReasons {
		if c.Code == r {
			return c.Label
		}
	}
	return string(r)
}

// CheckRemovalReason checks a reason for removal in error; it names the
// field reden.
func CheckRemovalReason(r RemovalReason) error {
	if r == "" {
		return InvalidField("reden", "Kies waarom de registratie ten onrechte is gedaan.")
	}
	for _, c := range RemovalReasons {
		if c.Code == r {
			return nil
		}
	}
	list := ""
	for i, c := range RemovalReasons {
		if i > 0 {
			list += ", "
		}
		list += string(c.Code)
	}
	return InvalidField("reden", "Onbekende reden. Kies uit: "+list+".")
}
