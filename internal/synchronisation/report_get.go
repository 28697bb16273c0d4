package synchronisation

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

var errReportNotFound = model.Errorf(model.ENOTFOUND, "Deze synchronisatie bestaat niet, of is niet van uw organisatie (de laatste %d worden bewaard).", Keep)

// Report returns one of the organisation's synchronisations again, also
// while it runs (its progress: DoneLines of Lines).
func (s *Service) Report(ctx context.Context, organisationID, id int64) (model.SyncReport, error) {
	var rep model.SyncReport
	err := s.view(ctx, func(tx *storage.Tx) error {
		var err error
		rep, err = tx.SyncReport(ctx, organisationID, id)
		if err == storage.ErrNotFound {
			return errReportNotFound
		}
		return err
	})
	return rep, err
}
