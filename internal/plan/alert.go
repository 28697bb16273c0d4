package plan

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
	"github.com/jeugdketen/jeugdketen/internal/workday"
)

// AlertAgreementsOverdue tells the coordinating professional and the
// responsible professional, once, that an open agreement passed its intended
// end date (issue 4: "An agreement past its end date is flagged to the
// coordinator and the responsible professional"). Each agreement is handled
// in its own transaction.
func (s *Service) AlertAgreementsOverdue(ctx context.Context, now time.Time) (int, error) {
	today := workday.Day(now)
	return usecase.AlertEach(s.Service, ctx, func(tx *storage.Tx) ([]model.Agreement, error) { return tx.AgreementsOverdue(ctx, today, 100) },
		func(a model.Agreement) int64 { return a.ID },
		func(a model.Agreement) (int, error) { return s.alertAgreementOverdue(ctx, a.ID, today, now) })
}

func (s *Service) alertAgreementOverdue(ctx context.Context, id int64, today, now time.Time) (int, error) {
	sent := 0
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		a, err := tx.Agreement(ctx, id)
		if err == storage.ErrNotFound {
			return nil
		}
		if err != nil {
			return err
		}
		y, err := tx.LockYouthByID(ctx, a.YouthID)
		if err != nil {
			return err
		}
		if a, err = tx.Agreement(ctx, id); err != nil {
			return err
		}
		if a.OverdueAlertedAt != nil || !agreementOverdue(a, today.Format(time.DateOnly)) {
			return nil // changed meanwhile
		}
		if marked, err := tx.MarkAgreementOverdueAlerted(ctx, a.ID, now); err != nil || !marked {
			return err
		}
		to, err := s.overdueRecipients(ctx, tx, y, a)
		if err != nil {
			return err
		}
		pa, err := s.plannedAgreement(ctx, tx, a)
		if err != nil {
			return err
		}
		for _, p := range to {
			if err := s.Send(ctx, tx, overdueMessage(y, pa, p, s.BaseURL, now)); err != nil {
				return err
			}
			sent++
		}
		return nil
	})
	return sent, err
}

// overdueRecipients are the coordinating professional (the running
// coordination's named professional, or else the coordinating organisation's
// involved professionals) and the responsible professional while their
// organisation is still involved.
func (s *Service) overdueRecipients(ctx context.Context, tx *storage.Tx, y model.Youth, a model.Agreement) ([]model.Professional, error) {
	involved, err := tx.Involvements(ctx, y.ID)
	if err != nil {
		return nil, err
	}
	var out []model.Professional
	seen := map[int64]bool{}
	add := func(p model.Professional) {
		if p.Active && !p.Monitoring && !seen[p.ID] {
			seen[p.ID] = true
			out = append(out, p)
		}
	}
	c, err := tx.CurrentCoordination(ctx, y.ID)
	switch {
	case err == nil && c.ProfessionalID != 0:
		p, err := tx.Professional(ctx, c.ProfessionalID)
		if err != nil {
			return nil, err
		}
		add(p)
	case err == nil:
		for _, in := range involved {
			if in.Organisation.ID == c.OrganisationID {
				add(in.Professional)
			}
		}
	case err != storage.ErrNotFound:
		return nil, err
	}
	p, err := tx.Professional(ctx, a.ProfessionalID)
	if err != nil {
		return nil, err
	}
	for _, in := range involved {
		if in.Organisation.ID == p.OrganisationID {
			add(p)
			break
		}
	}
	return out, nil
}

