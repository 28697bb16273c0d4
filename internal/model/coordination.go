package model

import (
	"strings"
	"time"
)

// NotNeeded is why an assigned organisation states that coordination is not
// needed (seed 002: the coordinator "stelt vast of daadwerkelijk de
// zorgcoördinatie moet worden geactiveerd"). The codes are a fixed list, as
// in the database's CHECK: a reason in words would be "wat"-information.
type NotNeeded string

const (
	// NotNeededAdequateCare: adequate care is already given.
	NotNeededAdequateCare NotNeeded = "adequate-hulp"
	// NotNeededSingleQuestion: one question for help, which one organisation answers.
	NotNeededSingleQuestion NotNeeded = "enkelvoudige-hulpvraag"
	// NotNeededMutualAlignment: the involved professionals align among themselves.
	NotNeededMutualAlignment NotNeeded = "onderlinge-afstemming"
	// NotNeededCoordinatedElsewhere: care is coordinated elsewhere already.
	NotNeededCoordinatedElsewhere NotNeeded = "elders-gecoordineerd"
	// NotNeededOutsideRegion: the youth's care lies outside the region.
	NotNeededOutsideRegion NotNeeded = "buiten-regio"
)

// NotNeededCodes lists the codes in a stable order with their Dutch labels.
var NotNeededCodes = []struct {
	Code  NotNeeded
	Label string
}{
	{NotNeededAdequateCare, "Er wordt al adequate hulp geboden"},
	{NotNeededSingleQuestion, "Enkelvoudige hulpvraag: één organisatie kan de hulp bieden"},
	{NotNeededMutualAlignment, "De betrokken professionals stemmen onderling af"},
	{NotNeededCoordinatedElsewhere, "De zorg wordt al elders gecoördineerd"},
	{NotNeededOutsideRegion, "De hulp valt buiten de regio"},
}

// Valid reports whether n is one of the codes.
func (n NotNeeded) Valid() bool {
	for _, c := range NotNeededCodes {
		if c.Code == n {
			return true
		}
	}
	return false
}

// Label is the Dutch text for people; empty for no code.
func (n NotNeeded) Label() string {
	for _, c := range NotNeededCodes {
		if c.Code == n {
			return c.Label
		}
	}
	return string(n)
}

// NotNeededList is the comma separated list of codes, for error messages.
func NotNeededList() string {
	names := make([]string, len(NotNeededCodes))
	for i, c := range NotNeededCodes {
		names[i] = string(c.Code)
	}
	return strings.Join(names, ", ")
}

// MayReceiveHandover reports whether an organisation may take coordination
// over from a coordinator of type from: any active care organisation, except
// that a certified institution (GI) hands over only to a youth-care provider
// or a local team, in voluntary care (seed 000: "Indien er sprake is van
// vrijwillige hulpverlening kan Bureau Jeugdzorg de zorgcoördinatie
// overdragen aan een jeugdzorgaanbieder of het CJG").
func MayReceiveHandover(from OrgType, to Organisation) bool {
	if !to.MayCoordinate() {
		return false
	}
	if from == TypeGI {
		return to.Type == TypeJeugdhulp || to.Type == TypeWijkteam
	}
	return true
}

// Coordination statuses: assigned by the covenant, accepted by the
// organisation with a named professional, or declared not needed.
const (
	CoordinationAssigned  = "toegewezen"
	CoordinationAccepted  = "geaccepteerd"
	CoordinationNotNeeded = "niet-nodig"
)

// Why a coordination ended.
const (
	EndByCovenant   = "convenant"        // the covenant named another organisation before acceptance
	EndByGI         = "gi"               // a certified institution (GI) took over
	EndByHandover   = "overdracht"       // handed over to another organisation
	EndByClosing    = "afgesloten"       // the coordinator closed it
	EndNoneInvolved = "geen-betrokkenen" // too few organisations involved any more
)

// Coordination is the organisation that coordinates a youth's care.
type Coordination struct {
	ID              int64
	YouthID         int64
	OrganisationID  int64
	Rule            string
	Reason          string
	StartedAt       time.Time
	EndedAt         *time.Time
	Status          string
	ProfessionalID  int64      // the coordinating professional, once accepted; 0 before
	DecidedAt       *time.Time // accepted or declared not needed
	DecidedBy       int64
	NotNeededReason string     // a fixed code, with status niet-nodig
	AcceptDueAt     *time.Time // last moment to accept or decline
	AcceptAlertedAt *time.Time // the administrator was told the deadline passed
	EndReason       string     // convenant, gi, overdracht, afgesloten, geen-betrokkenen
	EndedBy         int64
	RuleSince       *time.Time // the rule changed while the organisation kept coordinating
}

// RuleStart is when the covenant rule in force began to apply: deadlines
// that come with the rule (Almere's duty to convene) count from here.
func (c Coordination) RuleStart() time.Time {
	if c.RuleSince != nil {
		return *c.RuleSince
	}
	return c.StartedAt
}

// Running reports whether the coordination has not ended.
func (c Coordination) Running() bool { return c.EndedAt == nil }
