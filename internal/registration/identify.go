package registration

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// The one refusal for a BSN that is not a youth's (issue 14). A person the
// register does not know, a birth date that is not theirs, an adult and a
// birth date in the future all get it, so that whoever types a BSN learns
// nothing about whom it belongs to: not whether they exist, not their age.
const (
	msgNotAYouthWithDate = "Burgerservicenummer en geboortedatum horen niet bij een jeugdige in de basisregistratie personen. Controleer beide."
	msgNotAYouth         = "Dit burgerservicenummer hoort niet bij een jeugdige in de basisregistratie personen. Controleer het burgerservicenummer."
)

// identify looks the youth up in the population register and checks that
// the birth date given is theirs and that they are within the age limit.
// Every way of failing that is the same refusal; only an unreachable
// register (EUNAVAILABLE) and the like pass as they are.
func (s *Service) identify(ctx context.Context, in Registering, today time.Time) (model.Person, error) {
	person, err := s.Population.Lookup(ctx, in.BSN)
	if model.ErrorCode(err) == model.EINVALID {
		return model.Person{}, notAYouth(in)
	}
	if err != nil {
		return model.Person{}, err
	}
	if in.BirthDate != nil && !sameDate(person.BirthDate, *in.BirthDate) {
		return model.Person{}, notAYouth(in)
	}
	age := model.AgeOn(person.BirthDate, today)
	if person.BirthDate.After(today) || age < 0 || age >= s.EffectiveAgeLimit() {
		return model.Person{}, notAYouth(in)
	}
	return person, nil
}

// notAYouth is the refusal, on both fields when a birth date was given.
func notAYouth(in Registering) error {
	if in.BirthDate == nil {
		return model.InvalidField("burgerservicenummer", msgNotAYouth)
	}
	return model.Invalid(msgNotAYouthWithDate,
		model.InvalidParam{Name: "burgerservicenummer", Reason: msgNotAYouthWithDate},
		model.InvalidParam{Name: "geboortedatum", Reason: msgNotAYouthWithDate})
}

func sameDate(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// applyInformed records, on a registration sent again, the informing sent
// with it, as SetInformed would; an empty code keeps what was recorded. It
// reports whether anything changed. The codes were checked against the
// youth's age before.
func (s *Service) applyInformed(ctx context.Context, tx *storage.Tx, actor usecase.Actor, y model.Youth, r *model.Registration, parents, youth model.Informed, now time.Time) (bool, error) {
	next := *r
	if parents != "" {
		next.ParentsInformed = parents
	}
	if youth != "" {
		next.YouthInformed = youth
	}
	if next.ParentsInformed == r.ParentsInformed && next.YouthInformed == r.YouthInformed {
		return false, nil
	}
	if err := tx.SetInformed(ctx, r.ID, next.ParentsInformed, next.YouthInformed); err != nil {
		return false, err
	}
	*r = next
	audit.Write(ctx, tx, now, audit.Entry{
		Actor: actor.AuditActor(), Action: audit.ActionUpdate, ObjectType: "registratie", ObjectID: usecase.Itoa(r.ID),
		YouthReference: y.Reference, Purpose: "informeren ouders en jeugdige vastgelegd",
	})
	return true, nil
}
