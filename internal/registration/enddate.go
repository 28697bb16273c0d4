package registration

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// SetEndDate sets (or with nil, removes) the planned last day of one of the
// actor's organisation's active registrations. The sweep ends it after that day.
func (s *Service) SetEndDate(ctx context.Context, actor usecase.Actor, id int64, day *time.Time) (model.Registration, error) {
	now := s.Now()
	var out model.Registration
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		r, y, err := ownRegistration(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		if err := s.changeEndDate(ctx, tx, actor, y, &r, day, now); err != nil {
			return err
		}
		out = r
		return nil
	})
	return out, err
}

// changeEndDate sets r's planned last day to day (nil: none) and audits it.
// The day lies between today and the end of r's term: a registration ends
// at its term anyway unless renewed, so a later day would promise what will
// not happen (a 9999-12-31 was once stored).
func (s *Service) changeEndDate(ctx context.Context, tx *storage.Tx, actor usecase.Actor, y model.Youth, r *model.Registration, day *time.Time, now time.Time) error {
	if day != nil {
		if p := endDateProblem(*day, usecase.Today(now), r.ExpiresOn); p != nil {
			return model.Invalid("De einddatum is niet gewijzigd.", *p)
		}
	}
	ok, err := tx.SetRegistrationEndDate(ctx, r.ID, day)
	if err != nil {
		return err
	}
	if !ok {
		return model.Errorf(model.ECONFLICT, "Deze registratie is al beëindigd; een einddatum kan niet meer.")
	}
	r.EndDate = day
	audit.Write(ctx, tx, now, audit.Entry{Actor: actor.AuditActor(), Action: audit.ActionUpdate, ObjectType: "registratie",
		ObjectID: usecase.Itoa(r.ID), YouthReference: y.Reference, Purpose: "einddatum gewijzigd"})
	return nil
}

// endDateProblem says what is wrong with day as the planned last day of a
// registration whose term ends on termEnd; nil when nothing is.
func endDateProblem(day, today, termEnd time.Time) *model.InvalidParam {
	switch {
	case day.Before(today):
		return &model.InvalidParam{Name: "einddatum", Reason: "De einddatum ligt in het verleden; kies vandaag of een latere datum."}
	case day.After(termEnd):
		return &model.InvalidParam{Name: "einddatum", Reason: "De einddatum ligt na het einde van de looptijd op " + nltime.CalendarDate(termEnd) +
			"; de registratie eindigt dan vanzelf, tenzij uw organisatie haar verlengt. Kies een datum tot en met " + nltime.CalendarDate(termEnd) + "."}
	}
	return nil
}

// sameDay reports whether two optional days are the same.
func sameDay(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}
