package plan

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// HasWorklist reports whether the actor's worklist can hold anything, so
// that the menu offers it only to those it is for: a professional whose
// organisation coordinates a youth or is offered a handover, or who is
// responsible for an open agreement. A monitoring account, and an
// organisation that only monitors, never has one; for them nothing is read.
func (s *Service) HasWorklist(ctx context.Context, actor usecase.Actor) (bool, error) {
	if actor.Professional.Monitoring || actor.Organisation.OnlyMonitors() {
		return false, nil
	}
	var has bool
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		has, err = tx.HasWork(ctx, actor.Professional.ID, actor.Organisation.ID)
		return err
	})
	return has, err
}
