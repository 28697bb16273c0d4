package usecase

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Event says how one event's e-mails go out (OneMailEach). The zero Event
// mails everything, in the order it was sent.
type Event struct {
	// ShownTo is the professional whose screen showed the outcome as the
	// answer to what they did; their messages of the Shown kinds are stored
	// read and not mailed (issue 14).
	ShownTo int64
	Shown   []string
	// Lead are the kinds that head a combined e-mail, after urgent ones:
	// what the event is about comes before what follows from it.
	Lead []string
	// Hold, when set, takes the event's e-mails instead of the outbox: each
	// batch of a client system's synchronisation is an event of its own and
	// holds its e-mails until the last batch, so that each professional gets
	// one e-mail per synchronisation (internal/synchronisation; MailHeld
	// queues them). The messages are stored as always.
	Hold func(ctx context.Context, tx *storage.Tx, email string, m model.Message) error
}

// ActorSees is the Event of an actor who acts themselves, in the browser or
// with their own token, and so reads the answer showing the given kinds. A
// client system acting on a professional's behalf (TokenID set) reads the
// answer, the professional does not: they are mailed as anyone else.
func ActorSees(actor Actor, kinds ...string) Event {
	if actor.TokenID != 0 {
		return Event{}
	}
	return Event{ShownTo: actor.Professional.ID, Shown: kinds}
}

func (e Event) shows(m model.Message) bool {
	return e.ShownTo != 0 && m.ProfessionalID == e.ShownTo && slices.Contains(e.Shown, m.Kind)
}

// rank orders a combined e-mail: urgent first, then the leading kinds.
func (e Event) rank(m model.Message) int {
	r := 2
	if slices.Contains(e.Lead, m.Kind) {
		r = 1
	}
	if m.Urgent {
		r = 0
	}
	return r
}

// batch gathers the e-mails of one event. It travels in the context, so that
// the use cases one event runs into (a registration runs the covenant, which
// may tell the family's coordinators) add to it without knowing.
type batch struct {
	event Event
	mails []batched
	// texts, when set, reads the subject and body of the messages an
	// e-mail carries in full (MailHeld); otherwise the messages have them.
	texts func([]model.Message) error
}

type batched struct {
	email string
	msg   model.Message
}

type batchKey struct{}

// OneMailEach runs fn, one event in transaction tx, so that whatever it
// sends one professional reaches them as one e-mail: the messages are stored
// apart (read, and withdrawn, one by one), their e-mail is one. What the
// event's actor was shown is not mailed at all. Called inside another
// event, fn adds to that one's e-mails.
//
// Call it inside the transaction's function: a transaction that is run again
// starts with an empty batch. fn must not delete a message it sent before
// it ends, or the e-mail would carry it still; so each of the several
// withdrawals an upheld objection makes is an event of its own.
func (s *Service) OneMailEach(ctx context.Context, tx *storage.Tx, ev Event, fn func(context.Context) error) error {
	if _, ok := ctx.Value(batchKey{}).(*batch); ok {
		return fn(ctx)
	}
	b := &batch{event: ev}
	if err := fn(context.WithValue(ctx, batchKey{}, b)); err != nil {
		return err
	}
	return b.flush(ctx, tx)
}

// flush queues one e-mail per recipient, in the order they were first sent to.
func (b *batch) flush(ctx context.Context, tx *storage.Tx) error {
	if b.event.Hold != nil {
		for _, m := range b.mails {
			if err := b.event.Hold(ctx, tx, m.email, m.msg); err != nil {
				return err
			}
		}
		return nil
	}
	var order []string
	per := map[string][]model.Message{}
	for _, m := range b.mails {
		if _, ok := per[m.email]; !ok {
			order = append(order, m.email)
		}
		per[m.email] = append(per[m.email], m.msg)
	}
	for _, email := range order {
		msgs := per[email]
		// The most urgent message leads, and the mail is filed under it:
		// its subject says "Spoed" when any part is urgent.
		sort.SliceStable(msgs, func(i, j int) bool { return b.event.rank(msgs[i]) < b.event.rank(msgs[j]) })
		ids := make([]int64, len(msgs))
		for i, m := range msgs {
			ids[i] = m.ID
		}
		subject, body := "", ""
		if b.texts != nil && len(msgs) > 1 {
			if err := b.texts(msgs[:min(len(msgs), maxCombined)]); err != nil {
				return err
			}
		}
		if len(msgs) > maxCombined {
			subject, body = combineMany(msgs)
		} else if len(msgs) > 1 {
			subject, body = Combine(msgs)
		}
		if _, err := tx.QueueMail(ctx, email, subject, body, msgs[0].CreatedAt, ids...); err != nil {
			return err
		}
	}
	return nil
}

// Combine writes several messages to one professional as one e-mail: the
// first message's subject with a count of the rest; in the body each
// message under its subject, and the closing lines they share once.
func Combine(msgs []model.Message) (subject, body string) {
	more := "(en nog 1 bericht)"
	if rest := len(msgs) - 1; rest > 1 {
		more = fmt.Sprintf("(en nog %d berichten)", rest)
	}
	subject = msgs[0].Subject + " " + more
	footer := sharedEnd(msgs)
	var b strings.Builder
	fmt.Fprintf(&b, "U ontvangt %d berichten in één e-mail; in de verwijsindex staan ze apart onder Berichten.", len(msgs))
	for i, m := range msgs {
		text := strings.TrimRight(strings.TrimSuffix(m.Body, footer), "\n")
		fmt.Fprintf(&b, "\n\n%d. %s\n\n%s", i+1, m.Subject, text)
	}
	b.WriteString("\n\n")
	b.WriteString(strings.TrimLeft(footer, "\n"))
	return subject, strings.TrimRight(b.String(), "\n")
}

// sharedEnd is the longest run of whole paragraphs every body ends with (the
// footer: the link, the phone rule, why you receive it), with the blank
// line before it.
func sharedEnd(msgs []model.Message) string {
	paragraphs := func(s string) []string { return strings.Split(s, "\n\n") }
	first := paragraphs(msgs[0].Body)
	n := len(first) - 1 // never the whole of a body
	for _, m := range msgs[1:] {
		p := paragraphs(m.Body)
		k := 0
		for k < n && k < len(p)-1 && p[len(p)-1-k] == first[len(first)-1-k] {
			k++
		}
		n = k
	}
	if n <= 0 {
		return ""
	}
	return "\n\n" + strings.Join(first[len(first)-n:], "\n\n")
}
