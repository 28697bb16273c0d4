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
	// Reference and Coordinator are set only when the person is a
	// registered youth the viewer's organisation is involved with too: the
	// youth's reference and the name of the organisation coordinating it
	// (empty when none does). Of any other child nothing but name, birth
	// date and kind is shown.
	Reference   string
	Coordinator string
	bsn         string
}

// errSignalsOnly: an organisation that only gives signals sees no household
// (Disclosure.Household).
var errSignalsOnly = model.Errorf(model.EFORBIDDEN, "Uw organisatie geeft alleen signalen en ziet daarom geen familieleden of huisgenoten uit de basisregistratie personen. U kunt een relatie leggen met het burgerservicenummer van de persoon.")

// errNoRelatives: the configured register cannot say who is related.
var errNoRelatives = model.Errorf(model.EUNAVAILABLE, "De basisregistratie personen van deze verwijsindex kan geen familieleden opzoeken. Vul het burgerservicenummer in.")

// RelationCandidates asks the population register whom it links to a youth:
// the parents, the other children of those parents, and the others at the
// youth's address (none at an institution or shelter address, where
// unrelated people live, none for a shielded youth, and never a person the
// register marks secret). Only for a professional of a care organisation
// involved with the youth: anyone not involved gets "niet gevonden" first,
// an organisation that only gives signals is refused (Disclosure). The
// persons shown are logged as a read.
func (s *Service) RelationCandidates(ctx context.Context, actor usecase.Actor, ref string) ([]RelativeCandidate, error) {
	y, err := s.viewableYouth(ctx, actor, ref)
	if err != nil {
		return nil, err
	}
	if !actor.Organisation.GivesCare() {
		return nil, errSignalsOnly
	}
	out, err := s.candidates(ctx, y)
	if err != nil {
		return nil, err
	}
	err = s.DB.Update(ctx, func(tx *storage.Tx) error {
		if err := s.involvedCandidates(ctx, tx, out, actor.Organisation.ID); err != nil {
			return err
		}
		audit.Write(ctx, tx, s.Now(), audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionRead, ObjectType: "relatiekandidaten", ObjectID: y.Reference,
			YouthReference: y.Reference, Purpose: "familieleden en huisgenoten uit de basisregistratie personen, om een relatie te leggen",
		})
		return nil
	})
	return out, err
}

// involvedCandidates fills in the reference and coordinator of each
// candidate who is a youth the organisation org is involved with too.
func (s *Service) involvedCandidates(ctx context.Context, tx *storage.Tx, list []RelativeCandidate, org int64) error {
	for i := range list {
		other, err := tx.YouthByHash(ctx, s.Keys.Hash("bsn", list[i].bsn))
		if err == storage.ErrNotFound {
			continue
		}
		if err != nil {
			return err
		}
		involved, err := tx.HasActiveRegistration(ctx, other.ID, org)
		if err != nil {
			return err
		}
		if !involved {
			continue
		}
		list[i].Reference = other.Reference
		c, err := tx.CurrentCoordination(ctx, other.ID)
		switch err {
		case nil:
			o, err := tx.Organisation(ctx, c.OrganisationID)
			if err != nil {
				return err
			}
			list[i].Coordinator = o.Name
		case storage.ErrNotFound:
		default:
			return err
		}
	}
	return nil
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
	if me.Person.Secret || s.institution(y.AddressHash) {
		rel.Housemates = nil // a shielded youth's address is compared with nobody's
	}
	housemates := rel.Housemates[:0]
	for _, p := range rel.Housemates {
		if !p.Secret { // nor is a secret person's
			housemates = append(housemates, p)
		}
	}
	rel.Housemates = housemates
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
