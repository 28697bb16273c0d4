package escalation

import (
	"context"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// conveneAhead is how far ahead a meeting may be recorded: a day further
// away is taken for a typing error.
const conveneAhead = 90 * 24 * time.Hour

// RecordConvened: the level-3 coordinator records that everyone involved
// was convened, for a meeting on day ("2026-11-30" or "30-11-2026"). Only a
// coordination whose covenant rule sets a deadline to convene has this duty
// (Almere, bijeenroepenWerkdagen); it is recorded once.
func (s *Service) RecordConvened(ctx context.Context, actor usecase.Actor, ref, day string) (*PyramidView, error) {
	var out *PyramidView
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		now := s.Now()
		y, c, err := s.AsCoordinator(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		if s.rule(c.Rule).ConveneWorkdays == 0 {
			return model.Errorf(model.ECONFLICT, "Voor deze coördinatie geldt geen termijn om alle betrokkenen bijeen te roepen; die geldt alleen op niveau 3 van de zorgpiramide.")
		}
		on, err := conveneDay(day, c.StartedAt, now)
		if err != nil {
			return err
		}
		v, err := tx.Convening(ctx, c.ID)
		if err != nil && err != storage.ErrNotFound {
			return err
		}
		if v.ConvenedOn != nil {
			return model.Errorf(model.ECONFLICT, "Het overleg met alle betrokkenen is al vastgelegd, op %s.", nltime.Date(*v.ConvenedOn))
		}
		if err := tx.RecordConvening(ctx, c.ID, y.ID, on, actor.Professional.ID, now); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionUpdate, ObjectType: "coordinatie", ObjectID: usecase.Itoa(c.ID),
			YouthReference: y.Reference, Purpose: "overleg met alle betrokkenen belegd op " + on.Format(time.DateOnly),
		})
		out, err = s.pyramidView(ctx, tx, y, actor, true, now)
		return err
	})
	return out, err
}

// conveneDay reads the day of the meeting: not before the coordination
// began, not far in the future.
func conveneDay(day string, started, now time.Time) (time.Time, error) {
	day = strings.TrimSpace(day)
	if day == "" {
		return time.Time{}, model.InvalidField("datum", "Vul de datum van het overleg in.")
	}
	var on time.Time
	var err error
	for _, layout := range []string{time.DateOnly, "02-01-2006", "2-1-2006"} {
		if on, err = time.Parse(layout, day); err == nil {
			break
		}
	}
	if err != nil {
		return on, model.InvalidField("datum", "Dit is geen datum. Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 30-11-2026.")
	}
	if on.Before(usecase.Today(started)) {
		return on, model.InvalidField("datum", "Het overleg kan niet vóór het begin van de coördinatie liggen ("+nltime.Date(started)+").")
	}
	if on.After(usecase.Today(now).Add(conveneAhead)) {
		return on, model.InvalidField("datum", "Deze datum ligt meer dan drie maanden in de toekomst. Controleer de datum.")
	}
	return on, nil
}
