package family

import (
	"context"
	"encoding/hex"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// RelativeCandidate is a person the population register links to a youth,
// offered to a professional who lays a relation.
type RelativeCandidate struct {
	// Key stands for the person in a form (Relating.Candidate), so the
	// page never carries the person's BSN. It holds for this youth only.
	Key    string
	Person model.Person // name and birth date; no BSN
	Kind   RelationKind // the kind the register suggests
	bsn    string
}

// errNoRelatives: the configured register cannot say who is related.
var errNoRelatives = model.Errorf(model.EUNAVAILABLE, "De basisregistratie personen van deze verwijsindex kan geen familieleden opzoeken. Vul het burgerservicenummer in.")

// RelationCandidates asks the population register whom it links to a youth:
// the parents, the other children of those parents, and the others at the
// youth's address (none at an institution address, where unrelated people
// live). Only for a professional involved with the youth; the persons shown
// are logged as a read.
func (s *Service) RelationCandidates(ctx context.Context, actor usecase.Actor, ref string) ([]RelativeCandidate, error) {
	y, err := s.viewableYouth(ctx, actor, ref)
	if err != nil {
		return nil, err
	}
	out, err := s.candidates(ctx, y)
	if err != nil {
		return nil, err
	}
	err = s.DB.Update(ctx, func(tx *storage.Tx) error {
		audit.Write(ctx, tx, s.Now(), audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionRead, ObjectType: "relatiekandidaten", ObjectID: y.Reference,
			YouthReference: y.Reference, Purpose: "familieleden en huisgenoten uit de basisregistratie personen, om een relatie te leggen",
		})
		return nil
	})
	return out, err
}

func (s *Service) candidates(ctx context.Context, y model.Youth) ([]RelativeCandidate, error) {
	register, ok := s.Population.(RelativesRegister)
	if !ok {
		return nil, errNoRelatives
	}
	me, err := s.ViewYouth(y)
	if err != nil {
		return nil, err
	}
	rel, err := register.Relatives(ctx, me.Person.BSN)
	if err != nil {
		return nil, err
	}
	if s.institution(y.AddressHash) {
		rel.Housemates = nil
	}
	var out []RelativeCandidate
	for _, group := range []struct {
		persons []model.Person
		kind    RelationKind
	}{{rel.Parents, RelationParent}, {rel.Siblings, RelationSibling}, {rel.Housemates, RelationHousemate}} {
		for _, p := range group.persons {
			key := s.Keys.Hash("relatiekandidaat", y.Reference+"|"+p.BSN)
			c := RelativeCandidate{Key: hex.EncodeToString(key[:12]), Person: relatedPerson(p), Kind: group.kind, bsn: p.BSN}
			c.Person.BSN = ""
			out = append(out, c)
		}
	}
	return out, nil
}
