package usecase

import (
	"context"
	"fmt"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Held is an e-mail an event held back (Event.Hold): the message it carries
// and its address.
type Held struct {
	Email string
	Msg   model.Message
}

// MailHeld queues the held e-mails as one event's: one e-mail per address,
// in the order they were first held, ordered and combined as OneMailEach
// does. ev.Hold is ignored. The held messages may come without subject and
// body: only the few an e-mail carries in full are read (texts).
func (s *Service) MailHeld(ctx context.Context, tx *storage.Tx, ev Event, held []Held, texts func([]model.Message) error) error {
	ev.Hold = nil
	b := &batch{event: ev, texts: texts}
	for _, h := range held {
		b.mails = append(b.mails, batched{email: h.Email, msg: h.Msg})
	}
	return b.flush(ctx, tx)
}

// maxCombined is how many messages one e-mail carries in full. A client
// system's synchronisation of thousands of lines may concern one
// professional thousands of times; their e-mail then carries the first
// ones and says where the rest are, rather than growing without bound.
const maxCombined = 25

// combineMany is Combine for more than maxCombined messages: the subject
// counts them all, the body carries the first maxCombined.
func combineMany(msgs []model.Message) (subject, body string) {
	subject = fmt.Sprintf("%s (en nog %d berichten)", msgs[0].Subject, len(msgs)-1)
	_, first := Combine(msgs[:maxCombined])
	intro := fmt.Sprintf("U ontvangt %d berichten in één e-mail; in de verwijsindex staan ze apart onder Berichten.", maxCombined)
	head := fmt.Sprintf("U ontvangt %d berichten. Hieronder staan de eerste %d; alle %d staan apart in de verwijsindex onder Berichten.", len(msgs), maxCombined, len(msgs))
	return subject, strings.Replace(first, intro, head, 1)
}