func overdueMessage(y model.Youth, a PlannedAgreement, to model.Professional, baseURL string, now time.Time) usecase.Outgoing {
	line := "- " + a.Action + ", tot en met " + nltime.CalendarDate(a.EndOn) + ": " + a.Responsible.Name + " (" + a.Organisation.Name + "), telefoon " + a.Responsible.Phone
	var body string
	if to.ID == a.Responsible.ID {
		body = "De einddatum van een afspraak in het plan van aanpak van jeugdige " + y.Reference + " waarvoor u verantwoordelijk bent, is verstreken, en de afspraak staat nog open:\n\n" + line +
			"\n\nIs de afspraak uitgevoerd, of is er een nieuwe datum nodig? Laat het de coördinator weten."
	} else {
		body = "De einddatum van een afspraak in het plan van aanpak van jeugdige " + y.Reference + " is verstreken, en de afspraak staat nog open:\n\n" + line +
			"\n\nBespreek de afspraak met de verantwoordelijke en leg de status of een nieuwe einddatum vast in het plan van aanpak."
	}
	m := model.Message{
		ProfessionalID: to.ID, YouthID: y.ID, Kind: KindAgreementOverdue,
		EventKey: "afspraak-verlopen:" + usecase.Itoa(a.ID) + ":" + a.EndOn.Format(time.DateOnly),
		Subject:  "Afspraak verlopen in het plan van aanpak van jeugdige " + y.Reference, Body: body + usecase.Footer(baseURL, y), CreatedAt: now,
		Urgent: true, // a deadline passed
	}
	return usecase.Outgoing{Msg: m, Email: to.Email, OrganisationID: to.OrganisationID}
}

// RemindSignallers reminds the coordinating professional, once per
// registration, of each signaller not recorded as contacted within the
// region's number of working days (covenant "terugkoppelingWerkdagen") after
// the later of the acceptance and the registration (seed 002: "alle
// signaalgevers worden door de zorgcoördinator gebeld").
func (s *Service) RemindSignallers(ctx context.Context, now time.Time) (int, error) {
	sent := 0
	after := int64(0)
	for {
		var batch []model.Uncontacted
		if err := s.DB.View(ctx, func(tx *storage.Tx) error {
			var err error
			batch, err = tx.SignallersToRemind(ctx, after, 100)
			return err
		}); err != nil {
			return sent, err
		}
		if len(batch) == 0 {
			return sent, nil
		}
		for _, u := range batch {
			after = u.Registration
			from := u.CreatedAt
			if u.AcceptedAt.After(from) {
				from = u.AcceptedAt
			}
			if !now.After(workday.Deadline(from, s.Covenant.Coordination.ContactWorkdays)) {
				continue
			}
			n, err := s.remindSignaller(ctx, u, now)
			sent += n
			if err != nil {
				return sent, err
			}
		}
	}
}

func (s *Service) remindSignaller(ctx context.Context, u model.Uncontacted, now time.Time) (int, error) {
	sent := 0
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, err := tx.LockYouthByID(ctx, u.YouthID)
		if err != nil {
			return err
		}
		c, err := tx.CurrentCoordination(ctx, y.ID)
		if err == storage.ErrNotFound || (err == nil && (c.ID != u.CoordinationID || c.ProfessionalID == 0)) {
			return nil // the coordination changed meanwhile
		}
		if err != nil {
			return err
		}
		to, err := s.Contacts(ctx, tx, c.OrganisationID, c.ProfessionalID)
		if err != nil {
			return err
		}
		involved, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return err
		}
		for _, in := range involved {
			if in.Registration.ID != u.Registration {
				continue
			}
			body := "U coördineert de zorg voor jeugdige " + y.Reference + ". U heeft nog niet vastgelegd dat u deze signaalgever heeft gebeld:\n\n- " + usecase.Contact(in) +
				"\n\nBel de signaalgever, koppel terug wat nodig is, en leg het contact vast in het plan van aanpak."
			for _, p := range to {
				m := model.Message{
					ProfessionalID: p.ID, YouthID: y.ID, Kind: KindCallSignallers,
					EventKey: "signaalgever-bellen:" + usecase.Itoa(c.ID) + ":" + usecase.Itoa(in.Registration.ID),
					Subject:  "Bel de signaalgever van jeugdige " + y.Reference + ": " + in.Organisation.Name,
					Body:     body + usecase.Footer(s.BaseURL, y), CreatedAt: now,
					Urgent: true, // the covenant's working days to call passed
				}
				if err := s.Send(ctx, tx, usecase.Outgoing{Msg: m, Email: p.Email}); err != nil {
					return err
				}
				sent++
			}
			return nil
		}
		return nil
	})
	return sent, err
}
