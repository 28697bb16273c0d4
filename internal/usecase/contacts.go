package usecase

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Contacts returns whom to tell in an organisation: the given professionals
// who are still active, or, when none is, every active professional of it.
func (s *Service) Contacts(ctx context.Context, tx *storage.Tx, org int64, preferred ...int64) ([]model.Professional, error) {
	var out []model.Professional
	seen := map[int64]bool{}
	for _, id := range preferred {
		if seen[id] {
			continue
		}
		seen[id] = true
		p, err := tx.Professional(ctx, id)
		if err != nil {
			return nil, err
		}
		if p.Active {
			out = append(out, p)
		}
	}
	if len(out) > 0 {
		return out, nil
	}
	all, err := tx.ProfessionalsOf(ctx, org)
	if err != nil {
		return nil, err
	}
	for _, p := range all {
		if p.Active && !p.Monitoring { // a monitoring account is never told about a youth
			out = append(out, p)
		}
	}
	return out, nil
}
