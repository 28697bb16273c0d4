package usecase

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// AlertEach finds due items in batches (find, in a read transaction) and
// alerts each once (alert, in its own transaction), until a batch brings
// nothing new: an item that stays due because alerting it found nothing to
// do is not tried twice in one run. It returns how many messages were sent.
func AlertEach[T any](s *Service, ctx context.Context, find func(*storage.Tx) ([]T, error), id func(T) int64, alert func(T) (int, error)) (int, error) {
	sent := 0
	seen := map[int64]bool{}
	for {
		var due []T
		if err := s.DB.View(ctx, func(tx *storage.Tx) error {
			var err error
			due, err = find(tx)
			return err
		}); err != nil {
			return sent, err
		}
		progress := false
		for _, item := range due {
			if seen[id(item)] {
				continue
			}
			seen[id(item)], progress = true, true
			n, err := alert(item)
			sent += n
			if err != nil {
				return sent, err
			}
		}
		if !progress {
			return sent, nil
		}
	}
}

// AlertAudience gathers who an overdue alert about coordination c may go
// to: its named coordinating professional (nil before acceptance), who is
// involved with the youth, and the regional administrators.
func AlertAudience(ctx context.Context, tx *storage.Tx, c model.Coordination) (*model.Professional, []model.Involvement, []model.Professional, error) {
	var coordinator *model.Professional
	if c.ProfessionalID != 0 {
		p, err := tx.Professional(ctx, c.ProfessionalID)
		if err != nil {
			return nil, nil, nil, err
		}
		coordinator = &p
	}
	involved, err := tx.Involvements(ctx, c.YouthID)
	if err != nil {
		return nil, nil, nil, err
	}
	admins, err := tx.Administrators(ctx)
	return coordinator, involved, admins, err
}
