package registration

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// objectionListLimit bounds the administrator's list; objections are few,
// and decided ones go with the archive sweep.
const objectionListLimit = 200

// Objections lists the objections for the regional administrator, the
// undecided ones first. Looking at the list is recorded in the audit trail.
func (s *Service) Objections(ctx context.Context, actor usecase.Actor) ([]Objection, error) {
	if err := usecase.MustBeAdministrator(actor); err != nil {
		return nil, err
	}
	var out []Objection
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		list, err := tx.Objections(ctx, objectionListLimit)
		if err != nil {
			return err
		}
		out = out[:0]
		for _, o := range list {
			v, err := s.objectionView(ctx, tx, o.ID)
			if err != nil {
				return err
			}
			out = append(out, v)
		}
		audit.Write(ctx, tx, s.Now(), audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionRead, ObjectType: "bezwaren", Purpose: "behandeling van bezwaren door de regiobeheerder",
		})
		return nil
	})
	return out, err
}

// Objection returns one objection with the registrations it concerns, for
// the regional administrator who decides it. Looking at it is recorded in
// the audit trail, under the youth: it names the organisations involved.
func (s *Service) Objection(ctx context.Context, actor usecase.Actor, id int64) (Objection, error) {
	if err := usecase.MustBeAdministrator(actor); err != nil {
		return Objection{}, err
	}
	var out Objection
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		var err error
		out, err = s.objectionView(ctx, tx, id)
		if err == storage.ErrNotFound {
			return errObjectionNotFound
		}
		if err != nil {
			return err
		}
		audit.Write(ctx, tx, s.Now(), audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionRead, ObjectType: "bezwaar", ObjectID: usecase.Itoa(id),
			YouthReference: out.YouthReference, Purpose: "behandeling van een bezwaar door de regiobeheerder",
		})
		return nil
	})
	return out, err
}
