package monitoring

import "strconv"

// The measures a month's cells count (model.MonitoringCell.Measure). Each
// counts events of one month, attributed to the municipality of the youth
// they are about, except the stock measures (marked "stock"), which count
// what was running at the end of the month. Categories are listed with each.
const (
	// Registrations made in the month, per registering organisation;
	// category: the kind ("signaal", "ketenregistratie").
	MeasureRegistrations = "registraties"
	// Youths whose first match was made in the month (each youth counts once,
	// in the month of its first match). No organisation, no category.
	MeasureMatchedYouths = "jeugdigen-match"
	// Follow-up of matches: the coordinations with at least one signaller
	// whose contact deadline (covenant "terugkoppelingWerkdagen" after the
	// later of acceptance and registration) fell in the month, per
	// coordinating organisation; category "op-tijd" when the coordinator
	// recorded contact (a call, not a consultation about a wrong signal)
	// with every one of those signallers by the deadline, else
	// "niet-op-tijd".
	MeasureFollowUp = "opvolging"
	// Of the follow-up units above whose signallers were all contacted (on
	// time or not): working days from the start to the last contact;
	// category: a DayBucket. No organisation.
	MeasureFollowUpDays = "opvolging-werkdagen"
	// Coordinations the covenant assigned that were accepted in the month,
	// per assigned organisation (a handover's new coordinator starts
	// accepted and is not counted); category "op-tijd" (by the acceptance
	// deadline) or "te-laat".
	MeasureAcceptance = "acceptatie"
	// Of those: working days from assignment to acceptance; category: a
	// DayBucket. No organisation.
	MeasureAcceptanceDays = "acceptatie-werkdagen"
	// Stock: assigned coordinations neither accepted nor declined whose
	// acceptance deadline had passed at the end of the month, per assigned
	// organisation. No category.
	MeasureAcceptanceOverdue = "acceptatie-verlopen"
	// Coordination not needed, decided in the month, per organisation;
	// category: the reason (model.NotNeeded).
	MeasureNotNeeded = "niet-nodig"
	// Handovers decided in the month; category: the outcome
	// ("geaccepteerd", "geweigerd", "ingetrokken", "vervallen").
	MeasureHandovers = "overdracht"
	// Coordinations ended in the month, per organisation; category: the end
	// reason ("afgesloten" is a case closed; "convenant", "gi",
	// "overdracht", "geen-betrokkenen").
	MeasureCoordinationEnds = "coordinatie-einde"
	// Stock: coordinations running at the end of the month, per
	// organisation; one declared not needed by then does not run.
	MeasureCoordinationsRunning = "coordinatie-lopend"
	// Agreements in plans whose end date fell in the month; category
	// "nagekomen", "niet-nagekomen" or "verlopen" (still open when the
	// month was made).
	MeasureAgreements = "afspraak"
	// Stock: agreements open at the end of the month with a later end date.
	MeasureAgreementsOpen = "afspraak-lopend"
	// Escalations started in the month; category: who has the override
	// authority ("gi", "wethouder").
	MeasureEscalationsStarted = "escalatie-gestart"
	// Escalations ended in the month; category: the outcome ("uitgevoerd",
	// "ingetrokken", "vervallen").
	MeasureEscalationsEnded = "escalatie-einde"
	// Escalations ended in the month, by the highest step reached (the
	// highest that had become due); category "1" to "7".
	MeasureEscalationSteps = "escalatie-stap"
	// The care pyramid (only where the covenant has one, the Almere preset);
	// category "bijeengeroepen" (a case meeting convened), "stagnatie"
	// (stagnation reported to the brandpunt), "brandpunt" (the brandpunt
	// convened everyone), "opdracht" (the brandpunt gave an instruction).
	MeasurePyramid = "zorgpiramide"
	// Stock: registrations active at the end of the month, per registering
	// organisation; category: the kind.
	MeasureActive = "actief"
	// Stock: youths with at least one active registration at the end of the
	// month. No organisation, no category.
	MeasureActiveYouths = "actief-jeugdigen"
)

// DayBuckets are the categories of the working-day measures, in order: a
// day each up to ten, then wider bands. A median is read from the rounded
// counts per bucket, so it too is a function of rounded cells only.
var DayBuckets = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11-15", "16-20", "21+"}

// DayBucket is the category of a number of working days.
func DayBucket(days int) string {
	switch {
	case days < 0:
		return "0"
	case days <= 10:
		return strconv.Itoa(days)
	case days <= 15:
		return "11-15"
	case days <= 20:
		return "16-20"
	}
	return "21+"
}
