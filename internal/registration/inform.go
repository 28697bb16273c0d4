package registration

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// SetInformed records, for one of the actor's organisation's registrations,
// whether the parents and the youth were informed, or why not. An empty code
// keeps what was recorded. The codes are checked against the youth's age today.
func (s *Service) SetInformed(ctx context.Context, actor usecase.Actor, id int64, parents, youth model.Informed) (model.Registration, error) {
	const failed = "Er is niets vastgelegd: controleer de gemarkeerde velden."
	if parents == "" && youth == "" {
		return model.Registration{}, model.Invalid(failed,
			model.InvalidParam{Name: "ouders", Reason: "Geef aan of de ouders of wettelijk vertegenwoordigers zijn geïnformeerd, of de jeugdige, of allebei."},
			model.InvalidParam{Name: "jeugdige", Reason: "Geef aan of de ouders of wettelijk vertegenwoordigers zijn geïnformeerd, of de jeugdige, of allebei."})
	}
	if err := model.Invalid(failed, model.CheckInformed(parents, youth, -1)...); err != nil {
		return model.Registration{}, err
	}
	now := s.Now()
	var out model.Registration
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		r, y, err := ownRegistration(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		yv, err := s.ViewYouth(y)
		if err != nil {
			return err
		}
		if err := model.Invalid(failed, model.CheckInformed(parents, youth, yv.Age)...); err != nil {
			return err
		}
		if parents != "" {
			r.ParentsInformed = parents
		}
		if youth != "" {
			r.YouthInformed = youth
		}
		if err := tx.SetInformed(ctx, r.ID, r.ParentsInformed, r.YouthInformed); err != nil {
			return err
		}
		out = r
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionUpdate, ObjectType: "registratie", ObjectID: usecase.Itoa(r.ID),
			YouthReference: y.Reference, Purpose: "informeren ouders en jeugdige vastgelegd",
		})
		return nil
	})
	return out, err
}
