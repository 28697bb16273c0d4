package registration

import (
	"fmt"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

func aloneMessage(y model.Youth, newcomer model.Involvement, baseURL string, now time.Time) usecase.Outgoing {
	body := "U heeft een " + newcomer.Registration.Kind.Label(newcomer.Registration.Urgent) + " geregistreerd bij jeugdige " + y.Reference + ".\n\n" +
		"Op dit moment is geen andere organisatie bij deze jeugdige betrokken. Het initiatief ligt bij u.\n" +
		"Registreert later een andere organisatie, dan krijgt u daarvan bericht." + usecase.Footer(baseURL, y)
	return usecase.NewOutgoing(y, newcomer, KindAlone, "geen-match:"+usecase.Itoa(newcomer.Registration.ID),
		"Geen andere organisatie betrokken bij jeugdige "+y.Reference, body, now)
}

// matchMessages tells the newcomer who is there, and everyone already there
// who joined.
func matchMessages(y model.Youth, newcomer model.Involvement, involved []model.Involvement, status, baseURL string, now time.Time) []usecase.Outgoing {
	event := "match:" + usecase.Itoa(newcomer.Registration.ID)
	var others []string
	for _, in := range involved {
		if in.Organisation.ID != newcomer.Organisation.ID {
			others = append(others, "- "+usecase.Contact(in))
		}
	}
	var out []usecase.Outgoing
	for _, to := range usecase.Recipients(involved) {
		if to.Organisation.ID == newcomer.Organisation.ID {
			body := "U heeft een " + newcomer.Registration.Kind.Label(newcomer.Registration.Urgent) + " geregistreerd bij jeugdige " + y.Reference +
				". Er zijn ook andere organisaties betrokken. Neem contact met hen op:\n\n" + strings.Join(others, "\n") + "\n\n" + status + usecase.Footer(baseURL, y)
			out = append(out, usecase.NewOutgoing(y, to, KindMatch, event, "Match: andere organisaties betrokken bij jeugdige "+y.Reference, body, now))
			continue
		}
		body := "Er is een nieuwe organisatie betrokken bij jeugdige " + y.Reference + ":\n\n- " + usecase.Contact(newcomer) + "\n\n" + status + usecase.Footer(baseURL, y)
		out = append(out, usecase.NewOutgoing(y, to, KindMatch, event, "Nieuwe betrokkene bij jeugdige "+y.Reference+": "+newcomer.Organisation.Name, body, now))
	}
	if urgentMatch(newcomer, involved) {
		return usecase.Urgent(out)
	}
	return out
}

// urgentMatch: the match comes with an urgent signal, or youth protection is
// involved: Veilig Thuis (reports of domestic violence and child abuse) or a
// certified institution (GI: a child protection or youth probation measure).
// Who is told should call soon (seed 002: an urgent signaller phones the
// coordinator first).
func urgentMatch(newcomer model.Involvement, involved []model.Involvement) bool {
	if newcomer.Registration.Urgent {
		return true
	}
	for _, in := range involved {
		if t := in.Organisation.Type; t == model.TypeVeiligThuis || t == model.TypeGI {
			return true
		}
	}
	return false
}

// registeredMessage is the Dutch text the caller reads right after registering.
func registeredMessage(r Registered, actor usecase.Actor) string {
	var b strings.Builder
	if !r.Created {
		b.WriteString("Uw organisatie had al een actieve " + r.Registration.Kind.Label(r.Registration.Urgent) + " voor deze jeugdige; er is niets nieuws geregistreerd. ")
		if r.EndDateChanged {
			b.WriteString("De einddatum is gewijzigd in " + nltime.CalendarDate(*r.Registration.EndDate) + ". ")
		}
		if r.InformedChanged {
			b.WriteString("Het informeren is bijgewerkt: ouders " + r.Registration.ParentsInformed.Label() + ", jeugdige " + r.Registration.YouthInformed.Label() + ". ")
		}
	}
	if !r.Match {
		b.WriteString("Er is geen andere organisatie bij deze jeugdige betrokken. Het initiatief ligt bij u.")
		return b.String()
	}
	n := r.OtherOrganisations(actor.Organisation.ID)
	if n == 1 {
		b.WriteString("Er is 1 andere organisatie betrokken. Neem contact op met de betrokken collega.")
	} else {
		b.WriteString(fmt.Sprintf("Er zijn %d andere organisaties betrokken. Neem contact op met de betrokken collega's.", n))
	}
	if r.Coordinator != nil {
		b.WriteString(" Coördinator: " + r.Coordinator.Organisation.Name + ".")
		if r.Registration.Urgent {
			b.WriteString(" Bij een urgent signaal belt u eerst de coördinerende organisatie; heeft u dat nog niet gedaan, bel dan nu" + coordinatorPhone(r) + ".")
		}
	} else {
		b.WriteString(" Er is nog geen zorgaanbieder betrokken; er is nog geen coördinator.")
	}
	return b.String()
}

// coordinationLine says in one sentence who coordinates after a change.
func coordinationLine(d covenant.Decision, involved []model.Involvement) string {
	for _, in := range involved {
		if in.Organisation.ID == d.OrganisationID {
			return "Coördinator: " + in.Organisation.Name + ". " + d.Reason
		}
	}
	return d.Reason
}

// coordinatorPhone gives " (naam, telefoon)" of the coordinator's contact.
func coordinatorPhone(r Registered) string {
	for _, in := range r.Involved {
		if in.Organisation.ID == r.Coordinator.Organisation.ID {
			return " (" + in.Professional.Name + ", " + in.Professional.Phone + ")"
		}
	}
	return ""
}

// Kinds of message about registrations.
const (
	KindMatch     = "match"
	KindAlone     = "geen-match"
	KindArchive   = "archief"     // a new registration about a youth the organisation was involved with
	KindWithdrawn = "ingetrokken" // a registration was withdrawn and deleted
	KindExpiring  = "verloopt"    // the term of a registration ends soon
)
