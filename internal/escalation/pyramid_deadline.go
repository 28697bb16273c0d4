package escalation

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
	"github.com/jeugdketen/jeugdketen/internal/workday"
)

// AlertConveneOverdue tells the coordinator and the regional administrators,
// once, that a level-3 coordinator did not record convening everyone within
// the rule's working days from the start of the coordination (Almere).
func (s *Service) AlertConveneOverdue(ctx context.Context, now time.Time) (int, error) {
	var rules []string
	least := 0
	for _, r := range s.Covenant.Rules {
		if r.ConveneWorkdays > 0 {
			rules = append(rules, r.ID)
			if least == 0 || r.ConveneWorkdays < least {
				least = r.ConveneWorkdays
			}
		}
	}
	if len(rules) == 0 {
		return 0, nil
	}
	// n working days are at least n calendar days: a coordination that
	// started later cannot be overdue yet.
	before := now.AddDate(0, 0, -least)
	return usecase.AlertEach(s.Service, ctx, func(tx *storage.Tx) ([]model.Coordination, error) {
		return tx.CoordinationsToConvene(ctx, rules, before, 100)
	},
		func(c model.Coordination) int64 { return c.ID },
		func(c model.Coordination) (int, error) { return s.alertConvene(ctx, c.YouthID, c.ID, now) })
}

func (s *Service) alertConvene(ctx context.Context, youthID, coordinationID int64, now time.Time) (int, error) {
	sent := 0
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, err := tx.LockYouthByID(ctx, youthID)
		if err != nil {
			return err
		}
		c, err := tx.Coordination(ctx, coordinationID)
		if err != nil || !c.Running() {
			return err
		}
		r := s.rule(c.Rule)
		if r.ConveneWorkdays == 0 {
			return nil
		}
		due := workday.Deadline(c.RuleStart(), r.ConveneWorkdays)
		if !now.After(due) {
			return nil
		}
		if marked, err := tx.MarkConveningAlerted(ctx, c.ID, y.ID, now); err != nil || !marked {
			return err
		}
		org, err := tx.Organisation(ctx, c.OrganisationID)
		if err != nil {
			return err
		}
		coordinator, involved, admins, err := usecase.AlertAudience(ctx, tx, c)
		if err != nil {
			return err
		}
		msgs := conveneOverdueMessages(y, c, org, coordinator, due, involved, admins, s.BaseURL, now)
		sent = len(msgs)
		return s.Send(ctx, tx, msgs...)
	})
	return sent, err
}

// AlertBrandpuntOverdue tells the regional administrators, once, that the
// brandpunt officer did not record convening everyone within the region's
// hours after care was reported stagnating.
func (s *Service) AlertBrandpuntOverdue(ctx context.Context, now time.Time) (int, error) {
	return usecase.AlertEach(s.Service, ctx, func(tx *storage.Tx) ([]model.Stagnation, error) { return tx.OverdueStagnations(ctx, now, 100) },
		func(st model.Stagnation) int64 { return st.ID },
		func(st model.Stagnation) (int, error) { return s.alertBrandpunt(ctx, st, now) })
}

func (s *Service) alertBrandpunt(ctx context.Context, st model.Stagnation, now time.Time) (int, error) {
	sent := 0
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, err := tx.LockYouthByID(ctx, st.YouthID)
		if err != nil {
			return err
		}
		if marked, err := tx.MarkStagnationAlerted(ctx, st.ID, now); err != nil || !marked {
			return err
		}
		c, err := tx.Coordination(ctx, st.CoordinationID)
		if err != nil {
			return err
		}
		org, err := tx.Organisation(ctx, c.OrganisationID)
		if err != nil {
			return err
		}
		admins, err := tx.Administrators(ctx)
		if err != nil {
			return err
		}
		msgs := brandpuntOverdueMessages(y, st, org, admins, s.BaseURL, now)
		sent = len(msgs)
		return s.Send(ctx, tx, msgs...)
	})
	return sent, err
}
