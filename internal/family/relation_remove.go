package family

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

var errNotRelationOwner = model.Errorf(model.EFORBIDDEN, "Alleen de organisatie die deze relatie legde, kan haar verwijderen.")

// RemoveRelation deletes a relation of a youth. Every professional involved
// with the youth sees its relations, but only the organisation that laid one
// may remove it.
func (s *Service) RemoveRelation(ctx context.Context, actor usecase.Actor, ref string, id int64) error {
	return s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, err := s.InvolvedYouth(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		r, err := tx.Relation(ctx, id)
		if err == storage.ErrNotFound || (err == nil && r.YouthID != y.ID) {
			return errRelationNotFound
		}
		if err != nil {
			return err
		}
		if r.OrganisationID != actor.Organisation.ID {
			return errNotRelationOwner
		}
		if err := tx.DeleteRelation(ctx, id); err != nil {
			return err
		}
		audit.Write(ctx, tx, s.Now(), audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionRemove, ObjectType: "relatie", ObjectID: usecase.Itoa(id),
			YouthReference: y.Reference, Purpose: "relatie verwijderd door de organisatie die haar legde",
		})
		return nil
	})
}
