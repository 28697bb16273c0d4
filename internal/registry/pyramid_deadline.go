package registry

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/workday"
)

// alertConveneOverdue tells the coordinator and the regional administrators,
// once, that a level-3 coordinator did not record convening everyone within
// the rule's working days from the start of the coordination (Almere).
func alertConveneOverdue(s *Service, ctx context.Context, now time.Time) (int, error) {
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
	sent := 0
	seen := map[int64]bool{}
	for {
		var due []storage.Coordination
		if err := s.DB.View(ctx, func(tx *storage.Tx) error {
			var err error
			due, err = tx.CoordinationsToConvene(ctx, rules, before, 100)
			return err
		}); err != nil {
			return sent, err
		}
		progress := false
		for _, c := range due {
			if seen[c.ID] {
				continue
			}
			seen[c.ID], progress = true, true
			n, err := s.alertConvene(ctx, c.YouthID, c.ID, now)
			sent += n
			if err != nil {
				return sent, err
			}
		}
		if !progress {
			return sent, nil
		}
	}
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
		var coordinator *model.Professional
		if c.ProfessionalID != 0 {
			p, err := tx.Professional(ctx, c.ProfessionalID)
			if err != nil {
				return err
			}
			coordinator = &p
		}
		involved, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return err
		}
		admins, err := tx.Administrators(ctx)
		if err != nil {
			return err
		}
		msgs := conveneOverdueMessages(y, c, org, coordinator, due, involved, admins, s.BaseURL, now)
		sent = len(msgs)
		return s.send(ctx, tx, msgs...)
	})
	return sent, err
}

// alertBrandpuntOverdue tells the regional administrators, once, that the
// brandpunt officer did not record convening everyone within the region's
// hours after care was reported stagnating.
func alertBrandpuntOverdue(s *Service, ctx context.Context, now time.Time) (int, error) {
	sent := 0
	seen := map[int64]bool{}
	for {
		var due []storage.Stagnation
		if err := s.DB.View(ctx, func(tx *storage.Tx) error {
			var err error
			due, err = tx.OverdueStagnations(ctx, now, 100)
			return err
		}); err != nil {
			return sent, err
		}
		progress := false
		for _, st := range due {
			if seen[st.ID] {
				continue
			}
			seen[st.ID], progress = true, true
			n, err := s.alertBrandpunt(ctx, st, now)
			sent += n
			if err != nil {
				return sent, err
			}
		}
		if !progress {
			return sent, nil
		}
	}
}

func (s *Service) alertBrandpunt(ctx context.Context, st storage.Stagnation, now time.Time) (int, error) {
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
		return s.send(ctx, tx, msgs...)
	})
	return sent, err
}
