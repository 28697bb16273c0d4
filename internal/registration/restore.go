package registration

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// RestoreWindow is how long after ending it its own organisation may undo
// an ending made by mistake.
const RestoreWindow = 24 * time.Hour

// Restorable reports whether r, ended, may still be restored at now: only an
// ending by the organisation itself, and only within RestoreWindow. An ending
// by the sweeps (end date, term, age limit) or by the coordinator closing the
// case is no mistake of the organisation's to undo.
func Restorable(r model.Registration, now time.Time) bool {
	return !r.Active() && r.EndReason == model.EndByOrganisation && now.Sub(*r.EndedAt) <= RestoreWindow
}

// Restore undoes, for the actor's organisation, the ending of one of its
// registrations within 24 hours: the registration runs again as before,
// with its term and end date, and the covenant decides again who
// coordinates. The others are told only what they did not know: an
// organisation that registered while it was ended gets the match message
// now; those matched before hear nothing new, as they never heard of the
// ending either. The restore is audited.
func (s *Service) Restore(ctx context.Context, actor usecase.Actor, id int64) (model.Registration, error) {
	now := s.Now()
	var out model.Registration
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		r, _, err := ownRegistration(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		if err := checkRestorable(ctx, tx, r, now); err != nil {
			return err
		}
		y, err := tx.LockYouthByID(ctx, r.YouthID)
		if err != nil {
			return err
		}
		ok, err := tx.RestoreRegistration(ctx, r.ID)
		if err != nil {
			return err
		}
		if !ok { // another transaction restored it meanwhile
			out, err = tx.Registration(ctx, r.ID)
			return err
		}
		r.EndedAt, r.EndReason = nil, ""
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionUpdate, ObjectType: "registratie", ObjectID: usecase.Itoa(r.ID),
			YouthReference: y.Reference, Purpose: "beëindiging binnen 24 uur hersteld door de eigen organisatie",
		})
		involved, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return err
		}
		decision, err := s.Coordinations.Coordinate(ctx, tx, y, involved, now)
		if err != nil {
			return err
		}
		out = r
		return s.matchNewcomers(ctx, tx, y, r, involved, coordinationLine(decision, involved), now)
	})
	return out, err
}

func checkRestorable(ctx context.Context, tx *storage.Tx, r model.Registration, now time.Time) error {
	switch {
	case r.Active():
		return model.Errorf(model.ECONFLICT, "Deze registratie loopt nog; er is niets te herstellen.")
	case r.EndReason != model.EndByOrganisation:
		return model.Errorf(model.ECONFLICT, "Deze registratie is niet door uw organisatie beëindigd (%s) en kan niet worden hersteld. Is uw organisatie nog betrokken, registreer dan opnieuw.", r.EndReason.Label())
	case !Restorable(r, now):
		return model.Errorf(model.ECONFLICT, "Deze registratie is langer dan 24 uur geleden beëindigd en kan niet meer worden hersteld. Is uw organisatie nog betrokken, registreer dan opnieuw.")
	}
	_, err := tx.ActiveRegistrationOf(ctx, r.YouthID, r.OrganisationID, r.Kind)
	switch err {
	case nil:
		return model.Errorf(model.ECONFLICT, "Uw organisatie heeft inmiddels weer een actieve %s voor deze jeugdige; er is niets te herstellen.", r.Kind.Label(false))
	case storage.ErrNotFound:
		return nil
	}
	return err
}

// matchNewcomers records the match between the restored registration's
// organisation and each organisation involved now that was never matched
// with it, and sends the match message to those organisations only.
func (s *Service) matchNewcomers(ctx context.Context, tx *storage.Tx, y model.Youth, r model.Registration, involved []model.Involvement, status string, now time.Time) error {
	fresh := map[int64]bool{}
	var restored model.Involvement
	for _, in := range involved {
		if in.Registration.ID == r.ID {
			restored = in
		}
		if in.Organisation.ID == r.OrganisationID || fresh[in.Organisation.ID] {
			continue
		}
		isNew, err := tx.RecordMatch(ctx, y.ID, in.Organisation.ID, r.OrganisationID, r.ID, now)
		if err != nil {
			return err
		}
		fresh[in.Organisation.ID] = isNew
	}
	var out []usecase.Outgoing
	for _, m := range matchMessages(y, restored, involved, status, s.BaseURL, now) {
		if fresh[organisationOf(involved, m.Msg.ProfessionalID)] {
			out = append(out, m)
		}
	}
	return s.Send(ctx, tx, out...)
}

// organisationOf is the organisation of an involved professional.
func organisationOf(involved []model.Involvement, professional int64) int64 {
	for _, in := range involved {
		if in.Professional.ID == professional {
			return in.Organisation.ID
		}
	}
	return 0
}
