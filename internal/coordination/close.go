package coordination

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

var errCloseUnconfirmed = model.InvalidField(FieldConfirmed, "Bevestig dat u de casus wilt afsluiten: de coördinatie en alle registraties over deze jeugdige, ook die van andere organisaties, worden beëindigd. Dit kan niet ongedaan worden gemaakt.")

// Closed is the outcome of closing a case.
type Closed struct {
	Reference     string
	Registrations int // the active registrations that ended with it
}

// CloseCoordination: the coordinator closes the case (seed 002: "de
// zorgcoördinator meldt de jeugdige af in het systeem zodra de
// zorgcoördinatie is beëindigd"; registrations end "als de zorgcoördinator
// beslist dat een casus kan worden afgesloten"). In one transaction the
// coordination ends ('afgesloten') and so does every active registration
// of the youth, of every organisation, with reason 'afgesloten'; the
// covenant does not decide in between. Everyone who was involved is told
// once. Afterwards nobody sees the youth any more. It cannot be undone, so
// confirmed must say the coordinator explicitly confirmed it.
func (s *Service) CloseCoordination(ctx context.Context, actor usecase.Actor, ref string, confirmed bool) (Closed, error) {
	var out Closed
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, c, err := s.AsCoordinator(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		if !confirmed {
			return errCloseUnconfirmed
		}
		now := s.Now()
		involved, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return err
		}
		out = Closed{Reference: y.Reference}
		regs, err := tx.ActiveRegistrationsOfYouth(ctx, y.ID)
		if err != nil {
			return err
		}
		for _, r := range regs {
			ended, err := tx.EndRegistration(ctx, r.ID, now, model.EndClosed, actor.Professional.ID)
			if err != nil {
				return err
			}
			if !ended {
				continue
			}
			out.Registrations++
			audit.Write(ctx, tx, now, audit.Entry{
				Actor: actor.AuditActor(), Action: audit.ActionEnd, ObjectType: "registratie", ObjectID: usecase.Itoa(r.ID),
				YouthReference: y.Reference, Purpose: "beëindiging: " + string(model.EndClosed),
			})
		}
		if err := s.endCoordination(ctx, tx, y, c, model.EndByClosing, actor.AuditActor(), actor.Professional.ID, now); err != nil {
			return err
		}
		told := usecase.Recipients(involved)
		if c.ProfessionalID != 0 {
			p, err := tx.Professional(ctx, c.ProfessionalID)
			if err != nil {
				return err
			}
			told = WithProfessional(told, actor.Organisation, p)
		}
		return s.Send(ctx, tx, closedMessages(y, c, actor.Organisation, told, now)...)
	})
	return out, err
}
