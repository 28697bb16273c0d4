package escalation

import (
	"strconv"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// stagnationReportedMessages tell the regional administrators (for the
// brandpunt officer) and everyone involved that care stagnates and by when
// the officer convenes everyone.
func stagnationReportedMessages(y model.Youth, st *StagnationView, involved []model.Involvement, admins []model.Professional, baseURL string, now time.Time) []usecase.Outgoing {
	if st == nil {
		return nil
	}
	subject := "Stagnatie gemeld voor jeugdige " + y.Reference + ": brandpuntfunctionaris ingeschakeld"
	body := st.ReportedBy.Name + " (" + st.ReportedFor + ") meldt op " + nltime.DateTime(st.ReportedAt) + " dat de hulp aan jeugdige " + y.Reference +
		" ondanks ieders inzet stagneert (niveau 4 van de zorgpiramide).\n\n" +
		"De brandpuntfunctionaris roept binnen " + strconv.Itoa(st.Hours) + " uur, uiterlijk " + nltime.Deadline(st.Due) +
		", alle betrokken professionals en organisaties bijeen en kan hun een opdracht geven."
	return usecase.Urgent(toInvolvedAndAdmins(y, involved, admins, KindStagnation, "stagnatie:"+usecase.Itoa(st.ID), subject, body, baseURL, now))
}

// brandpuntStepMessages tell everyone involved what the brandpunt officer did.
func brandpuntStepMessages(y model.Youth, st *StagnationView, what string, involved []model.Involvement, baseURL string, now time.Time) []usecase.Outgoing {
	if st == nil {
		return nil
	}
	subject := "Brandpuntfunctionaris, jeugdige " + y.Reference + ": " + what
	body := "Over de gemelde stagnatie van de hulp aan jeugdige " + y.Reference + " is vastgelegd: de brandpuntfunctionaris heeft alle betrokkenen bijeengeroepen."
	if what != "bijeengeroepen" {
		body = "Over de gemelde stagnatie van de hulp aan jeugdige " + y.Reference + " is vastgelegd: de brandpuntfunctionaris heeft de betrokken professionals en organisaties een opdracht gegeven. " +
			"Wat de opdracht inhoudt, hoort u van de brandpuntfunctionaris of de coördinator."
	}
	return toInvolvedAndAdmins(y, involved, nil, KindStagnation, "stagnatie:"+usecase.Itoa(st.ID)+":"+what, subject, body, baseURL, now)
}

// conveneOverdueMessages tell the coordinator (the named professional, or
// the coordinating organisation's involved professionals) and the regional
// administrators that the level-3 deadline to convene everyone passed.
func conveneOverdueMessages(y model.Youth, c model.Coordination, org model.Organisation, coordinator *model.Professional, due time.Time, involved []model.Involvement, admins []model.Professional, baseURL string, now time.Time) []usecase.Outgoing {
	var to []model.Involvement
	if coordinator != nil {
		to = []model.Involvement{coordination.AsRecipient(org, *coordinator)}
	} else {
		for _, in := range involved {
			if in.Organisation.ID == c.OrganisationID {
				to = append(to, in)
			}
		}
	}
	subject := "Termijn verstreken: alle betrokkenen bijeenroepen, jeugdige " + y.Reference
	body := org.Name + " coördineert sinds " + nltime.Date(c.StartedAt) + " de zorg voor jeugdige " + y.Reference +
		" op niveau 3 van de zorgpiramide (procescoördinatie). De procescoördinator moest uiterlijk " + nltime.Deadline(due) +
		" alle betrokken professionals bijeenroepen, maar er is geen overleg vastgelegd. De regiobeheerder is op de hoogte gebracht.\n\n" +
		"Roep alle betrokkenen bijeen en leg de datum van het overleg vast op de pagina van de jeugdige."
	return usecase.Urgent(toInvolvedAndAdmins(y, to, admins, KindConveneOverdue, "bijeenroepen-termijn:"+usecase.Itoa(c.ID), subject, body, baseURL, now))
}

// brandpuntOverdueMessages tell the regional administrators that the
// brandpunt officer did not convene everyone in time.
func brandpuntOverdueMessages(y model.Youth, st model.Stagnation, coordinator model.Organisation, admins []model.Professional, baseURL string, now time.Time) []usecase.Outgoing {
	subject := "Termijn verstreken: brandpuntfunctionaris, jeugdige " + y.Reference
	body := "Op " + nltime.DateTime(st.ReportedAt) + " is gemeld dat de hulp aan jeugdige " + y.Reference + " stagneert (coördinator: " + coordinator.Name + "). " +
		"De brandpuntfunctionaris moest uiterlijk " + nltime.Deadline(st.DueAt) + " alle betrokkenen bijeenroepen, maar dat is niet vastgelegd.\n\n" +
		"Zorg dat de brandpuntfunctionaris iedereen bijeenroept, en leg het vast."
	return usecase.Urgent(toInvolvedAndAdmins(y, nil, admins, KindBrandpuntOverdue, "brandpunt-termijn:"+usecase.Itoa(st.ID), subject, body, baseURL, now))
}
