package family

import (
	"bytes"
	"context"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Disclosure is what of a youth's household an organisation involved with
// the youth may see: minimal disclosure (issue 19). The table of who sees
// what is in docs/privacy.md ("Wie ziet wat van het gezin"); each row has a
// test in disclosure_test.go. Whoever is not involved, and a monitoring
// account, gets "niet gevonden" before any of this is asked.
type Disclosure struct {
	// Household: the register's parents, brothers, sisters and housemates
	// when laying a relation (RelationCandidates), and the relations every
	// organisation laid. Only for an organisation that gives care; one that
	// only gives signals (a school, the police) sees the relations it laid
	// itself, and lays others by BSN.
	Household bool
	// Address: the other children with an active registration at the
	// youth's address, with who coordinates them (AddressView). Only for the
	// youth's coordinating organisation, which must align with the other
	// children's coordinators (seed 002: "op het adres zichtbaar").
	Address bool
}

// DisclosureFor is what the organisation org, involved with y, may see of
// y's household.
func (s *Service) DisclosureFor(ctx context.Context, tx *storage.Tx, y model.Youth, org model.Organisation) (Disclosure, error) {
	if !org.GivesCare() {
		return Disclosure{}, nil
	}
	d := Disclosure{Household: true}
	c, err := tx.CurrentCoordination(ctx, y.ID)
	switch {
	case err == storage.ErrNotFound:
	case err != nil:
		return d, err
	default:
		d.Address = c.OrganisationID == org.ID && c.Status != model.CoordinationNotNeeded
	}
	return d, nil
}

// Shielded reports whether y's address is shielded: the register marks the
// youth's data secret (model.Person.Secret), or the youth lives at one of the
// ShelterAddresses. A shielded youth has no address view, is matched to no
// household by address, and its address is shown to nobody; parents in
// common still make a family, and registering works as for anyone.
func (s *Service) Shielded(y model.Youth) (bool, error) {
	var p model.Person
	if err := s.Keys.OpenJSON(y.Person, &p); err != nil {
		return false, err
	}
	return p.Secret || s.listed(s.ShelterAddresses, y.AddressHash), nil
}

// institution reports whether an address hash is one of the configured
// institution or shelter addresses, where unrelated children live together:
// those never make a family.
func (s *Service) institution(addressHash []byte) bool {
	return s.listed(s.InstitutionAddresses, addressHash) || s.listed(s.ShelterAddresses, addressHash)
}

// listed reports whether an address hash is the hash of one of addresses,
// each written "postcode huisnummer".
func (s *Service) listed(addresses []string, addressHash []byte) bool {
	if len(addressHash) == 0 {
		return false
	}
	for _, a := range addresses {
		f := strings.Fields(a)
		if len(f) < 2 {
			continue
		}
		key := storage.AddressKey(s.Keys, strings.Join(f[:len(f)-1], ""), f[len(f)-1])
		if bytes.Equal(key, addressHash) {
			return true
		}
	}
	return false
}

// familyAddress is y's address hash when it may count as a family address:
// not an institution or shelter, and not a shielded youth's.
func (s *Service) familyAddress(y model.Youth) ([]byte, error) {
	if len(y.AddressHash) == 0 || s.institution(y.AddressHash) {
		return nil, nil
	}
	if shielded, err := s.Shielded(y); err != nil || shielded {
		return nil, err
	}
	return y.AddressHash, nil
}

// atAddress returns the other youths at y's family address, leaving out any
// that is shielded (a youth whose stored address hash predates the
// register's secrecy indicator: the next lookup clears it).
func (s *Service) atAddress(ctx context.Context, tx *storage.Tx, y model.Youth) ([]model.Youth, error) {
	address, err := s.familyAddress(y)
	if err != nil || address == nil {
		return nil, err
	}
	others, err := tx.YouthsAtAddress(ctx, address, y.ID)
	if err != nil {
		return nil, err
	}
	out := others[:0]
	for _, o := range others {
		shielded, err := s.Shielded(o)
		if err != nil {
			return nil, err
		}
		if !shielded {
			out = append(out, o)
		}
	}
	return out, nil
}
