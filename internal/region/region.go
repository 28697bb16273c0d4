// Package region manages a region's participants: organisations, their
// professionals and the API tokens of both. The regional administrator does
// this through the API; the operator through the command line.
package region

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Service runs the administration use cases.
type Service struct {
	DB  *storage.DB
	Now func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// CreateOrganisation adds an organisation. An empty role gets the type's default.
func (s *Service) CreateOrganisation(ctx context.Context, who audit.Actor, o model.Organisation) (model.Organisation, error) {
	o.Name, o.Municipality = strings.TrimSpace(o.Name), strings.TrimSpace(o.Municipality)
	if o.Role == "" && o.Type.Valid() {
		o.Role = model.DefaultRole(o.Type)
	}
	o.Active = true
	if err := o.Validate(); err != nil {
		return o, err
	}
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		if err := tx.CreateOrganisation(ctx, &o, s.now()); err != nil {
			return err
		}
		audit.Write(ctx, tx, s.now(), audit.Entry{Actor: who, Action: audit.ActionCreate, ObjectType: "organisatie", ObjectID: itoa(o.ID), Purpose: "beheer regio"})
		return nil
	})
	return o, err
}

// CreateProfessional adds a professional to an existing organisation.
func (s *Service) CreateProfessional(ctx context.Context, who audit.Actor, p model.Professional) (model.Professional, error) {
	p.Name, p.Email, p.Phone = strings.TrimSpace(p.Name), strings.ToLower(strings.TrimSpace(p.Email)), strings.TrimSpace(p.Phone)
	p.Active = true
	if err := p.Validate(); err != nil {
		return p, err
	}
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		if _, err := tx.Organisation(ctx, p.OrganisationID); err == storage.ErrNotFound {
			return model.InvalidField("organisatie", "Deze organisatie bestaat niet.")
		} else if err != nil {
			return err
		}
		if _, err := tx.ProfessionalByEmail(ctx, p.Email); err == nil {
			return model.InvalidField("email", "Er is al een medewerker met dit e-mailadres.")
		}
		if err := tx.CreateProfessional(ctx, &p, s.now()); err != nil {
			return err
		}
		audit.Write(ctx, tx, s.now(), audit.Entry{Actor: who, Action: audit.ActionCreate, ObjectType: "medewerker", ObjectID: itoa(p.ID), Purpose: "beheer regio"})
		return nil
	})
	return p, err
}

// CreateProfessionalToken makes an API token for a professional, by e-mail.
func (s *Service) CreateProfessionalToken(ctx context.Context, who audit.Actor, email string) (string, error) {
	var plain string
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		p, err := tx.ProfessionalByEmail(ctx, strings.TrimSpace(email))
		if err == storage.ErrNotFound {
			return model.InvalidField("medewerker", "Er is geen medewerker met dit e-mailadres.")
		}
		if err != nil {
			return err
		}
		plain, err = s.createToken(ctx, tx, who, p.ID, 0, model.ScopeFull)
		return err
	})
	return plain, err
}

// CreateOrganisationToken makes an API token for an organisation's client system.
func (s *Service) CreateOrganisationToken(ctx context.Context, who audit.Actor, organisationID int64) (string, error) {
	return s.CreateScopedOrganisationToken(ctx, who, organisationID, model.ScopeFull)
}

// CreateScopedOrganisationToken makes an API token for an organisation's
// client system that may do only what scope allows: model.ScopeSync
// synchronises and reads the reports, nothing else.
func (s *Service) CreateScopedOrganisationToken(ctx context.Context, who audit.Actor, organisationID int64, scope model.TokenScope) (string, error) {
	if !scope.Valid() {
		return "", model.InvalidField("bereik", "Kies het bereik van het token: 'volledig' of 'synchronisatie'.")
	}
	var plain string
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		if _, err := tx.Organisation(ctx, organisationID); err == storage.ErrNotFound {
			return model.InvalidField("organisatie", "Deze organisatie bestaat niet.")
		} else if err != nil {
			return err
		}
		var err error
		plain, err = s.createToken(ctx, tx, who, 0, organisationID, scope)
		return err
	})
	return plain, err
}

func (s *Service) createToken(ctx context.Context, tx *storage.Tx, who audit.Actor, professionalID, organisationID int64, scope model.TokenScope) (string, error) {
	plain, hash := auth.NewToken()
	id, err := tx.CreateScopedToken(ctx, hash, professionalID, organisationID, scope, s.now())
	if err != nil {
		return "", err
	}
	audit.Write(ctx, tx, s.now(), audit.Entry{Actor: who, Action: audit.ActionCreate, ObjectType: "token", ObjectID: itoa(id), Purpose: "beheer regio"})
	return plain, nil
}

// Organisations lists all organisations.
func (s *Service) Organisations(ctx context.Context) ([]model.Organisation, error) {
	var out []model.Organisation
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		out, err = tx.Organisations(ctx)
		return err
	})
	return out, err
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
