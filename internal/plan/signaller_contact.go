package plan

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

var errSignallerNotFound = model.Errorf(model.ENOTFOUND, "Deze registratie is geen actieve registratie bij deze jeugdige.")

// RecordContact records that the coordinator contacted the signaller behind
// another organisation's active registration on day on (seed 002: "alle
// signaalgevers worden door de zorgcoördinator gebeld"). Recording it again
// corrects the day.
func (s *Service) RecordContact(ctx context.Context, actor usecase.Actor, ref string, registrationID int64, on *time.Time) (Signaller, error) {
	return s.recordContact(ctx, actor, ref, registrationID, on, model.ContactCalled,
		"signaalgever gebeld door de coördinator (terugkoppeling)", nil)
}

// recordContact records a contact of kind with the signaller of one
// registration, in the running coordination, and returns the signaller as
// the coordinator now sees it. check, when set, may refuse the registration.
func (s *Service) recordContact(ctx context.Context, actor usecase.Actor, ref string, registrationID int64, on *time.Time, kind, purpose string, check func(model.Involvement) error) (Signaller, error) {
	now := s.Now()
	var out Signaller
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, c, err := s.AsCoordinator(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		in, err := signallerOf(ctx, tx, y, c, registrationID)
		if err != nil {
			return err
		}
		if check != nil {
			if err := check(in); err != nil {
				return err
			}
		}
		if err := checkContactDay(on, in.Registration, now); err != nil {
			return err
		}
		k := model.SignallerContact{
			CoordinationID: c.ID, YouthID: y.ID, RegistrationID: in.Registration.ID, Kind: kind,
			ContactedOn: *on, RecordedBy: actor.Professional.ID, RecordedAt: now,
		}
		if err := tx.RecordSignallerContact(ctx, &k); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionCreate, ObjectType: "contact-signaalgever", ObjectID: usecase.Itoa(k.ID),
			YouthReference: y.Reference, Purpose: purpose + " over registratie " + usecase.Itoa(in.Registration.ID),
		})
		involved, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return err
		}
		all, err := signallers(ctx, tx, c, involved, true)
		if err != nil {
			return err
		}
		for _, sg := range all {
			if sg.Registration.ID == in.Registration.ID {
				out = sg
			}
		}
		return nil
	})
	return out, err
}

// signallerOf finds an active registration of another organisation than the
// coordinator's about youth y.
func signallerOf(ctx context.Context, tx *storage.Tx, y model.Youth, c model.Coordination, registrationID int64) (model.Involvement, error) {
	involved, err := tx.Involvements(ctx, y.ID)
	if err != nil {
		return model.Involvement{}, err
	}
	for _, in := range involved {
		if in.Registration.ID != registrationID {
			continue
		}
		if in.Organisation.ID == c.OrganisationID {
			return in, model.InvalidField("registratie", "Dit is een registratie van uw eigen organisatie, geen signaalgever die u belt.")
		}
		return in, nil
	}
	return model.Involvement{}, errSignallerNotFound
}

// checkContactDay: a day is given, not in the future and not before the
// registration was made.
func checkContactDay(on *time.Time, r model.Registration, now time.Time) error {
	switch {
	case on == nil:
		return model.InvalidField("datum", "Vul de datum van het contact in (jjjj-mm-dd).")
	case on.Format(time.DateOnly) > planDay(now):
		return model.InvalidField("datum", "De datum van het contact ligt in de toekomst.")
	case on.Format(time.DateOnly) < planDay(r.CreatedAt):
		return model.InvalidField("datum", "De datum van het contact ligt vóór de registratie ("+nltime.Date(r.CreatedAt)+").")
	}
	return nil
}
