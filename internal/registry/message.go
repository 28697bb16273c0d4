package registry

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Message kinds, as the inbox and the API show them.
const (
	KindMatch            = "match"
	KindAlone            = "geen-match"
	KindCoordinator      = "coordinator"
	KindCoordinationEnds = "coordinatie-beeindigd"
	KindArchive          = "archief"     // a new registration about a youth the organisation was involved with
	KindWithdrawn        = "ingetrokken" // a registration was withdrawn and deleted
	KindExpiring         = "verloopt"    // the term of a registration ends soon
)

// outgoing is one message to one professional, in-app and by e-mail.
type outgoing struct {
	msg   model.Message
	email string
}

// send stores the messages and queues their e-mails in the same transaction
// as the change they tell about. The event key keeps each one single.
func (s *Service) send(ctx context.Context, tx *storage.Tx, msgs ...outgoing) error {
	for _, o := range msgs {
		m := o.msg
		if _, err := tx.AddMessage(ctx, &m, o.email); err != nil {
			return err
		}
	}
	return nil
}

func newOutgoing(y model.Youth, to model.Involvement, kind, event, subject, body string, now time.Time) outgoing {
	return outgoing{
		msg: model.Message{
			ProfessionalID: to.Professional.ID, YouthID: y.ID, Kind: kind,
			Subject: subject, Body: body, EventKey: event, CreatedAt: now,
		},
		email: to.Professional.Email,
	}
}

// recipients returns one involvement per distinct professional.
func recipients(involved []model.Involvement) []model.Involvement {
	seen := map[int64]bool{}
	var out []model.Involvement
	for _, in := range involved {
		if !seen[in.Professional.ID] {
			seen[in.Professional.ID] = true
			out = append(out, in)
		}
	}
	return out
}

func youthLink(baseURL string, y model.Youth) string {
	return strings.TrimRight(baseURL, "/") + "/jeugdigen/" + y.Reference
}

// contact is the line that tells a professional whom to call.
func contact(in model.Involvement) string {
	return fmt.Sprintf("%s (%s), %s sinds %s\n  Contactpersoon: %s, telefoon %s, e-mail %s",
		in.Organisation.Name, in.Organisation.Type.Label(), in.Registration.Kind.Label(in.Registration.Urgent),
		dutchDate(in.Registration.CreatedAt), in.Professional.Name, in.Professional.Phone, in.Professional.Email)
}

func footer(baseURL string, y model.Youth) string {
	return "\n\nDe gegevens van de jeugdige ziet u na inloggen: " + youthLink(baseURL, y) +
		"\nBespreek inhoudelijke informatie alleen telefonisch met de betrokken collega's, en alleen wat nodig is." +
		"\n\nDit bericht is verstuurd door de verwijsindex Jeugdketen. U ontvangt het omdat u bij deze jeugdige betrokken bent."
}

func aloneMessage(y model.Youth, newcomer model.Involvement, baseURL string, now time.Time) outgoing {
	body := "U heeft een " + newcomer.Registration.Kind.Label(newcomer.Registration.Urgent) + " geregistreerd bij jeugdige " + y.Reference + ".\n\n" +
		"Op dit moment is geen andere organisatie bij deze jeugdige betrokken. Het initiatief ligt bij u.\n" +
		"Registreert later een andere organisatie, dan krijgt u daarvan bericht." + footer(baseURL, y)
	return newOutgoing(y, newcomer, KindAlone, "geen-match:"+itoa(newcomer.Registration.ID),
		"Geen andere organisatie betrokken bij jeugdige "+y.Reference, body, now)
}

// matchMessages tells the newcomer who is there, and everyone already there
// who joined.
func matchMessages(y model.Youth, newcomer model.Involvement, involved []model.Involvement, status, baseURL string, now time.Time) []outgoing {
	event := "match:" + itoa(newcomer.Registration.ID)
	var others []string
	for _, in := range involved {
		if in.Organisation.ID != newcomer.Organisation.ID {
			others = append(others, "- "+contact(in))
		}
	}
	var out []outgoing
	for _, to := range recipients(involved) {
		if to.Organisation.ID == newcomer.Organisation.ID {
			body := "U heeft een " + newcomer.Registration.Kind.Label(newcomer.Registration.Urgent) + " geregistreerd bij jeugdige " + y.Reference +
				". Er zijn ook andere organisaties betrokken. Neem contact met hen op:\n\n" + strings.Join(others, "\n") + "\n\n" + status + footer(baseURL, y)
			out = append(out, newOutgoing(y, to, KindMatch, event, urgency(newcomer)+"Match: andere organisaties betrokken bij jeugdige "+y.Reference, body, now))
			continue
		}
		body := "Er is een nieuwe organisatie betrokken bij jeugdige " + y.Reference + ":\n\n- " + contact(newcomer) + "\n\n" + status + footer(baseURL, y)
		out = append(out, newOutgoing(y, to, KindMatch, event, urgency(newcomer)+"Nieuwe betrokkene bij jeugdige "+y.Reference+": "+newcomer.Organisation.Name, body, now))
	}
	return out
}

func coordinatorMessages(y model.Youth, c model.Coordination, involved []model.Involvement, baseURL string, now time.Time) []outgoing {
	var name string
	var contacts []string
	for _, in := range involved {
		if in.Organisation.ID == c.OrganisationID {
			name = in.Organisation.Name
			contacts = append(contacts, "- "+contact(in))
		}
	}
	event := "coordinator:" + itoa(c.ID)
	var out []outgoing
	for _, to := range recipients(involved) {
		var body string
		if to.Organisation.ID == c.OrganisationID {
			body = "Uw organisatie " + name + " is aangewezen als coördinator van de zorg voor jeugdige " + y.Reference + ".\n" +
				"Reden: " + c.Reason + "\n\nAls coördinator beoordeelt u of coördinatie nodig is, neemt u contact op met alle betrokkenen en maakt u met hen een plan van aanpak." +
				footer(baseURL, y)
		} else {
			body = name + " is aangewezen als coördinator van de zorg voor jeugdige " + y.Reference + ".\n" +
				"Reden: " + c.Reason + "\n\n" + strings.Join(contacts, "\n") + footer(baseURL, y)
		}
		out = append(out, newOutgoing(y, to, KindCoordinator, event, "Coördinator voor jeugdige "+y.Reference+": "+name, body, now))
	}
	return out
}

func coordinationEndedMessages(y model.Youth, coordinationID int64, involved []model.Involvement, reason string, baseURL string, now time.Time) []outgoing {
	event := "coordinatie-einde:" + itoa(coordinationID)
	var out []outgoing
	for _, to := range recipients(involved) {
		body := "Er is geen coördinator meer voor jeugdige " + y.Reference + ".\n" + reason + footer(baseURL, y)
		out = append(out, newOutgoing(y, to, KindCoordinationEnds, event, "Coördinatie beëindigd voor jeugdige "+y.Reference, body, now))
	}
	return out
}

// urgency marks the subject of messages caused by an urgent signal.
func urgency(in model.Involvement) string {
	if in.Registration.Urgent {
		return "URGENT – "
	}
	return ""
}

// registeredMessage is the Dutch text the caller reads right after registering.
func registeredMessage(r Registered, actor Actor) string {
	var b strings.Builder
	if !r.Created {
		b.WriteString("Uw organisatie had al een actieve " + r.Registration.Kind.Label(r.Registration.Urgent) + " voor deze jeugdige; er is niets nieuws geregistreerd. ")
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

var months = []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// dutchDate writes a day as "3 maart 2026", in Dutch time.
func dutchDate(t time.Time) string {
	t = t.In(amsterdam)
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
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
