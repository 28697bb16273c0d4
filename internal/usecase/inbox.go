package usecase

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// InboxMessage is a message as its reader sees it in the inbox. A reader
// whose organisation is involved with the youth now (an active
// registration) sees the youth's name and birth date beside the reference;
// anyone else, and every e-mail, the reference only.
type InboxMessage struct {
	model.Message
	YouthName      string     // "" when not shown
	YouthBirthDate *time.Time // nil when not shown
}

// Inbox returns the actor's messages: unread first, of those the urgent
// first. Showing names is a read of the register entries, recorded in the
// audit trail as the list of registrations is.
func (s *Service) Inbox(ctx context.Context, actor Actor, limit int) ([]InboxMessage, error) {
	involvedOrg := actor.Organisation.ID
	if actor.Professional.Monitoring {
		involvedOrg = 0 // a monitoring account sees figures only, never a youth
	}
	var out []InboxMessage
	named := false
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		entries, err := tx.Inbox(ctx, actor.Professional.ID, involvedOrg, limit)
		if err != nil {
			return err
		}
		out = make([]InboxMessage, 0, len(entries))
		people := map[int64]model.Person{}
		for _, e := range entries {
			m := InboxMessage{Message: e.Message}
			if e.Person != nil {
				p, ok := people[e.YouthID]
				if !ok {
					if err := s.Keys.OpenJSON(e.Person, &p); err != nil {
						return err
					}
					people[e.YouthID] = p
				}
				birth := p.BirthDate
				m.YouthName, m.YouthBirthDate, named = p.FullName(), &birth, true
			}
			out = append(out, m)
		}
		return nil
	})
	if err != nil || !named {
		return out, err
	}
	return out, s.DB.Update(ctx, func(tx *storage.Tx) error {
		return s.LogRead(ctx, tx, actor, "berichten", Itoa(actor.Professional.ID), "")
	})
}

// UnreadCount counts the actor's unread messages, for the menu.
func (s *Service) UnreadCount(ctx context.Context, actor Actor) (int, error) {
	var n int
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		n, err = tx.UnreadCount(ctx, actor.Professional.ID)
		return err
	})
	return n, err
}

// MarkRead marks one of the actor's messages as read.
func (s *Service) MarkRead(ctx context.Context, actor Actor, id int64) error {
	return s.DB.Update(ctx, func(tx *storage.Tx) error {
		ok, err := tx.MarkRead(ctx, actor.Professional.ID, id, s.Now())
		if err == nil && !ok {
			return model.Errorf(model.ENOTFOUND, "Dit bericht bestaat niet of is niet voor u.")
		}
		return err
	})
}
