package usecase

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

var (
	ErrNoCoordination = model.Errorf(model.ECONFLICT, "Deze jeugdige heeft geen coördinator.")
	errNotCoordinator = model.Errorf(model.EFORBIDDEN, "Alleen de coördinerende organisatie mag dit doen.")
	errNotAccepted    = model.Errorf(model.ECONFLICT, "De coördinatie is nog niet geaccepteerd. Accepteer eerst de coördinatie en noem de coördinerende professional.")
)

// InvolvedYouth finds a youth by reference for an actor whose organisation
// has an active registration about it: anyone else gets the same "niet
// gevonden" as for a reference that does not exist. It locks the youth, so
// registrations and coordination cannot change underneath. A monitoring
// account is never involved.
func (s *Service) InvolvedYouth(ctx context.Context, tx *storage.Tx, actor Actor, ref string) (model.Youth, error) {
	y, err := tx.YouthByReference(ctx, ref)
	if err == storage.ErrNotFound {
		return y, ErrYouthNotFound
	}
	if err != nil {
		return y, err
	}
	if actor.Professional.Monitoring {
		return y, ErrYouthNotFound
	}
	ok, err := tx.HasActiveRegistration(ctx, y.ID, actor.Organisation.ID)
	if err != nil {
		return y, err
	}
	if !ok {
		return y, ErrYouthNotFound
	}
	return tx.LockYouthByID(ctx, y.ID)
}

// AsCoordinator is involvedYouth for the coordinator's job: the actor's
// organisation must hold the youth's running, accepted coordination. Any
// professional of that organisation may act (a colleague stands in during
// leave); messages go to the named coordinating professional.
func (s *Service) AsCoordinator(ctx context.Context, tx *storage.Tx, actor Actor, ref string) (model.Youth, model.Coordination, error) {
	y, err := s.InvolvedYouth(ctx, tx, actor, ref)
	if err != nil {
		return y, model.Coordination{}, err
	}
	c, err := tx.CurrentCoordination(ctx, y.ID)
	if err == storage.ErrNotFound {
		return y, c, ErrNoCoordination
	}
	if err != nil {
		return y, c, err
	}
	if c.OrganisationID != actor.Organisation.ID {
		return y, c, errNotCoordinator
	}
	if c.Status != model.CoordinationAccepted {
		return y, c, errNotAccepted
	}
	return y, c, nil
}

func MustBeAdministrator(actor Actor) error {
	if !actor.Professional.Admin || actor.TokenID != 0 {
		return model.Errorf(model.EFORBIDDEN, "Alleen de regiobeheerder mag dit doen.")
	}
	return nil
}
