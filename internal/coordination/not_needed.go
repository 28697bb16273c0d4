package coordination

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

var errAlreadyAccepted = model.Errorf(model.ECONFLICT, "Uw organisatie heeft de coördinatie al geaccepteerd. Is coördinatie niet meer nodig, sluit de casus dan af; moet een andere organisatie coördineren, draag de coördinatie dan over.")

// CoordinationNotNeeded: the assigned organisation states, with a reason
// from the fixed list, that coordination is not needed (seed 002: the
// coordinator "stelt vast of daadwerkelijk de zorgcoördinatie moet worden
// geactiveerd"). Everyone involved is told. When an organisation joins
// later, the covenant decides again (see succession). Stating the same
// reason again changes nothing.
func (s *Service) CoordinationNotNeeded(ctx context.Context, actor usecase.Actor, ref string, reason model.NotNeeded) (*usecase.Coordinator, error) {
	var out *usecase.Coordinator
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, c, err := s.asAssigned(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		if err := checkNotNeeded(reason); err != nil {
			return err
		}
		switch {
		case c.Status == model.CoordinationAccepted:
			return errAlreadyAccepted
		case c.Status == model.CoordinationAssigned || c.NotNeededReason != string(reason):
			if err := s.notNeeded(ctx, tx, actor, y, c, reason); err != nil {
				return err
			}
		}
		out, err = s.viewFor(ctx, tx, actor, y)
		return err
	})
	return out, err
}

func checkNotNeeded(reason model.NotNeeded) error {
	if reason == "" {
		return model.InvalidField(FieldNotNeededReason, "Kies waarom coördinatie niet nodig is.")
	}
	if !reason.Valid() {
		return model.InvalidField(FieldNotNeededReason, "Onbekende reden; kies uit: "+model.NotNeededList()+".")
	}
	return nil
}

func (s *Service) notNeeded(ctx context.Context, tx *storage.Tx, actor usecase.Actor, y model.Youth, c model.Coordination, reason model.NotNeeded) error {
	now := s.Now()
	ok, err := tx.DeclareNotNeeded(ctx, c.ID, string(reason), actor.Professional.ID, now)
	if err != nil {
		return err
	}
	if !ok {
		return usecase.ErrNoCoordination
	}
	audit.Write(ctx, tx, now, audit.Entry{
		Actor: actor.AuditActor(), Action: audit.ActionUpdate, ObjectType: "coordinatie", ObjectID: usecase.Itoa(c.ID),
		YouthReference: y.Reference, Purpose: "coördinatie niet nodig: " + string(reason),
	})
	involved, err := tx.Involvements(ctx, y.ID)
	if err != nil {
		return err
	}
	event := "coordinatie-niet-nodig:" + usecase.Itoa(c.ID) + ":" + usecase.Itoa(now.UnixMilli())
	return s.Send(ctx, tx, notNeededMessages(y, actor.Organisation, reason, involved, event, s.BaseURL, now)...)
}
