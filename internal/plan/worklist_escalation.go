package plan

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// worklistEscalations lists the running escalations of the youths the
// actor's organisation coordinates, with their waiting step and its deadline.
func (s *Service) worklistEscalations(ctx context.Context, tx *storage.Tx, actor usecase.Actor, youth func(int64) (usecase.Youth, error)) ([]WorkEscalation, error) {
	items, err := s.Escalations.CoordinatedEscalationsIn(ctx, tx, actor.Organisation.ID, s.Now())
	if err != nil {
		return nil, err
	}
	var out []WorkEscalation
	for _, it := range items {
		y, err := youth(it.YouthID)
		if err != nil {
			return nil, err
		}
		out = append(out, WorkEscalation{Youth: y, Step: "Stap " + usecase.Itoa(int64(it.Step.Number)) + ": " + it.Step.Task,
			Actor: it.Step.Actor, Due: it.Step.Due, Overdue: it.Step.Overdue})
	}
	return out, nil
}
