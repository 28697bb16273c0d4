package registration

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// End ends the actor's organisation's own registration. Ending one that has
// ended already changes nothing and answers with its state, so a client
// system may resend.
func (s *Service) End(ctx context.Context, actor usecase.Actor, id int64) (model.Registration, error) {
	var out model.Registration
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		r, err := tx.Registration(ctx, id)
		if err == storage.ErrNotFound || (err == nil && !actor.Owns(r)) {
			return errRegistrationNotFound
		}
		if err != nil {
			return err
		}
		if !r.Active() {
			out = r
			return nil
		}
		out, err = s.EndInTx(ctx, tx, r, model.EndByOrganisation, actor.Professional.ID, actor.AuditActor())
		return err
	})
	return out, err
}

var errRegistrationNotFound = model.Errorf(model.ENOTFOUND, "Deze registratie bestaat niet, of is niet van uw organisatie.")

// ownRegistration reads registration id and its youth for the actor, who
// must be of the organisation that made it: any other answer is the same
// "not found" as for an id that does not exist.
func ownRegistration(ctx context.Context, tx *storage.Tx, actor usecase.Actor, id int64) (model.Registration, model.Youth, error) {
	r, err := tx.Registration(ctx, id)
	if err == storage.ErrNotFound || (err == nil && !actor.Owns(r)) {
		return model.Registration{}, model.Youth{}, errRegistrationNotFound
	}
	if err != nil {
		return model.Registration{}, model.Youth{}, err
	}
	y, err := tx.Youth(ctx, r.YouthID)
	return r, y, err
}

// EndInTx ends one registration and reassigns coordination among who
// remains. It is one event: each professional gets one e-mail about it.
func (s *Service) EndInTx(ctx context.Context, tx *storage.Tx, r model.Registration, reason model.EndReason, by int64, who audit.Actor) (model.Registration, error) {
	out := r
	err := s.OneMailEach(ctx, tx, usecase.Event{}, func(ctx context.Context) error {
		var err error
		out, err = s.endInTx(ctx, tx, r, reason, by, who)
		return err
	})
	return out, err
}

func (s *Service) endInTx(ctx context.Context, tx *storage.Tx, r model.Registration, reason model.EndReason, by int64, who audit.Actor) (model.Registration, error) {
	now := s.Now()
	y, err := tx.LockYouthByID(ctx, r.YouthID)
	if err != nil {
		return r, err
	}
	ended, err := tx.EndRegistration(ctx, r.ID, now, reason, by)
	if err != nil {
		return r, err
	}
	if !ended { // another transaction ended it meanwhile
		return tx.Registration(ctx, r.ID)
	}
	r.EndedAt, r.EndReason = &now, reason
	audit.Write(ctx, tx, now, audit.Entry{
		Actor: who, Action: audit.ActionEnd, ObjectType: "registratie", ObjectID: usecase.Itoa(r.ID),
		YouthReference: y.Reference, Purpose: "beëindiging: " + string(reason),
	})
	involved, err := tx.Involvements(ctx, y.ID)
	if err != nil {
		return r, err
	}
	if err := s.RecordEnded(ctx, tx, r, involved); err != nil {
		return r, err
	}
	_, err = s.Coordinations.Coordinate(ctx, tx, y, involved, now)
	return r, err
}

// Sweep ends registrations whose end date has passed and those of youths who
// reached the age limit. Each registration ends in its own transaction, so a
// crash midway leaves every one either ended with its consequences or untouched.
func (s *Service) Sweep(ctx context.Context) (int, error) {
	return s.endAllDue(ctx, (*storage.Tx).RegistrationsPastEndDate, model.EndDateReached)
}

// endAllDue ends, a hundred at a time, every active registration that find
// reports due today, each in its own transaction.
func (s *Service) endAllDue(ctx context.Context, find func(*storage.Tx, context.Context, time.Time, int) ([]model.Registration, error), reason model.EndReason) (int, error) {
	today := usecase.Today(s.Now())
	ended := 0
	for {
		var due []model.Registration
		err := s.DB.View(ctx, func(tx *storage.Tx) error {
			var err error
			due, err = find(tx, ctx, today, 100)
			return err
		})
		if err != nil || len(due) == 0 {
			return ended, err
		}
		for _, r := range due {
			if err := s.endBySweep(ctx, r.ID, reason); err != nil {
				return ended, err
			}
			ended++
		}
	}
}

// SweepAgeLimit ends the registrations of youths who reached the age limit.
func (s *Service) SweepAgeLimit(ctx context.Context) (int, error) {
	today := usecase.Today(s.Now())
	ended := 0
	// A batch at a time: a national register holds a million youths, and
	// the sweep must not hold them all in memory at once.
	for after := int64(0); ; {
		var youths []model.Youth
		err := s.DB.View(ctx, func(tx *storage.Tx) error {
			var err error
			youths, err = tx.ActiveYouthsAfter(ctx, after, sweepBatch)
			return err
		})
		if err != nil || len(youths) == 0 {
			return ended, err
		}
		after = youths[len(youths)-1].ID
		for _, y := range youths {
			yv, err := s.ViewYouth(y)
			if err != nil {
				return ended, err
			}
			if model.AgeOn(yv.Person.BirthDate, today) < s.EffectiveAgeLimit() {
				continue
			}
			var regs []model.Registration
			if err := s.DB.View(ctx, func(tx *storage.Tx) error {
				regs, err = tx.ActiveRegistrationsOfYouth(ctx, y.ID)
				return err
			}); err != nil {
				return ended, err
			}
			for _, r := range regs {
				if err := s.endBySweep(ctx, r.ID, model.EndAgeLimit); err != nil {
					return ended, err
				}
				ended++
			}
		}
	}
}

// sweepBatch is how many youths a sweep reads at a time.
const sweepBatch = 1000

func (s *Service) endBySweep(ctx context.Context, id int64, reason model.EndReason) error {
	return s.DB.Update(ctx, func(tx *storage.Tx) error {
		r, err := tx.Registration(ctx, id)
		if err != nil || !r.Active() {
			return err // another instance ended it meanwhile
		}
		_, err = s.EndInTx(ctx, tx, r, reason, 0, usecase.SystemActor)
		return err
	})
}
