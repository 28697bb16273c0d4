package registry

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// worklistEscalations lists the running escalations of the youths the
// actor's organisation coordinates, with their next step and its deadline.
// Filled in once the escalation procedure lands (issue 4, item 7).
func (s *Service) worklistEscalations(ctx context.Context, tx *storage.Tx, actor Actor, youth func(int64) (Youth, error)) ([]WorkEscalation, error) {
	return nil, nil
}
