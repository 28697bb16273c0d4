package registry

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Viewed is one registration as its own organisation sees it. Picture is
// filled only while the organisation still has an active registration about
// the youth; otherwise only the youth is known.
type Viewed struct {
	Registration model.Registration
	Picture
	Visible bool // the involved organisations and coordinator may be shown
}

// errYouthNotFound answers every request about a youth the caller may not
// see, exactly as for a youth nobody registered: no browsing (seed 002).
var errYouthNotFound = model.Errorf(model.ENOTFOUND, "Niet gevonden. U ziet een jeugdige alleen zolang uw organisatie een actieve registratie heeft.")

// Registration returns one of the actor's organisation's registrations.
func (s *Service) Registration(ctx context.Context, actor Actor, id int64) (Viewed, error) {
	var out Viewed
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		r, err := tx.Registration(ctx, id)
		if err == storage.ErrNotFound || (err == nil && !actor.owns(r)) {
			return errRegistrationNotFound
		}
		if err != nil {
			return err
		}
		y, err := tx.Youth(ctx, r.YouthID)
		if err != nil {
			return err
		}
		out = Viewed{Registration: r}
		if out.Visible, err = tx.HasActiveRegistration(ctx, y.ID, actor.Organisation.ID); err != nil {
			return err
		}
		if out.Visible {
			out.Picture, err = s.picture(ctx, tx, y)
		} else {
			out.Youth, err = s.youth(y)
		}
		if err != nil {
			return err
		}
		return s.logRead(ctx, tx, actor, "registratie", itoa(r.ID), y.Reference)
	})
	return out, err
}

// YouthByReference returns the picture of a youth, with its history of
// organisations joining and leaving and of coordinators, while the actor's
// organisation has an active registration about it.
func (s *Service) YouthByReference(ctx context.Context, actor Actor, ref string) (Picture, error) {
	var out Picture
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, err := tx.YouthByReference(ctx, ref)
		if err == storage.ErrNotFound {
			return errYouthNotFound
		}
		if err != nil {
			return err
		}
		ok, err := tx.HasActiveRegistration(ctx, y.ID, actor.Organisation.ID)
		if err != nil {
			return err
		}
		if !ok || actor.Professional.Monitoring {
			return errYouthNotFound
		}
		if out, err = s.picture(ctx, tx, y); err != nil {
			return err
		}
		if err := s.coordinatorOptions(ctx, tx, actor, &out); err != nil {
			return err
		}
		if out.History, err = s.history(ctx, tx, y.ID, out.Involved); err != nil {
			return err
		}
		if out.Address, err = s.addressView(ctx, tx, y, actor.Organisation.ID); err != nil {
			return err
		}
		if out.Relations, err = s.relations(ctx, tx, y, actor.Organisation.ID); err != nil {
			return err
		}
		if out.Plan, err = s.planOf(ctx, tx, y, actor, out.Involved); err != nil {
			return err
		}
		if out.Escalation, out.Pyramid, err = s.escalationAndPyramid(ctx, tx, y, actor); err != nil {
			return err
		}
		return s.logRead(ctx, tx, actor, "jeugdige", y.Reference, y.Reference)
	})
	return out, err
}

// Listed is one line of an organisation's list of registrations.
type Listed struct {
	Registration model.Registration
	Youth        Youth
}

// Registrations lists the actor's organisation's registrations, active first.
func (s *Service) Registrations(ctx context.Context, actor Actor, limit int) ([]Listed, error) {
	var out []Listed
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		regs, err := tx.RegistrationsOfOrganisation(ctx, actor.Organisation.ID, limit)
		if err != nil {
			return err
		}
		if actor.Professional.Monitoring {
			regs = nil // a monitoring account sees figures only, never a youth
		}
		cache := map[int64]Youth{}
		for _, r := range regs {
			yv, ok := cache[r.YouthID]
			if !ok {
				y, err := tx.Youth(ctx, r.YouthID)
				if err != nil {
					return err
				}
				if yv, err = s.youth(y); err != nil {
					return err
				}
				cache[r.YouthID] = yv
			}
			out = append(out, Listed{Registration: r, Youth: yv})
		}
		return s.logRead(ctx, tx, actor, "registraties", itoa(actor.Organisation.ID), "")
	})
	return out, err
}

// Inbox returns the actor's messages, unread first.
func (s *Service) Inbox(ctx context.Context, actor Actor, limit int) ([]model.Message, error) {
	var out []model.Message
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		out, err = tx.Inbox(ctx, actor.Professional.ID, limit)
		return err
	})
	return out, err
}

// MarkRead marks one of the actor's messages as read.
func (s *Service) MarkRead(ctx context.Context, actor Actor, id int64) error {
	return s.DB.Update(ctx, func(tx *storage.Tx) error {
		ok, err := tx.MarkRead(ctx, actor.Professional.ID, id, s.now())
		if err == nil && !ok {
			return model.Errorf(model.ENOTFOUND, "Dit bericht bestaat niet of is niet voor u.")
		}
		return err
	})
}

func (s *Service) logRead(ctx context.Context, tx *storage.Tx, actor Actor, objectType, objectID, youthRef string) error {
	audit.Write(ctx, tx, s.now(), audit.Entry{
		Actor: actor.AuditActor(), Action: audit.ActionRead, ObjectType: objectType, ObjectID: objectID,
		YouthReference: youthRef, Purpose: "inzage door betrokken hulpverlener",
	})
	return nil
}
