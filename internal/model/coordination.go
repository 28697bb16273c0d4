package model

import "strings"

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
