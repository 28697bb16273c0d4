package registration

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// SetEndDate sets (or with nil, removes) the planned last day of one of the
// actor's organisation's active registrations. The sweep ends it after that day.
func (s *Service) SetEndDate(ctx context.Context, actor usecase.Actor, id int64, day *time.Time) (model.Registration, error) {
	now := s.Now()
	if day != nil && day.Before(usecase.Today(now)) {
		return model.Registration{}, model.InvalidField("einddatum", "De einddatum ligt in het verleden; kies vandaag of een latere datum.")
	}
	var out model.Registration
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		r, err := tx.Registration(ctx, id)
		if err == storage.ErrNotFound || (err == nil && !actor.Owns(r)) {
			return errRegistrationNotFound
		}
		if err != nil {
			return err
		}
		ok, err := tx.SetRegistrationEndDate(ctx, id, day)
		if err != nil {
			return err
		}
		if !ok {
			return model.Errorf(model.ECONFLICT, "Deze registratie is al beëindigd; een einddatum kan niet meer.")
		}
		y, err := tx.Youth(ctx, r.YouthID)
		if err != nil {
			return err
		}
		r.EndDate, out = day, r
		audit.Write(ctx, tx, now, audit.Entry{Actor: actor.AuditActor(), Action: audit.ActionUpdate, ObjectType: "registratie",
			ObjectID: usecase.Itoa(id), YouthReference: y.Reference, Purpose: "einddatum gewijzigd"})
		return nil
	})
	return out, err
}
