package registration

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Renew starts a new term for one of the actor's organisation's active
// registrations, from today: it then runs MaxDuration more before the sweep
// ends it (reason verlopen).
func (s *Service) Renew(ctx context.Context, actor usecase.Actor, id int64) (model.Registration, error) {
	now := s.Now()
	expires := s.TermEnd(usecase.Today(now))
	var out model.Registration
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		r, err := tx.Registration(ctx, id)
		if err == storage.ErrNotFound || (err == nil && !actor.Owns(r)) {
			return errRegistrationNotFound
		}
		if err != nil {
			return err
		}
		ok, err := tx.RenewRegistration(ctx, id, expires, now)
		if err != nil {
			return err
		}
		if !ok {
			return model.Errorf(model.ECONFLICT, "Deze registratie is beëindigd en kan niet meer worden verlengd. Is uw organisatie weer betrokken, registreer dan opnieuw.")
		}
		y, err := tx.Youth(ctx, r.YouthID)
		if err != nil {
			return err
		}
		r.ExpiresOn, r.RenewedAt = expires, &now
		out = r
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionUpdate, ObjectType: "registratie", ObjectID: usecase.Itoa(id),
			YouthReference: y.Reference, Purpose: "looptijd verlengd tot en met " + expires.Format("2006-01-02"),
		})
		return nil
	})
	return out, err
}
