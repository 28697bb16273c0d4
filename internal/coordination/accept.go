package coordination

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

var errNotAssigned = model.Errorf(model.EFORBIDDEN, "Alleen de organisatie die als coördinator is aangewezen, kan de coördinatie accepteren of zeggen dat zij niet nodig is.")

// AcceptCoordination: the assigned organisation accepts coordination and
// names its coordinating professional, by e-mail address (empty: the actor).
// It may do so while the coordination waits for acceptance, after it said
// coordination was not needed (a change of mind), and after acceptance to
// name another professional. Everyone involved is told who coordinates and
// how to reach that professional. Accepting again with the same
// professional changes nothing, so a client system may resend.
func (s *Service) AcceptCoordination(ctx context.Context, actor usecase.Actor, ref, professional string) (*usecase.Coordinator, error) {
	var out *usecase.Coordinator
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, c, err := s.asAssigned(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		p, err := coordinatingProfessional(ctx, tx, actor, professional)
		if err != nil {
			return err
		}
		if c.Status != model.CoordinationAccepted || c.ProfessionalID != p.ID {
			if err := s.accept(ctx, tx, actor, y, c, p); err != nil {
				return err
			}
		}
		out, err = s.viewFor(ctx, tx, actor, y)
		return err
	})
	return out, err
}

func (s *Service) accept(ctx context.Context, tx *storage.Tx, actor usecase.Actor, y model.Youth, c model.Coordination, p model.Professional) error {
	now := s.Now()
	ok, err := tx.AcceptCoordination(ctx, c.ID, p.ID, actor.Professional.ID, now)
	if err != nil {
		return err
	}
	if !ok {
		return usecase.ErrNoCoordination
	}
	audit.Write(ctx, tx, now, audit.Entry{
		Actor: actor.AuditActor(), Action: audit.ActionUpdate, ObjectType: "coordinatie", ObjectID: usecase.Itoa(c.ID),
		YouthReference: y.Reference, Purpose: "coördinatie geaccepteerd, coördinerende professional " + usecase.Itoa(p.ID),
	})
	involved, err := tx.Involvements(ctx, y.ID)
	if err != nil {
		return err
	}
	event := "coordinatie-geaccepteerd:" + usecase.Itoa(c.ID) + ":" + usecase.Itoa(now.UnixMilli())
	return s.Send(ctx, tx, acceptedMessages(y, actor.Organisation, p, involved, event, s.BaseURL, now)...)
}

// asAssigned is involvedYouth for the assigned organisation: the actor's
// organisation must hold the youth's running coordination, accepted or not.
func (s *Service) asAssigned(ctx context.Context, tx *storage.Tx, actor usecase.Actor, ref string) (model.Youth, model.Coordination, error) {
	y, err := s.InvolvedYouth(ctx, tx, actor, ref)
	if err != nil {
		return y, model.Coordination{}, err
	}
	c, err := tx.CurrentCoordination(ctx, y.ID)
	if err == storage.ErrNotFound {
		return y, c, usecase.ErrNoCoordination
	}
	if err != nil {
		return y, c, err
	}
	if c.OrganisationID != actor.Organisation.ID {
		return y, c, errNotAssigned
	}
	return y, c, nil
}
