package region

import (
	"context"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// UpdateOrganisation changes an organisation's name, type, role,
// municipality and whether it takes part. A deactivated organisation can no
// longer register, and its professionals can no longer log in or use tokens.
func (s *Service) UpdateOrganisation(ctx context.Context, who audit.Actor, o model.Organisation) (model.Organisation, error) {
	o.Name, o.Municipality = strings.TrimSpace(o.Name), strings.TrimSpace(o.Municipality)
	if err := o.Validate(); err != nil {
		return o, err
	}
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		if err := tx.UpdateOrganisation(ctx, o); err == storage.ErrNotFound {
			return model.Errorf(model.ENOTFOUND, "Deze organisatie bestaat niet.")
		} else if err != nil {
			return err
		}
		audit.Write(ctx, tx, s.now(), audit.Entry{Actor: who, Action: audit.ActionUpdate, ObjectType: "organisatie", ObjectID: itoa(o.ID), Purpose: "beheer regio"})
		return nil
	})
	return o, err
}

// Organisation returns one organisation.
func (s *Service) Organisation(ctx context.Context, id int64) (model.Organisation, error) {
	var o model.Organisation
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		o, err = tx.Organisation(ctx, id)
		if err == storage.ErrNotFound {
			return model.Errorf(model.ENOTFOUND, "Deze organisatie bestaat niet.")
		}
		return err
	})
	return o, err
}

// Professionals lists every professional.
func (s *Service) Professionals(ctx context.Context) ([]model.Professional, error) {
	var out []model.Professional
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		out, err = tx.Professionals(ctx)
		return err
	})
	return out, err
}

// Professional returns one professional.
func (s *Service) Professional(ctx context.Context, id int64) (model.Professional, error) {
	var p model.Professional
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		p, err = tx.Professional(ctx, id)
		if err == storage.ErrNotFound {
			return model.Errorf(model.ENOTFOUND, "Deze medewerker bestaat niet.")
		}
		return err
	})
	return p, err
}

// DeactivateProfessional stops a professional: their sessions end, and their
// password, second factor and tokens no longer work.
func (s *Service) DeactivateProfessional(ctx context.Context, who audit.Actor, id int64) error {
	return s.DB.Update(ctx, func(tx *storage.Tx) error {
		if err := tx.SetProfessionalActive(ctx, id, false); err == storage.ErrNotFound {
			return model.Errorf(model.ENOTFOUND, "Deze medewerker bestaat niet.")
		} else if err != nil {
			return err
		}
		if err := tx.DeleteSessionsOf(ctx, id); err != nil {
			return err
		}
		audit.Write(ctx, tx, s.now(), audit.Entry{Actor: who, Action: audit.ActionUpdate, ObjectType: "medewerker", ObjectID: itoa(id), Purpose: "beheer regio: gedeactiveerd"})
		return nil
	})
}

// Tokens lists every API token, without secrets.
func (s *Service) Tokens(ctx context.Context) ([]model.TokenInfo, error) {
	var out []model.TokenInfo
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		out, err = tx.Tokens(ctx)
		return err
	})
	return out, err
}

// RevokeToken makes a token stop working at once.
func (s *Service) RevokeToken(ctx context.Context, who audit.Actor, id int64) error {
	return s.DB.Update(ctx, func(tx *storage.Tx) error {
		if err := tx.RevokeToken(ctx, id, s.now()); err == storage.ErrNotFound {
			return model.Errorf(model.ENOTFOUND, "Dit token bestaat niet.")
		} else if err != nil {
			return err
		}
		audit.Write(ctx, tx, s.now(), audit.Entry{Actor: who, Action: audit.ActionEnd, ObjectType: "token", ObjectID: itoa(id), Purpose: "beheer regio: ingetrokken"})
		return nil
	})
}
