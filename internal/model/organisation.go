package model

import "strings"

// OrgType is the kind of organisation in the youth-care chain. The values are
// the Dutch codes used in the API, the CLI and the covenant files.
type OrgType string

const (
	TypeOnderwijs       OrgType = "onderwijs"
	TypeKinderopvang    OrgType = "kinderopvang"
	TypePolitie         OrgType = "politie"
	TypeLeerplicht      OrgType = "leerplicht"
	TypeJGZ             OrgType = "jgz"
	TypeAMW             OrgType = "amw"
	TypeSMW             OrgType = "smw"
	TypeWijkteam        OrgType = "wijkteam"
	TypeJeugdhulp       OrgType = "jeugdhulp"
	TypeGGZ             OrgType = "ggz"
	TypeVerslavingszorg OrgType = "verslavingszorg"
	TypeVolwassenenzorg OrgType = "volwassenenzorg"
	TypeHuisarts        OrgType = "huisarts"
	TypeVeiligThuis     OrgType = "veilig-thuis"
	TypeGI              OrgType = "gi"
	TypeRaad            OrgType = "raad"
	// TypeGemeente is a municipality: it only monitors, through a monitoring
	// account (Professional.Monitoring). It never registers and never
	// coordinates (see OnlyMonitors).
	TypeGemeente OrgType = "gemeente"
)

// OrgTypes lists every organisation type in a stable order, with its Dutch label.
var OrgTypes = []struct {
	Type  OrgType
	Label string
}{
	{TypeOnderwijs, "Onderwijs"},
	{TypeKinderopvang, "Kinderopvang"},
	{TypePolitie, "Politie"},
	{TypeLeerplicht, "Leerplicht"},
	{TypeJGZ, "Jeugdgezondheidszorg (JGZ)"},
	{TypeAMW, "Algemeen maatschappelijk werk (AMW)"},
	{TypeSMW, "Schoolmaatschappelijk werk (SMW)"},
	{TypeWijkteam, "Wijkteam / lokaal team"},
	{TypeJeugdhulp, "Jeugdhulpaanbieder"},
	{TypeGGZ, "Geestelijke gezondheidszorg (GGZ)"},
	{TypeVerslavingszorg, "Verslavingszorg"},
	{TypeVolwassenenzorg, "Volwassenenzorg"},
	{TypeHuisarts, "Huisarts"},
	{TypeVeiligThuis, "Veilig Thuis"},
	{TypeGI, "Gecertificeerde instelling (GI)"},
	{TypeRaad, "Raad voor de Kinderbescherming"},
	{TypeGemeente, "Gemeente"},
}

// Valid reports whether t is one of the known organisation types.
func (t OrgType) Valid() bool {
	for _, o := range OrgTypes {
		if o.Type == t {
			return true
		}
	}
	return false
}

// Label is the Dutch name of the type, for people.
func (t OrgType) Label() string {
	for _, o := range OrgTypes {
		if o.Type == t {
			return o.Label
		}
	}
	return string(t)
}

// OrgTypeList is the comma separated list of valid types, for error messages.
func OrgTypeList() string {
	names := make([]string, len(OrgTypes))
	for i, o := range OrgTypes {
		names[i] = string(o.Type)
	}
	return strings.Join(names, ", ")
}

// Role says what an organisation may do in the index.
type Role string

const (
	// RoleSignaalgever may only give signals (seed 002: organisations that do
	// not provide care, such as education and police).
	RoleSignaalgever Role = "signaalgever"
	// RoleZorgaanbieder may also make care registrations and coordinate.
	RoleZorgaanbieder Role = "zorgaanbieder"
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == RoleSignaalgever || r == RoleZorgaanbieder }

// DefaultRole is the role an organisation of type t gets when none is given:
// organisations that provide no care only give signals.
func DefaultRole(t OrgType) Role {
	switch t {
	case TypeOnderwijs, TypeKinderopvang, TypePolitie, TypeLeerplicht, TypeGemeente:
		return RoleSignaalgever
	}
	return RoleZorgaanbieder
}

// Organisation is a participating organisation (instelling, ketenpartner).
type Organisation struct {
	ID           int64
	Name         string
	Type         OrgType
	Role         Role
	Municipality string // CBS municipality code or name, as the region uses it
	Active       bool
}

// GivesCare reports whether the organisation provides care (a
// zorgaanbieder), as against one that may only give signals: only care
// organisations see a youth's household when they lay a relation
// (docs/privacy.md, "Wie ziet wat van het gezin").
func (o Organisation) GivesCare() bool { return o.Role == RoleZorgaanbieder }

// OnlyMonitors reports whether the organisation takes part only to monitor
// (a municipality): it registers nothing, so it is never involved with a
// youth and never coordinates.
func (o Organisation) OnlyMonitors() bool { return o.Type == TypeGemeente }

// MayCoordinate reports whether the organisation can be the coordinator.
func (o Organisation) MayCoordinate() bool {
	return o.Role == RoleZorgaanbieder && o.Active && !o.OnlyMonitors()
}

// Validate checks a new or changed organisation.
func (o Organisation) Validate() error {
	var inv []InvalidParam
	if strings.TrimSpace(o.Name) == "" {
		inv = append(inv, InvalidParam{"naam", "Vul de naam van de organisatie in."})
	}
	if !o.Type.Valid() {
		inv = append(inv, InvalidParam{"type", "Onbekend type organisatie; kies uit: " + OrgTypeList() + "."})
	}
	if !o.Role.Valid() && (o.Role != "" || o.Type.Valid()) { // no role with a bad type: the type is the problem
		inv = append(inv, InvalidParam{"rol", "Onbekende rol; kies signaalgever of zorgaanbieder."})
	} else if o.OnlyMonitors() && o.Role != RoleSignaalgever {
		inv = append(inv, InvalidParam{"rol", "Een gemeente geeft geen zorg en coördineert niet: kies de rol signaalgever. De gemeente volgt de cijfers met een monitoringsaccount."})
	}
	if strings.TrimSpace(o.Municipality) == "" {
		inv = append(inv, InvalidParam{"gemeente", "Vul de gemeente van de organisatie in."})
	}
	return Invalid("De organisatie is niet volledig of niet juist ingevuld.", inv...)
}
