package usecase

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Outgoing is one message to one professional, in-app and by e-mail.
type Outgoing struct {
	Msg   model.Message
	Email string
	// OrganisationID is the recipient's organisation, 0 for none (a
	// regional administrator): its client system hears of the event too.
	OrganisationID int64
}

// Send stores the messages and queues their e-mails in the same transaction
// as the change they tell about. The event key keeps each one single. Inside
// OneMailEach the e-mails wait for the end of the event, to go as one per
// professional, and what the actor's screen showed is stored read, unmailed.
func (s *Service) Send(ctx context.Context, tx *storage.Tx, msgs ...Outgoing) error {
	for _, o := range msgs {
		if _, err := s.SendOne(ctx, tx, o); err != nil {
			return err
		}
	}
	return nil
}

// SendOne is Send for one message; it reports false when the message had
// been sent before (the same event key and professional).
func (s *Service) SendOne(ctx context.Context, tx *storage.Tx, o Outgoing) (bool, error) {
	ok, err := s.sendOne(ctx, tx, o)
	if err != nil {
		return false, err
	}
	return ok, s.recordEvent(ctx, tx, o.OrganisationID, o.Msg)
}

func (s *Service) sendOne(ctx context.Context, tx *storage.Tx, o Outgoing) (bool, error) {
	m := o.Msg
	b, inEvent := ctx.Value(batchKey{}).(*batch)
	if !inEvent {
		return tx.AddMessage(ctx, &m, o.Email)
	}
	shown := b.event.shows(m)
	if shown {
		at := m.CreatedAt
		m.ReadAt = &at
	}
	ok, err := tx.AddMessage(ctx, &m, "")
	if ok && !shown && o.Email != "" {
		b.mails = append(b.mails, batched{email: o.Email, msg: m})
	}
	return ok, err
}

func NewOutgoing(y model.Youth, to model.Involvement, kind, event, subject, body string, now time.Time) Outgoing {
	return Outgoing{
		Msg: model.Message{
			ProfessionalID: to.Professional.ID, YouthID: y.ID, Kind: kind,
			Subject: subject, Body: body, EventKey: event, CreatedAt: now,
		},
		Email:          to.Professional.Email,
		OrganisationID: to.Organisation.ID,
	}
}

// Urgent marks messages urgent: listed first while unread, marked "Spoed",
// and so is their e-mail's subject. Urgent is what asks someone to act
// under a deadline, or says one passed: an escalation started or moved on,
// a deadline exceeded, a handover offered, stagnating care, and a match with
// an urgent signal or with Veilig Thuis or a GI (docs/coordination.md).
func Urgent(msgs []Outgoing) []Outgoing {
	for i := range msgs {
		msgs[i].Msg.Urgent = true
	}
	return msgs
}

// Recipients returns one involvement per distinct professional.
func Recipients(involved []model.Involvement) []model.Involvement {
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

// Contact is the line that tells a professional whom to call.
func Contact(in model.Involvement) string {
	return fmt.Sprintf("%s (%s), %s sinds %s\n  Contactpersoon: %s, telefoon %s, e-mail %s",
		in.Organisation.Name, in.Organisation.Type.Label(), in.Registration.Kind.Label(in.Registration.Urgent),
		nltime.Date(in.Registration.CreatedAt), in.Professional.Name, in.Professional.Phone, in.Professional.Email)
}

func Footer(baseURL string, y model.Youth) string {
	return "\n\nDe gegevens van de jeugdige ziet u na inloggen: " + youthLink(baseURL, y) +
		"\nBespreek inhoudelijke informatie alleen telefonisch met de betrokken collega's, en alleen wat nodig is." +
		"\n\nDit bericht is verstuurd door de verwijsindex Jeugdketen. U ontvangt het omdat u bij deze jeugdige betrokken bent."
}
