package registration

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Viewed is one registration as its own organisation sees it. Picture is
// filled only while the organisation still has an active registration about
// the youth; otherwise only the youth is known.
type Viewed struct {
	Registration model.Registration
	usecase.Picture
	Visible bool // the involved organisations and coordinator may be shown
}

// Registration returns one of the actor's organisation's registrations.
func (s *Service) Registration(ctx context.Context, actor usecase.Actor, id int64) (Viewed, error) {
	var out Viewed
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		r, y, err := ownRegistration(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		out = Viewed{Registration: r}
		if out.Visible, err = tx.HasActiveRegistration(ctx, y.ID, actor.Organisation.ID); err != nil {
			return err
		}
		if out.Visible {
			out.Picture, err = s.PictureOf(ctx, tx, y)
		} else {
			out.Youth, err = s.ViewYouth(y)
		}
		if err != nil {
			return err
		}
		return s.LogRead(ctx, tx, actor, "registratie", usecase.Itoa(r.ID), y.Reference)
	})
	return out, err
}

// Listed is one line of an organisation's list of registrations.
type Listed struct {
	Registration model.Registration
	Youth        usecase.Youth
}

// Registrations lists the actor's organisation's registrations, active first.
func (s *Service) Registrations(ctx context.Context, actor usecase.Actor, limit int) ([]Listed, error) {
	var out []Listed
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		regs, err := tx.RegistrationsOfOrganisation(ctx, actor.Organisation.ID, limit)
		if err != nil {
			return err
		}
		if actor.Professional.Monitoring {
			regs = nil // a monitoring account sees figures only, never a youth
		}
		cache := map[int64]usecase.Youth{}
		for _, r := range regs {
			yv, ok := cache[r.YouthID]
			if !ok {
				y, err := tx.Youth(ctx, r.YouthID)
				if err != nil {
					return err
				}
				if yv, err = s.ViewYouth(y); err != nil {
					return err
				}
				cache[r.YouthID] = yv
			}
			out = append(out, Listed{Registration: r, Youth: yv})
		}
		return s.LogRead(ctx, tx, actor, "registraties", usecase.Itoa(actor.Organisation.ID), "")
	})
	return out, err
}
