package coordination

import (
	"fmt"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Message kinds of the coordinator's job: accepting, handing over, closing.
const (
	KindCoordinationAccepted  = "coordinatie-geaccepteerd" // the coordinator accepted and named its professional
	KindCoordinationNotNeeded = "coordinatie-niet-nodig"   // the assigned organisation says coordination is not needed
	KindAcceptOverdue         = "acceptatie-verlopen"      // the assigned organisation did not accept in time
	KindHandover              = "overdracht"               // a handover was proposed, declined or withdrawn
	KindCoordinationClosed    = "coordinatie-afgesloten"   // the coordinator closed the case
)

// coordinatorContact is the line that says who coordinates and how to reach them.
func coordinatorContact(org model.Organisation, p model.Professional) string {
	return fmt.Sprintf("%s (%s)\n  Coördinerende professional: %s, telefoon %s, e-mail %s",
		org.Name, org.Type.Label(), p.Name, p.Phone, p.Email)
}

// AsRecipient makes a recipient of a professional who may not be among the involved
// (the regional administrator, a coordinating professional without a
// registration of their own).
func AsRecipient(org model.Organisation, p model.Professional) model.Involvement {
	return model.Involvement{Organisation: org, Professional: p}
}

// acceptedMessages tell everyone involved that org accepted coordination and
// whom to call.
func acceptedMessages(y model.Youth, org model.Organisation, p model.Professional, involved []model.Involvement, event, baseURL string, now time.Time) []usecase.Outgoing {
	subject := "Coördinatie geaccepteerd voor jeugdige " + y.Reference + ": " + org.Name
	var out []usecase.Outgoing
	for _, r := range WithProfessional(usecase.Recipients(involved), org, p) {
		var body string
		if r.Professional.ID == p.ID {
			body = "U bent de coördinerende professional van de zorg voor jeugdige " + y.Reference + ". " + org.Name + " heeft de coördinatie geaccepteerd.\n\n" +
				"Als coördinator neemt u contact op met alle betrokkenen, belt u de signaalgevers en maakt u met de betrokkenen een plan van aanpak."
		} else {
			body = org.Name + " heeft de coördinatie van de zorg voor jeugdige " + y.Reference + " geaccepteerd.\n\n- " + coordinatorContact(org, p)
		}
		out = append(out, usecase.NewOutgoing(y, r, KindCoordinationAccepted, event, subject, body+usecase.Footer(baseURL, y), now))
	}
	return out
}

// WithProfessional adds the coordinating professional to the recipients
// when they have no registration of their own about the youth.
func WithProfessional(rs []model.Involvement, org model.Organisation, p model.Professional) []model.Involvement {
	for _, r := range rs {
		if r.Professional.ID == p.ID {
			return rs
		}
	}
	return append(rs, AsRecipient(org, p))
}

// notNeededMessages tell everyone involved that the assigned organisation
// states coordination is not needed, with the fixed reason.
func notNeededMessages(y model.Youth, org model.Organisation, reason model.NotNeeded, involved []model.Involvement, event, baseURL string, now time.Time) []usecase.Outgoing {
	var contacts []string
	for _, in := range involved {
		if in.Organisation.ID == org.ID {
			contacts = append(contacts, "- "+usecase.Contact(in))
		}
	}
	body := org.Name + " is aangewezen als coördinator van de zorg voor jeugdige " + y.Reference + " en vindt coördinatie op dit moment niet nodig.\n" +
		"Reden: " + reason.Label() + ".\n\nDenkt u dat coördinatie wel nodig is, neem dan contact op:\n\n" + strings.Join(contacts, "\n") +
		"\n\nRegistreert een nieuwe organisatie, dan beslist de verwijsindex opnieuw wie coördineert."
	subject := "Coördinatie niet nodig volgens " + org.Name + " voor jeugdige " + y.Reference
	var out []usecase.Outgoing
	for _, r := range usecase.Recipients(involved) {
		out = append(out, usecase.NewOutgoing(y, r, KindCoordinationNotNeeded, event, subject, body+usecase.Footer(baseURL, y), now))
	}
	return out
}

// acceptOverdueMessages tell the regional administrators and the assigned
// organisation's involved professionals that the deadline to accept passed.
// The administrators, who are not involved, read the reference only.
func acceptOverdueMessages(y model.Youth, c model.Coordination, org model.Organisation, admins []model.Professional, involved []model.Involvement, baseURL string, now time.Time) []usecase.Outgoing {
	event := "acceptatie-verlopen:" + usecase.Itoa(c.ID)
	due := nltime.DateTime(*c.AcceptDueAt)
	subject := "Coördinatie niet op tijd geaccepteerd: jeugdige " + y.Reference + ", " + org.Name
	var out []usecase.Outgoing
	told := map[int64]bool{}
	for _, in := range usecase.Recipients(involved) {
		if in.Organisation.ID != org.ID {
			continue
		}
		told[in.Professional.ID] = true
		body := "Uw organisatie " + org.Name + " is op " + nltime.Date(c.StartedAt) + " aangewezen als coördinator van de zorg voor jeugdige " + y.Reference +
			", maar heeft de coördinatie niet vóór " + due + " geaccepteerd of gezegd dat coördinatie niet nodig is. De regiobeheerder is op de hoogte gebracht.\n\n" +
			"Accepteer de coördinatie en noem de coördinerende professional, of geef aan waarom coördinatie niet nodig is." + usecase.Footer(baseURL, y)
		out = append(out, usecase.NewOutgoing(y, in, KindAcceptOverdue, event, subject, body, now))
	}
	for _, a := range admins {
		if told[a.ID] {
			continue
		}
		body := org.Name + " is op " + nltime.Date(c.StartedAt) + " aangewezen als coördinator van de zorg voor jeugdige " + y.Reference +
			", maar heeft de coördinatie niet vóór " + due + " geaccepteerd of gezegd dat coördinatie niet nodig is.\n\n" +
			"Neem als regiobeheerder contact op met " + org.Name + "." +
			"\n\nDit bericht is verstuurd door de verwijsindex Jeugdketen. U ontvangt het omdat u regiobeheerder bent."
		out = append(out, usecase.NewOutgoing(y, AsRecipient(model.Organisation{}, a), KindAcceptOverdue, event, subject, body, now))
	}
	return usecase.Urgent(out)
}

// handoverProposedMessages tell the receiving organisation's involved
// professionals that coordination is offered to them.
func handoverProposedMessages(y model.Youth, h model.Handover, from, toOrg model.Organisation, involved []model.Involvement, baseURL string, now time.Time) []usecase.Outgoing {
	event := "overdracht-voorstel:" + usecase.Itoa(h.ID)
	subject := "Voorstel: coördinatie voor jeugdige " + y.Reference + " overnemen van " + from.Name
	body := from.Name + " coördineert de zorg voor jeugdige " + y.Reference + " en stelt voor de coördinatie aan uw organisatie " + toOrg.Name + " over te dragen.\n\n" +
		"Accepteer de overdracht en noem de coördinerende professional, of weiger haar, op de pagina van de jeugdige."
	var out []usecase.Outgoing
	for _, r := range usecase.Recipients(involved) {
		if r.Organisation.ID == toOrg.ID {
			out = append(out, usecase.NewOutgoing(y, r, KindHandover, event, subject, body+usecase.Footer(baseURL, y), now))
		}
	}
	return usecase.Urgent(out) // the offer waits for their answer
}

// handoverDeclinedMessages tell the coordinating organisation (its named
// professional and the proposer) that the proposal was declined.
func handoverDeclinedMessages(y model.Youth, h model.Handover, coordinator model.Organisation, toOrg model.Organisation, people []model.Professional, baseURL string, now time.Time) []usecase.Outgoing {
	event := "overdracht-geweigerd:" + usecase.Itoa(h.ID)
	subject := "Overdracht geweigerd door " + toOrg.Name + " voor jeugdige " + y.Reference
	body := toOrg.Name + " heeft de voorgestelde overdracht van de coördinatie voor jeugdige " + y.Reference + " geweigerd. " +
		"Uw organisatie " + coordinator.Name + " blijft coördinator." + usecase.Footer(baseURL, y)
	var out []usecase.Outgoing
	for _, p := range people {
		out = append(out, usecase.NewOutgoing(y, AsRecipient(coordinator, p), KindHandover, event, subject, body, now))
	}
	return out
}

// handoverWithdrawnMessages tell the receiving organisation that the
// proposal was withdrawn.
func handoverWithdrawnMessages(y model.Youth, h model.Handover, from, toOrg model.Organisation, involved []model.Involvement, baseURL string, now time.Time) []usecase.Outgoing {
	event := "overdracht-ingetrokken:" + usecase.Itoa(h.ID)
	subject := "Voorstel tot overdracht ingetrokken voor jeugdige " + y.Reference
	body := from.Name + " heeft het voorstel ingetrokken om de coördinatie voor jeugdige " + y.Reference + " aan uw organisatie over te dragen. " +
		from.Name + " blijft coördinator." + usecase.Footer(baseURL, y)
	var out []usecase.Outgoing
	for _, r := range usecase.Recipients(involved) {
		if r.Organisation.ID == toOrg.ID {
			out = append(out, usecase.NewOutgoing(y, r, KindHandover, event, subject, body, now))
		}
	}
	return out
}

// handedOverMessages tell everyone involved who coordinates after a
// completed handover, and how to reach them.
func handedOverMessages(y model.Youth, h model.Handover, from, toOrg model.Organisation, p model.Professional, involved []model.Involvement, baseURL string, now time.Time) []usecase.Outgoing {
	event := "overdracht:" + usecase.Itoa(h.ID)
	subject := "Coördinator voor jeugdige " + y.Reference + ": " + toOrg.Name + " (overgedragen door " + from.Name + ")"
	body := from.Name + " heeft de coördinatie van de zorg voor jeugdige " + y.Reference + " overgedragen aan " + toOrg.Name + ".\n\n- " + coordinatorContact(toOrg, p)
	var out []usecase.Outgoing
	for _, r := range WithProfessional(usecase.Recipients(involved), toOrg, p) {
		out = append(out, usecase.NewOutgoing(y, r, KindCoordinator, event, subject, body+usecase.Footer(baseURL, y), now))
	}
	return out
}

// closedMessages tell everyone who was involved that the coordinator closed
// the case and that every registration about the youth ended. There is no
// link: nobody sees the youth any more.
func closedMessages(y model.Youth, c model.Coordination, org model.Organisation, involved []model.Involvement, now time.Time) []usecase.Outgoing {
	event := "coordinatie-afgesloten:" + usecase.Itoa(c.ID)
	subject := "Casus afgesloten voor jeugdige " + y.Reference + " door " + org.Name
	body := org.Name + " coördineerde de zorg voor jeugdige " + y.Reference + " en heeft de casus afgesloten: de coördinatie is beëindigd, " +
		"en daarmee alle registraties over deze jeugdige, ook die van uw organisatie (reden: afgesloten).\n\n" +
		"Maakt u zich opnieuw zorgen, of bent u opnieuw betrokken, registreer dan opnieuw." +
		"\n\nDit bericht is verstuurd door de verwijsindex Jeugdketen. U ontvangt het omdat u bij deze jeugdige betrokken was."
	var out []usecase.Outgoing
	for _, r := range usecase.Recipients(involved) {
		out = append(out, usecase.NewOutgoing(y, r, KindCoordinationClosed, event, subject, body, now))
	}
	return out
}

func coordinatorMessages(y model.Youth, c model.Coordination, involved []model.Involvement, baseURL string, now time.Time) []usecase.Outgoing {
	var name string
	var contacts []string
	for _, in := range involved {
		if in.Organisation.ID == c.OrganisationID {
			name = in.Organisation.Name
			contacts = append(contacts, "- "+usecase.Contact(in))
		}
	}
	event := "coordinator:" + usecase.Itoa(c.ID)
	var out []usecase.Outgoing
	for _, to := range usecase.Recipients(involved) {
		var body string
		if to.Organisation.ID == c.OrganisationID {
			body = "Uw organisatie " + name + " is aangewezen als coördinator van de zorg voor jeugdige " + y.Reference + ".\n" +
				"Reden: " + c.Reason + "\n\nAls coördinator beoordeelt u of coördinatie nodig is, neemt u contact op met alle betrokkenen en maakt u met hen een plan van aanpak." +
				usecase.Footer(baseURL, y)
		} else {
			body = name + " is aangewezen als coördinator van de zorg voor jeugdige " + y.Reference + ".\n" +
				"Reden: " + c.Reason + "\n\n" + strings.Join(contacts, "\n") + usecase.Footer(baseURL, y)
		}
		out = append(out, usecase.NewOutgoing(y, to, KindCoordinator, event, "Coördinator voor jeugdige "+y.Reference+": "+name, body, now))
	}
	return out
}

func coordinationEndedMessages(y model.Youth, coordinationID int64, involved []model.Involvement, reason string, baseURL string, now time.Time) []usecase.Outgoing {
	event := "coordinatie-einde:" + usecase.Itoa(coordinationID)
	var out []usecase.Outgoing
	for _, to := range usecase.Recipients(involved) {
		body := "Er is geen coördinator meer voor jeugdige " + y.Reference + ".\n" + reason + usecase.Footer(baseURL, y)
		out = append(out, usecase.NewOutgoing(y, to, KindCoordinationEnds, event, "Coördinatie beëindigd voor jeugdige "+y.Reference, body, now))
	}
	return out
}

// Kinds of message about coordination.
const (
	KindCoordinator      = "coordinator"
	KindCoordinationEnds = "coordinatie-beeindigd"
)
