package covenant

import (
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Involved is one organisation with at least one active registration about the youth.
type Involved struct {
	OrganisationID int64
	Type           model.OrgType
	Role           model.Role // only model.RoleZorgaanbieder may be coordinator
	Since          time.Time  // its oldest active registration's creation time
	Professionals  int        // distinct professionals of that org with active registrations
}

// Situation is what the rules look at. Each organisation appears once in Involved.
type Situation struct {
	Age      int        // youth's age in whole years today
	Involved []Involved // any order
}

// Decision is the outcome of the rules for one situation.
type Decision struct {
	OrganisationID int64  // 0 means no coordinator
	RuleID         string // id of the rule that decided; "" when none applied
	Reason         string // Dutch sentence for people
}

// Counting says what the rules' minBetrokken and maxBetrokken count.
type Counting string

const (
	// CountOrganisations counts involved organisations (the default).
	CountOrganisations Counting = "organisaties"
	// CountProfessionals counts involved professionals: per organisation the
	// number of distinct professionals with an active registration, at least one.
	CountProfessionals Counting = "professionals"
)

// Covenant is a region's set of decision rules. Load, LoadFile, Preset and
// Open return validated covenants; Decide assumes one.
type Covenant struct {
	Name        string // short code, e.g. "brabant"
	Title       string
	Description string
	Source      string // where the rules come from, for people

	// MinimumOrganisations is how many organisations must be involved before
	// there is any coordinator (at least 2).
	MinimumOrganisations int
	Counting             Counting
	Rules                []Rule // tried in order; the first with a candidate decides
	// Coordination is how the coordinator's job runs: deadlines and the
	// plan-of-action list ("zorgcoordinatie" in the file).
	Coordination Coordination
	// Warnings are doubts about the file that do not refuse it, in Dutch: an
	// action in the plan list that names an agency or a diagnosis, which
	// every involved organisation would read.
	Warnings []string
}

// Rule is one decision rule. Its conditions (age, number involved) must hold;
// then the oldest involved care organisation of one of Types (or of any type,
// with AllCareOrganisations) coordinates. A NoCoordinator rule decides that
// nobody coordinates whenever its conditions hold.
type Rule struct {
	ID     string
	Text   string // Dutch, lower case, completes "Regel 1: …"
	Source string

	Types                []model.OrgType
	AllCareOrganisations bool
	NoCoordinator        bool

	AgeFrom     int // inclusive
	AgeTo       int // exclusive; 0 means no upper limit
	MinInvolved int // inclusive; 0 means no lower limit
	MaxInvolved int // inclusive; 0 means no upper limit

	// ConveneWorkdays: the coordinator this rule assigns must convene
	// everyone involved within this many working days; 0: no such duty.
	ConveneWorkdays int
}
