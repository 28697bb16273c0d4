package registry

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
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

var months = []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// dutchDate writes a day as "3 maart 2026", in Dutch time.
func dutchDate(t time.Time) string {
	t = t.In(amsterdam)
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}
