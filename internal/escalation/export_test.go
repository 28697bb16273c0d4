package escalation

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// CoordinatedEscalations exposes coordinatedEscalations (for the
// coordinator's worklist) to the tests.
func (s *Service) CoordinatedEscalations(ctx context.Context, organisationID int64) ([]CoordinatedEscalation, error) {
	var out []CoordinatedEscalation
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		out, err = s.CoordinatedEscalationsIn(ctx, tx, organisationID, s.Now())
		return err
	})
	return out, err
}
