package escalation

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// The escalation's messages name the youth by reference only, and the
// organisations and professionals involved; never what the disagreement is.

// adminFooter closes a message to a regional administrator, who may not be
// involved with the youth and acts from the list of escalations.
func adminFooter(baseURL string) string {
	return "\n\nU handelt dit af op " + strings.TrimRight(baseURL, "/") + "/beheer/escalaties." +
		"\n\nDit bericht is verstuurd door de verwijsindex Jeugdketen. U ontvangt het omdat u regiobeheerder bent."
}

// stepLine describes a step in one line: "Stap 3, directies van de
// betrokken organisaties: komen tot een uitspraak".
func stepLine(v *View, st StepView) string {
	line := "Stap " + strconv.Itoa(st.Number) + ", " + lowerFirst(st.Actor) + ": " + st.Task
	if st.Due != nil {
		line += ", uiterlijk " + nltime.Deadline(*st.Due)
	}
	return line
}

// escalationSummary is the part every escalation message shares.
func escalationSummary(v *View) string {
	b := "Coördinerende organisatie: " + v.Coordinator.Name + ".\nDoorzettingsmacht: " + v.AuthorityLabel() + "."
	if v.Next != nil {
		b += "\n\nNu aan de beurt:\n- " + stepLine(v, *v.Next)
	}
	return b
}

// toInvolvedAndAdmins addresses a message to each involved professional
// (with the youth's link) and each administrator not among them (with the
// link to their list).
func toInvolvedAndAdmins(y model.Youth, involved []model.Involvement, admins []model.Professional, kind, event, subject, body, baseURL string, now time.Time) []usecase.Outgoing {
	var out []usecase.Outgoing
	told := map[int64]bool{}
	for _, r := range usecase.Recipients(involved) {
		told[r.Professional.ID] = true
		out = append(out, usecase.NewOutgoing(y, r, kind, event, subject, body+usecase.Footer(baseURL, y), now))
	}
	for _, a := range admins {
		if !told[a.ID] {
			told[a.ID] = true
			out = append(out, usecase.NewOutgoing(y, coordination.AsRecipient(model.Organisation{}, a), kind, event, subject, body+adminFooter(baseURL), now))
		}
	}
	return out
}

// escalationStartedMessages tell everyone involved that the coordinator
// started the escalation procedure.
func escalationStartedMessages(y model.Youth, v *View, involved []model.Involvement, baseURL string, now time.Time) []usecase.Outgoing {
	subject := "Escalatie gestart voor jeugdige " + y.Reference + " door " + v.Coordinator.Name
	body := v.Coordinator.Name + " coördineert de zorg voor jeugdige " + y.Reference + " en heeft op " + nltime.DateTime(v.StartedAt) +
		" de escalatieprocedure gestart: er is geen overeenstemming over het plan van aanpak. De zorgcoördinator heeft de eigen directie ingeschakeld.\n\n" +
		escalationSummary(v)
	return usecase.Urgent(toInvolvedAndAdmins(y, involved, nil, KindEscalation, "escalatie:"+usecase.Itoa(v.ID)+":start", subject, body, baseURL, now))
}

// escalationEndedMessages tell everyone involved that the escalation ended.
func escalationEndedMessages(y model.Youth, v *View, involved []model.Involvement, baseURL string, now time.Time) []usecase.Outgoing {
	subject := "Escalatie beëindigd voor jeugdige " + y.Reference + ": " + v.OutcomeLabel()
	body := "De escalatie voor jeugdige " + y.Reference + ", gestart door " + v.Coordinator.Name + " op " + nltime.Date(v.StartedAt) +
		", is beëindigd: " + v.OutcomeLabel() + "."
	return toInvolvedAndAdmins(y, involved, nil, KindEscalation, "escalatie:"+usecase.Itoa(v.ID)+":einde", subject, body, baseURL, now)
}

