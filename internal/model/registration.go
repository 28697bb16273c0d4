package model

import "time"

// Kind is what a registration says about the organisation's involvement.
type Kind string

const (
	// KindSignaal: "I am worried about this youth".
	KindSignaal Kind = "signaal"
	// KindKetenregistratie: "my organisation has a care offer running for this youth".
	KindKetenregistratie Kind = "ketenregistratie"
)

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return k == KindSignaal || k == KindKetenregistratie }

// Label is the Dutch name of the kind for people.
func (k Kind) Label(urgent bool) string {
	switch {
	case k == KindKetenregistratie:
		return "ketenregistratie"
	case urgent:
		return "urgent signaal"
	}
	return "signaal"
}

// EndReason says why a registration ended.
type EndReason string

const (
	EndByOrganisation EndReason = "organisatie"    // the registering organisation ended it
	EndDateReached    EndReason = "einddatum"      // its own end date passed
	EndAgeLimit       EndReason = "leeftijdsgrens" // the youth reached the age limit
	EndExpired        EndReason = "verlopen"       // its term passed without renewal
	// EndClosed: the coordinator closed the case (seed 002: a registration
	// ends "als de zorgcoördinator beslist dat een casus kan worden afgesloten").
	EndClosed EndReason = "afgesloten"
	// EndByClientSystem: the organisation's client system sent its complete
	// list of active registrations, and this one was not on it (issue 16).
	EndByClientSystem EndReason = "koppeling"
)

// Label is the Dutch description of the reason, for people.
func (e EndReason) Label() string {
	switch e {
	case EndByOrganisation:
		return "beëindigd door de organisatie"
	case EndDateReached:
		return "einddatum bereikt"
	case EndAgeLimit:
		return "leeftijdsgrens bereikt"
	case EndExpired:
		return "looptijd verstreken, niet verlengd"
	case EndClosed:
		return "casus afgesloten door de zorgcoördinator"
	case EndByClientSystem:
		return "beëindigd door het clientsysteem van de organisatie"
	}
	return string(e)
}

// Registration is one organisation's "that" about one youth: who registered,
// which kind, since when, until when. There is no field for case content.
type Registration struct {
	ID             int64
	YouthID        int64
	OrganisationID int64
	ProfessionalID int64
	Kind           Kind
	Urgent         bool
	CreatedAt      time.Time
	EndDate        *time.Time // planned last day, chosen by the organisation
	EndedAt        *time.Time
	EndReason      EndReason
	// ParentsInformed and YouthInformed say whether the parents or legal
	// representatives, and the youth from 12, were told, or why not.
	ParentsInformed Informed
	YouthInformed   Informed
	// ExpiresOn is the last day of the registration's term; after it the
	// sweep ends the registration unless its organisation renewed it.
	ExpiresOn time.Time
	RenewedAt *time.Time // the last renewal, nil when never renewed
}

// Active reports whether the registration still runs.
func (r Registration) Active() bool { return r.EndedAt == nil }

// MayRegister checks that an organisation may make a registration of this kind.
func MayRegister(org Organisation, kind Kind) error {
	if !org.Active {
		return Errorf(EFORBIDDEN, "Uw organisatie is gedeactiveerd en kan niet registreren.")
	}
	if org.OnlyMonitors() {
		return Errorf(EFORBIDDEN, "Een gemeente registreert niet in de verwijsindex: zij volgt alleen de geaggregeerde cijfers, onder Monitoring.")
	}
	if kind == KindKetenregistratie && org.Role != RoleZorgaanbieder {
		return InvalidField("soort", "Uw organisatie is signaalgever en mag alleen signalen afgeven, geen ketenregistraties. Kies 'signaal'.")
	}
	return nil
}

// Involvement is one active registration with who made it: what every
// involved professional is shown about the others.
type Involvement struct {
	Registration Registration
	Organisation Organisation
	Professional Professional
}
