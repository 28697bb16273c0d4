package plan

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

var (
	errOnlySignals  = model.InvalidField("registratie", "Alleen een signaal kan als onterecht worden verwijderd, geen ketenregistratie.")
	errNotConsulted = model.Errorf(model.ECONFLICT, "Overleg eerst met de signaalgever of het signaal evident onterecht is, en leg dat overleg vast. Daarna kunt u het signaal verwijderen.")
	errUnconfirmed  = model.InvalidField("bevestigd", "Bevestig dat u het signaal na overleg met de signaalgever wilt verwijderen. Dit kan niet ongedaan worden gemaakt.")
)

// ConsultWrongSignal records that the coordinator consulted the signaller
// about an evidently wrong signal on day on: the condition for removing it
// (issue 4). The record stays when the signal goes.
func (s *Service) ConsultWrongSignal(ctx context.Context, actor usecase.Actor, ref string, registrationID int64, on *time.Time) (Signaller, error) {
	return s.recordContact(ctx, actor, ref, registrationID, on, model.ContactWrongSignal,
		"overleg met de signaalgever over een evident onterecht signaal", onlySignals)
}

// onlySignals refuses a care registration: only a signal can be wrong.
func onlySignals(in model.Involvement) error {
	if in.Registration.Kind != model.KindSignaal {
		return errOnlySignals
	}
	return nil
}

// RemoveWrongSignal removes another organisation's active signal that the
// coordinator, after consulting its signaller in the running coordination,
// found evidently wrong; confirmed is the coordinator's explicit
// confirmation. It is deleted at once like a registration made in error: the
// covenant decides again who coordinates, and whoever is involved, the
// signaller's organisation included, is told that it was withdrawn.
func (s *Service) RemoveWrongSignal(ctx context.Context, actor usecase.Actor, ref string, registrationID int64, confirmed bool) error {
	now := s.Now()
	return s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, c, err := s.AsCoordinator(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		in, err := signallerOf(ctx, tx, y, c, registrationID)
		if err != nil {
			return err
		}
		if err := onlySignals(in); err != nil {
			return err
		}
		contacts, err := tx.SignallerContacts(ctx, c.ID)
		if err != nil {
			return err
		}
		consulted := false
		for _, k := range contacts {
			consulted = consulted || (k.RegistrationID == in.Registration.ID && k.Kind == model.ContactWrongSignal)
		}
		if !consulted {
			return errNotConsulted
		}
		if !confirmed {
			return errUnconfirmed
		}
		return s.Registrations.RemoveInTx(ctx, tx, in.Registration, registration.Removal{
			Purpose:   "onterecht signaal verwijderd door de coördinator na overleg met de signaalgever",
			Who:       actor.AuditActor(),
			TellOwner: true,
		}, now)
	})
}
