// Package usecase holds what every use case shares: the service's settings
// (database, keys, covenant, clock, retention), the actor, queuing a message in
// the outbox, the involvement check, the contacts of the involved and the
// youth's view. The use cases themselves live in one package per concern
// (registration, coordination, plan, escalation, family, monitoring); package
// registry wires them together. Each use case runs in one transaction.
package usecase

import (
	"context"
	"crypto/rand"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// DefaultAgeLimit is the age at which registrations end (seed 002: the index
// is for youths of 0 to 23; registrations end when the youth turns 24).
const DefaultAgeLimit = 24

// Retention defaults (issue 5): a registration runs two years unless its
// organisation renews it; an ended registration stays in the historic archive
// for five years; the audit trail is kept for five years.
var DefaultMaxDuration = model.Period{Years: 2}

const (
	DefaultArchiveYears = 5
	DefaultAuditYears   = 5
	// ExpiryWarningDays is how long before the end of its term the
	// organisation is told that a registration will end unless renewed.
	ExpiryWarningDays = 30
)

// PopulationRegister tells who a BSN belongs to. Lookup returns an EINVALID
// error on the field burgerservicenummer for a person the register does not
// know, and EUNAVAILABLE when the register cannot be reached.
type PopulationRegister interface {
	Lookup(ctx context.Context, bsn string) (model.Person, error)
}

// Service runs the use cases.
type Service struct {
	DB         *storage.DB
	Keys       *secret.Keys
	Population PopulationRegister
	Covenant   *covenant.Covenant
	Clock      func() time.Time // tests set it; ages and end dates depend on it
	AgeLimit   int
	BaseURL    string // for links in e-mails, "https://jeugdketen.regio.nl"
	// MaxDuration is how long a registration runs before it must be renewed;
	// zero: DefaultMaxDuration.
	MaxDuration model.Period
	// ArchiveYears is how long an ended registration is kept; 0: DefaultArchiveYears.
	ArchiveYears int
	// AuditYears is how long audit records are kept; 0: DefaultAuditYears.
	AuditYears int
	// InstitutionAddresses are addresses where unrelated children live
	// (a residential institution), as "postcode huisnummer" ("5611 AB 12"):
	// children there never count as one family.
	InstitutionAddresses []string
	// ShelterAddresses are shelter addresses, written the same way: a women's
	// shelter (vrouwenopvang), a crisis placement. A youth the register puts
	// there is shielded as a youth with the secrecy indicator is: no address
	// view, no household by address, the address never shown (family.Shielded,
	// docs/privacy.md). Unrelated children live there too, so a shelter is
	// also an institution address.
	ShelterAddresses []string
}

// Actor is the professional doing something, possibly through a client system.
type Actor struct {
	Professional model.Professional
	Organisation model.Organisation
	TokenID      int64  // set when a client system acts on the professional's behalf
	Source       string // remote address and user agent
}

// Owns reports whether r is the actor's organisation's registration and the
// actor may see it. A monitoring account never does, even when its
// organisation registers: it is answered as any professional not involved.
func (a Actor) Owns(r model.Registration) bool {
	return r.OrganisationID == a.Organisation.ID && !a.Professional.Monitoring
}

// AuditActor is the actor as the audit trail records it.
func (a Actor) AuditActor() audit.Actor {
	role := "medewerker"
	switch {
	case a.Professional.Admin:
		role = "regiobeheerder"
	case a.Professional.Monitoring:
		role = "gemeentelijk monitor"
	}
	client := ""
	if a.TokenID != 0 {
		client = "koppeling:" + Itoa(a.TokenID)
	}
	return audit.Actor{ProfessionalID: a.Professional.ID, OrganisationID: a.Organisation.ID, Role: role, ClientSystem: client, Source: a.Source}
}

var SystemActor = audit.Actor{Role: "systeem", Source: "sweep"}

func (s *Service) Now() time.Time {
	if s.Clock != nil {
		return s.Clock().UTC().Truncate(time.Millisecond)
	}
	return time.Now().UTC().Truncate(time.Millisecond)
}

func (s *Service) EffectiveMaxDuration() model.Period {
	if s.MaxDuration.IsZero() {
		return DefaultMaxDuration
	}
	return s.MaxDuration
}

func (s *Service) EffectiveArchiveYears() int {
	if s.ArchiveYears > 0 {
		return s.ArchiveYears
	}
	return DefaultArchiveYears
}

func (s *Service) EffectiveAuditYears() int {
	if s.AuditYears > 0 {
		return s.AuditYears
	}
	return DefaultAuditYears
}

// TermEnd is the last day of a term that starts today.
func (s *Service) TermEnd(today time.Time) time.Time {
	return s.EffectiveMaxDuration().AddTo(today).AddDate(0, 0, -1)
}

func (s *Service) EffectiveAgeLimit() int {
	if s.AgeLimit > 0 {
		return s.AgeLimit
	}
	return DefaultAgeLimit
}

// Today is the calendar day in the Netherlands, as a date at midnight UTC.
func Today(now time.Time) time.Time { return nltime.Today(now) }

// NewReference makes the random public name of a youth, used in e-mails and
// links instead of anything that identifies the youth: "J-7KQ3M9XA".
func NewReference() string {
	const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
	b := make([]byte, 8)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return "J-" + string(b)
}
