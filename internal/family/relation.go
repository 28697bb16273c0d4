package family

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// RelationKind is how the other person of a relation is related to the
// youth: a fixed list, never free text (seed 002: "geen enkele
// 'wat'-relatie").
type RelationKind string

const (
	RelationParent    RelationKind = "ouder"
	RelationSibling   RelationKind = "broer-zus"
	RelationRelative  RelationKind = "ander-familielid"
	RelationHousemate RelationKind = "huisgenoot"
)

// RelationKinds lists the kinds in the order a form offers them.
var RelationKinds = []RelationKind{RelationParent, RelationSibling, RelationRelative, RelationHousemate}

// Valid reports whether k is one of RelationKinds.
func (k RelationKind) Valid() bool {
	for _, v := range RelationKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Label is the kind as a Dutch professional reads it.
func (k RelationKind) Label() string {
	switch k {
	case RelationParent:
		return "Ouder"
	case RelationSibling:
		return "Broer of zus"
	case RelationRelative:
		return "Ander familielid"
	case RelationHousemate:
		return "Huisgenoot"
	}
	return string(k)
}

// RelativesRegister is a population register that can also say who it links
// to a person: parents, brothers and sisters, housemates. Both the local
// register (storage.LocalRegister) and the BRP API (haalcentraal.Client) can.
type RelativesRegister interface {
	Relatives(ctx context.Context, bsn string) (population.Relatives, error)
}

// Relation is a relation as an involved professional sees it.
type Relation struct {
	ID   int64
	Kind RelationKind
	// Person is the other person's name and birth date; never the BSN.
	Person model.Person
	// Reference is the other person's reference when they are a registered
	// youth the viewer's organisation is involved with too; otherwise empty,
	// as in the address view.
	Reference    string
	Organisation model.Organisation // that laid it
	Professional model.Professional // who laid it
	CreatedAt    time.Time
	Removable    bool // the viewer's organisation laid it, so may remove it
}

// relatedPerson is what a relation keeps of the other person, sealed: the
// BSN (so key rotation can hash it anew), the name and the birth date.
func relatedPerson(p model.Person) model.Person {
	return model.Person{BSN: p.BSN, GivenNames: p.GivenNames, Prefix: p.Prefix, FamilyName: p.FamilyName, BirthDate: p.BirthDate}
}

var errRelationNotFound = model.Errorf(model.ENOTFOUND, "Deze relatie bestaat niet (meer) bij deze jeugdige.")

// Relations lists a youth's relations for a professional involved with it,
// as RelationsFor gives them; anyone else gets "niet gevonden", as for the
// youth's page.
func (s *Service) Relations(ctx context.Context, actor usecase.Actor, ref string) ([]Relation, error) {
	var out []Relation
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, err := s.InvolvedYouth(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		if out, err = s.RelationsFor(ctx, tx, y, actor.Organisation); err != nil {
			return err
		}
		return s.LogRead(ctx, tx, actor, "relaties", y.Reference, y.Reference)
	})
	return out, err
}

// RelationsFor returns y's relations as the organisation org, involved
// with y, sees them: all of them for an organisation that gives care, only
// those it laid itself for one that only gives signals (Disclosure).
func (s *Service) RelationsFor(ctx context.Context, tx *storage.Tx, y model.Youth, org model.Organisation) ([]Relation, error) {
	d, err := s.DisclosureFor(ctx, tx, y, org)
	if err != nil {
		return nil, err
	}
	rows, err := tx.RelationsOfYouth(ctx, y.ID)
	if err != nil {
		return nil, err
	}
	out := make([]Relation, 0, len(rows))
	for _, r := range rows {
		if !d.Household && r.OrganisationID != org.ID {
			continue
		}
		v, err := s.relation(ctx, tx, r, org.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// relation opens one stored relation for the organisation org.
func (s *Service) relation(ctx context.Context, tx *storage.Tx, r model.Relation, org int64) (Relation, error) {
	var p model.Person
	if err := s.Keys.OpenJSON(r.Person, &p); err != nil {
		return Relation{}, err
	}
	p.BSN = ""
	v := Relation{
		ID: r.ID, Kind: RelationKind(r.Kind), Person: p, Organisation: r.Organisation, Professional: r.Professional,
		CreatedAt: r.CreatedAt, Removable: r.OrganisationID == org,
	}
	other, err := tx.YouthByHash(ctx, r.PersonHash)
	switch err {
	case nil:
		involved, err := tx.HasActiveRegistration(ctx, other.ID, org)
		if err != nil {
			return v, err
		}
		if involved {
			v.Reference = other.Reference
		}
	case storage.ErrNotFound:
	default:
		return v, err
	}
	return v, nil
}
