package storage

import (
	"bytes"
	"context"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/secret"
)

// LocalRegister is the region's own copy of the population register, kept in
// the database: the BSN as a keyed hash, the person sealed. It is the storage
// behind the lookup interface the use cases take (registry.PopulationRegister),
// beside the external registers of package population; it lives here because
// it runs its own transactions on our database.
type LocalRegister struct {
	db   *DB
	keys *secret.Keys
}

// NewLocalRegister returns the local register in db, sealed and hashed with keys.
func NewLocalRegister(db *DB, keys *secret.Keys) *LocalRegister {
	return &LocalRegister{db: db, keys: keys}
}

// unknownPerson is EINVALID on the field, because the caller typed a number
// that the register does not know; the use cases rely on that contract. A new
// value each time, since an *model.Error is not safe to share.
func unknownPerson() error {
	return model.InvalidField("burgerservicenummer", "Deze persoon staat niet in de basisregistratie personen (BRP) van de regio. Controleer het burgerservicenummer.")
}

// Lookup finds a person by BSN; an unknown BSN is an EINVALID error on the
// field burgerservicenummer.
func (r *LocalRegister) Lookup(ctx context.Context, bsn string) (model.Person, error) {
	var p model.Person
	err := r.db.View(ctx, func(tx *Tx) error {
		e, err := tx.PopulationByHash(ctx, r.keys.Hash("bsn", bsn))
		if err == ErrNotFound {
			return unknownPerson()
		}
		if err != nil {
			return err
		}
		return r.keys.OpenJSON(e.Person, &p)
	})
	return p, err
}

// Import stores records in the local register in one transaction: all of
// them, or none when anything fails. Existing persons are replaced.
func (r *LocalRegister) Import(ctx context.Context, records []model.PopulationRecord, now time.Time) error {
	return r.db.Update(ctx, func(tx *Tx) error {
		for _, rec := range records {
			sealed, err := r.keys.SealJSON(rec.Person)
			if err != nil {
				return err
			}
			e := PopulationEntry{
				BSNHash:      r.keys.Hash("bsn", rec.Person.BSN),
				Person:       sealed,
				Municipality: rec.Person.Municipality,
				AddressHash:  PersonAddressKey(r.keys, rec.Person),
				Secret:       rec.Person.Secret,
			}
			for _, p := range rec.ParentBSNs {
				e.ParentHashes = append(e.ParentHashes, r.keys.Hash("bsn", p))
			}
			if err := tx.PutPopulation(ctx, e, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// Relatives finds bsn's relatives in the local register. A BSN the register
// does not know is the same EINVALID error as Lookup's. A secret person has no
// housemates, and is nobody's housemate: their address is not compared.
func (r *LocalRegister) Relatives(ctx context.Context, bsn string) (model.Relatives, error) {
	var out model.Relatives
	err := r.db.View(ctx, func(tx *Tx) error {
		out = model.Relatives{}
		me := r.keys.Hash("bsn", bsn)
		entry, err := tx.PopulationByHash(ctx, me)
		if err == ErrNotFound {
			return unknownPerson()
		}
		if err != nil {
			return err
		}
		seen := [][]byte{me}
		add := func(list *[]model.Person, hashes [][]byte) error {
			for _, h := range hashes {
				if containsHash(seen, h) {
					continue
				}
				seen = append(seen, h)
				e, err := tx.PopulationByHash(ctx, h)
				if err == ErrNotFound {
					continue // a parent the region's register does not hold
				}
				if err != nil {
					return err
				}
				var p model.Person
				if err := r.keys.OpenJSON(e.Person, &p); err != nil {
					return err
				}
				*list = append(*list, p)
			}
			return nil
		}
		parents, err := tx.ParentHashes(ctx, me)
		if err != nil {
			return err
		}
		if err := add(&out.Parents, parents); err != nil {
			return err
		}
		for _, parent := range parents {
			children, err := tx.PopulationChildren(ctx, parent)
			if err != nil {
				return err
			}
			if err := add(&out.Siblings, children); err != nil {
				return err
			}
		}
		if entry.Secret {
			return nil
		}
		housemates, err := tx.PopulationAtAddress(ctx, entry.AddressHash)
		if err != nil {
			return err
		}
		return add(&out.Housemates, housemates)
	})
	return out, err
}

// AddressKey is the keyed hash of an address, for finding households without
// storing the address in the clear; the population and youth tables are
// keyed by it.
func AddressKey(keys *secret.Keys, postcode, houseNumber string) []byte {
	if postcode == "" || houseNumber == "" {
		return nil
	}
	return keys.Hash("adres", strings.ToUpper(strings.ReplaceAll(postcode, " ", ""))+"|"+strings.ToUpper(houseNumber))
}

// PersonAddressKey is the address hash the index keeps of a person: nil for a
// person the register marks secret, so that no household is ever found
// through their address (docs/privacy.md), and AddressKey otherwise. Every
// address hash of a person, in the population table and of a youth, is made
// here.
func PersonAddressKey(keys *secret.Keys, p model.Person) []byte {
	if p.Secret {
		return nil
	}
	return AddressKey(keys, p.Postcode, p.HouseNumber)
}

func containsHash(list [][]byte, h []byte) bool {
	for _, x := range list {
		if bytes.Equal(x, h) {
			return true
		}
	}
	return false
}
