package region

import (
	"context"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// undeliveredListLimit bounds the administrator's list; a region with more
// refused mail than this has a problem the first page already shows.
const undeliveredListLimit = 500

// UndeliveredMail lists the e-mail the receiving mail servers refused for
// good, most recently refused first. It names professionals and addresses,
// never a youth.
func (s *Service) UndeliveredMail(ctx context.Context) ([]model.UndeliveredMail, error) {
	var out []model.UndeliveredMail
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		out, err = tx.UndeliveredMail(ctx, undeliveredListLimit)
		return err
	})
	return out, err
}

// Requeued is what RetryUndeliveredMail queued again.
type Requeued struct {
	Professional string // the addressee's name
	Email        string // the address the mail goes to now
	Mails        int    // how many mails to them were queued
}

// RetryUndeliveredMail queues the refused mail of outbox row id again, with
// every other refused mail to the same professional, addressed to the
// professional's current e-mail address: once the administrator corrected
// it, or the recipient's mailbox exists again. Each is audited.
func (s *Service) RetryUndeliveredMail(ctx context.Context, who audit.Actor, id int64) (Requeued, error) {
	var out Requeued
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		u, err := tx.UndeliveredMailByID(ctx, id)
		if err == storage.ErrNotFound {
			return model.Errorf(model.ENOTFOUND, "Deze e-mail staat niet (meer) bij de niet bezorgde e-mail.")
		}
		if err != nil {
			return err
		}
		p, err := tx.Professional(ctx, u.ProfessionalID)
		if err != nil {
			return err
		}
		now := s.now()
		ids, err := tx.RequeueUndeliveredMail(ctx, p.ID, p.Email, now)
		if err != nil {
			return err
		}
		for _, requeued := range ids {
			audit.Write(ctx, tx, now, audit.Entry{Actor: who, Action: audit.ActionUpdate, ObjectType: "e-mail", ObjectID: itoa(requeued),
				Purpose: "beheer regio: niet bezorgde e-mail opnieuw verstuurd"})
		}
		out = Requeued{Professional: p.Name, Email: p.Email, Mails: len(ids)}
		return nil
	})
	return out, err
}

// MailRefused reports whether mail to the professional's current address
// was refused for good and not queued again: the professional is then asked
// to have the administrator check it.
func (s *Service) MailRefused(ctx context.Context, p model.Professional) (bool, error) {
	var refused bool
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		refused, err = tx.MailRefusedTo(ctx, p.ID, p.Email)
		return err
	})
	return refused, err
}

// ChangeProfessionalEmail gives a professional another e-mail address, which
// is also their login name. Mail already refused at the old address stays
// undelivered until RetryUndeliveredMail.
func (s *Service) ChangeProfessionalEmail(ctx context.Context, who audit.Actor, id int64, email string) (model.Professional, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	var p model.Professional
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		var err error
		p, err = tx.Professional(ctx, id)
		if err == storage.ErrNotFound {
			return model.Errorf(model.ENOTFOUND, "Deze medewerker bestaat niet.")
		}
		if err != nil {
			return err
		}
		p.Email = email
		if err := p.Validate(); err != nil {
			return err
		}
		if other, err := tx.ProfessionalByEmail(ctx, email); err == nil && other.ID != id {
			return model.InvalidField("email", "Er is al een medewerker met dit e-mailadres.")
		} else if err != nil && err != storage.ErrNotFound {
			return err
		}
		if err := tx.SetProfessionalEmail(ctx, id, email); err != nil {
			return err
		}
		audit.Write(ctx, tx, s.now(), audit.Entry{Actor: who, Action: audit.ActionUpdate, ObjectType: "medewerker", ObjectID: itoa(id),
			Purpose: "beheer regio: e-mailadres gewijzigd"})
		return nil
	})
	return p, err
}
