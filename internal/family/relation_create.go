package family

import (
	"bytes"
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Relating is what a professional submits to lay a relation: the other
// person's BSN, or instead the key of a person RelationCandidates offered,
// and the kind.
type Relating struct {
	BSN       string
	Candidate string // a RelativeCandidate's Key, instead of the BSN
	Kind      RelationKind
}

var errDuplicateRelation = model.Errorf(model.ECONFLICT, "Deze relatie is al gelegd: de jeugdige is al met deze persoon verbonden als deze soort relatie.")

// Relate links a youth to another person found in the population register,
// for a professional involved with the youth (seed 002: "Het is aan de
// beoordeling van de hulpverlener om te beslissen of er een relatie gelegd
// moet worden met een van de familieleden of andere betrokkenen in de
// omgeving van de jeugdige"). It stores the kind, who laid it and when,
// nothing else. Anyone not involved gets "niet gevonden" before the input is
// looked at; bad input, a person the register does not know, or a register
// that cannot be reached store nothing.
func (s *Service) Relate(ctx context.Context, actor usecase.Actor, ref string, in Relating) (Relation, error) {
	y, err := s.viewableYouth(ctx, actor, ref)
	if err != nil {
		return Relation{}, err
	}
	if in.Candidate != "" && !actor.Organisation.GivesCare() {
		return Relation{}, errSignalsOnly // it was offered no candidates
	}
	bsn, err := s.checkRelating(ctx, y, in)
	if err != nil {
		return Relation{}, err
	}
	person, err := s.Population.Lookup(ctx, bsn)
	if err != nil {
		return Relation{}, err
	}
	sealed, err := s.Keys.SealJSON(relatedPerson(person))
	if err != nil {
		return Relation{}, err
	}
	var out Relation
	err = s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, err := s.InvolvedYouth(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		now := s.Now()
		r := model.Relation{
			YouthID: y.ID, PersonHash: s.Keys.Hash("bsn", bsn), Person: sealed, Kind: string(in.Kind),
			OrganisationID: actor.Organisation.ID, ProfessionalID: actor.Professional.ID, CreatedAt: now,
			Organisation: actor.Organisation, Professional: actor.Professional,
		}
		switch err := tx.CreateRelation(ctx, &r); err {
		case nil:
		case storage.ErrDuplicate:
			return errDuplicateRelation
		default:
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionCreate, ObjectType: "relatie", ObjectID: usecase.Itoa(r.ID),
			YouthReference: y.Reference, Purpose: "relatie gelegd door betrokken hulpverlener (" + string(in.Kind) + ")",
		})
		out, err = s.relation(ctx, tx, r, actor.Organisation.ID)
		return err
	})
	return out, err
}

// checkRelating checks the input and returns the other person's BSN.
func (s *Service) checkRelating(ctx context.Context, y model.Youth, in Relating) (string, error) {
	const whole = "De relatie is niet opgeslagen: controleer de gemarkeerde velden."
	var inv []model.InvalidParam
	if !in.Kind.Valid() {
		inv = append(inv, model.InvalidParam{Name: "relatie", Reason: "Kies de soort relatie: ouder, broer-zus, ander-familielid of huisgenoot."})
	}
	bsn := in.BSN
	switch {
	case in.Candidate != "" && in.BSN != "":
		inv = append(inv, model.InvalidParam{Name: "burgerservicenummer", Reason: "Kies een persoon uit de basisregistratie óf vul een burgerservicenummer in, niet allebei."})
	case in.Candidate == "":
		if err := model.CheckBSN("burgerservicenummer", bsn); err != nil {
			inv = append(inv, model.ErrorParams(err)...)
		} else if bytes.Equal(s.Keys.Hash("bsn", bsn), y.BSNHash) {
			inv = append(inv, model.InvalidParam{Name: "burgerservicenummer", Reason: "Dit is het burgerservicenummer van de jeugdige zelf; een relatie is met een andere persoon."})
		}
	}
	if err := model.Invalid(whole, inv...); err != nil {
		return "", err
	}
	if in.Candidate == "" {
		return bsn, nil
	}
	// The key of a person offered: the register is asked again, so the
	// key stands for the person the register links to the youth now.
	candidates, err := s.candidates(ctx, y)
	if err != nil {
		return "", err
	}
	for _, c := range candidates {
		if c.Key == in.Candidate {
			return c.bsn, nil
		}
	}
	return "", model.Invalid(whole, model.InvalidParam{Name: "persoon", Reason: "Deze persoon staat niet (meer) bij de jeugdige in de basisregistratie personen. Kies opnieuw, of vul het burgerservicenummer in."})
}

// viewableYouth is involvedYouth without the lock, in a transaction of its
// own: the check before the register is asked, which no transaction waits on.
func (s *Service) viewableYouth(ctx context.Context, actor usecase.Actor, ref string) (model.Youth, error) {
	var y model.Youth
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		y, err = tx.YouthByReference(ctx, ref)
		if err == storage.ErrNotFound {
			return usecase.ErrYouthNotFound
		}
		if err != nil {
			return err
		}
		if actor.Professional.Monitoring {
			return usecase.ErrYouthNotFound
		}
		ok, err := tx.HasActiveRegistration(ctx, y.ID, actor.Organisation.ID)
		if err != nil {
			return err
		}
		if !ok {
			return usecase.ErrYouthNotFound
		}
		return nil
	})
	return y, err
}
