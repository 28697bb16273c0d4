package plan

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// AgreementChange is what the coordinator changes of an agreement; nil
// leaves a part as it is. The action itself stays: a different action is a
// new agreement.
type AgreementChange struct {
	Status      *string
	Responsible *string // e-mail address
	Start, End  *time.Time
}

// UpdateAgreement changes an agreement of the youth's plan of action: its
// status, days or responsible professional. Only the coordinator may, also
// for agreements made under an earlier coordinator. A new end date of an open
// agreement makes its overdue alert due again; a new responsible
// professional is told.
func (s *Service) UpdateAgreement(ctx context.Context, actor usecase.Actor, ref string, id int64, ch AgreementChange) (PlannedAgreement, error) {
	now := s.Now()
	var out PlannedAgreement
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, _, err := s.AsCoordinator(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		a, err := tx.Agreement(ctx, id)
		if err == storage.ErrNotFound || (err == nil && a.YouthID != y.ID) {
			return errAgreementNotFound
		}
		if err != nil {
			return err
		}
		next := a
		var inv []model.InvalidParam
		if ch.Status != nil {
			next.Status = strings.TrimSpace(*ch.Status)
			if !slices.Contains(model.AgreementStatuses, next.Status) {
				inv = append(inv, model.InvalidParam{Name: "status", Reason: "Kies de status 'open', 'gedaan' of 'niet-nagekomen'."})
			}
		}
		if ch.Responsible != nil {
			p, bad, err := s.responsible(ctx, tx, y, *ch.Responsible)
			if err != nil {
				return err
			}
			inv = append(inv, bad...)
			next.ProfessionalID = p.ID
		}
		if ch.Start != nil {
			next.StartOn = *ch.Start
		}
		if ch.End != nil {
			next.EndOn = *ch.End
		}
		inv = append(inv, checkAgreementDays(&next.StartOn, &next.EndOn)...)
		if err := model.Invalid("De afspraak is niet gewijzigd: controleer de gemarkeerde velden.", inv...); err != nil {
			return err
		}
		changed := agreementChanges(a, next)
		if len(changed) == 0 {
			out, err = s.plannedAgreement(ctx, tx, a)
			return err
		}
		if !next.EndOn.Equal(a.EndOn) && next.Status == model.AgreementOpen {
			next.OverdueAlertedAt = nil
		}
		next.UpdatedBy, next.UpdatedAt = actor.Professional.ID, &now
		if err := tx.UpdateAgreement(ctx, next); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionUpdate, ObjectType: "afspraak", ObjectID: usecase.Itoa(a.ID),
			YouthReference: y.Reference, Purpose: "plan van aanpak: " + strings.Join(changed, ", ") + " gewijzigd door de coördinator",
		})
		if out, err = s.plannedAgreement(ctx, tx, next); err != nil {
			return err
		}
		if next.ProfessionalID != a.ProfessionalID {
			return s.tellResponsible(ctx, tx, y, actor, out, now)
		}
		return nil
	})
	return out, err
}

// agreementChanges names, for the audit trail, what differs.
func agreementChanges(was, now model.Agreement) []string {
	var out []string
	if was.Status != now.Status {
		out = append(out, "status "+now.Status)
	}
	if was.ProfessionalID != now.ProfessionalID {
		out = append(out, "verantwoordelijke")
	}
	if !was.StartOn.Equal(now.StartOn) {
		out = append(out, "startdatum")
	}
	if !was.EndOn.Equal(now.EndOn) {
		out = append(out, "einddatum")
	}
	return out
}