// escalationStepMessages tell everyone involved that a step was recorded and
// what comes next. When the bottlenecks go to the alderman, the regional
// administrators are told too: they record the alderman's ruling.
func (s *Service) escalationStepMessages(ctx context.Context, tx *storage.Tx, y model.Youth, v *View, step int, now time.Time) ([]usecase.Outgoing, error) {
	involved, err := tx.Involvements(ctx, y.ID)
	if err != nil {
		return nil, err
	}
	if step == StepCoordinatorExecutes {
		return escalationEndedMessages(y, v, involved, s.BaseURL, now), nil
	}
	var admins []model.Professional
	if step == StepToAuthority && v.Authority == model.AuthorityAlderman {
		if admins, err = tx.Administrators(ctx); err != nil {
			return nil, err
		}
	}
	st := v.Steps[step-1]
	done := "Stap " + strconv.Itoa(step) + " is vastgelegd: " + lowerFirst(st.Actor) + " " + st.Task
	if st.Outcome != "" {
		done += ". Uitkomst: " + st.OutcomeLabel()
	}
	if st.DoneBy != nil {
		done += ".\nVastgelegd door " + st.DoneBy.Name + " (" + st.DoneFor + ") op " + nltime.DateTime(*st.DoneAt)
	}
	subject := "Escalatie jeugdige " + y.Reference + ": stap " + strconv.Itoa(step) + " vastgelegd"
	body := "In de escalatie voor jeugdige " + y.Reference + " is een stap gezet.\n\n" + done + ".\n\n" + escalationSummary(v)
	return usecase.Urgent(toInvolvedAndAdmins(y, involved, admins, KindEscalation, "escalatie:"+usecase.Itoa(v.ID)+":stap"+strconv.Itoa(step), subject, body, s.BaseURL, now)), nil
}

// escalationOverdueMessages tell the next actor and every regional
// administrator that a step passed its deadline: for the management's and
// the coordinator's steps the coordinating professional and the
// coordinating organisation's involved professionals; for steps 2 and 3 the
// professionals of every involved organisation, whose managements must act;
// for the GI's ruling the GI's involved professionals. The alderman's ruling
// is the administrators' to chase.
func escalationOverdueMessages(y model.Youth, v *View, c model.Coordination, coordinator *model.Professional, involved []model.Involvement, admins []model.Professional, stepID int64, baseURL string, now time.Time) []usecase.Outgoing {
	st := *v.Next
	var next []model.Involvement
	switch {
	case st.Number == StepEngageManagements || st.Number == StepManagementsRuling:
		next = involved
	case st.Number == StepAuthorityRuling && v.AuthorityOrganisation != nil:
		for _, in := range involved {
			if in.Organisation.ID == v.AuthorityOrganisation.ID {
				next = append(next, in)
			}
		}
	case st.Number != StepAuthorityRuling:
		for _, in := range involved {
			if in.Organisation.ID == c.OrganisationID {
				next = append(next, in)
			}
		}
		if coordinator != nil {
			next = coordination.WithProfessional(usecase.Recipients(next), v.Coordinator, *coordinator)
		}
	}
	subject := "Termijn verstreken: escalatie jeugdige " + y.Reference + ", stap " + strconv.Itoa(st.Number)
	body := "In de escalatie voor jeugdige " + y.Reference + " is een termijn verstreken. Deze stap is niet op tijd vastgelegd:\n\n- " + stepLine(v, st) +
		"\n\nZet de stap zo snel mogelijk en leg haar vast. De regiobeheerder is op de hoogte gebracht.\n\n" +
		"Coördinerende organisatie: " + v.Coordinator.Name
	if coordinator != nil {
		body += ", coördinerende professional " + coordinator.Name + ", telefoon " + coordinator.Phone
	}
	body += ".\nDoorzettingsmacht: " + v.AuthorityLabel() + "."
	return usecase.Urgent(toInvolvedAndAdmins(y, next, admins, KindEscalationOverdue, "escalatie-termijn:"+usecase.Itoa(stepID), subject, body, baseURL, now))
}
