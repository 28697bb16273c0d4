package population

import (
	"context"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Local is the region's own copy of the population register, kept in the
// database: the BSN as a keyed hash, the person sealed.
type Local struct {
	DB   *storage.DB
	Keys *secret.Keys
}

// Lookup finds a person by BSN; an unknown BSN is an EINVALID error on the
// field, because the caller typed a number that the register does not know.
func (l *Local) Lookup(ctx context.Context, bsn string) (model.Person, error) {
	var p model.Person
	err := l.DB.View(ctx, func(tx *storage.Tx) error {
		e, err := tx.PopulationByHash(ctx, l.Keys.Hash("bsn", bsn))
		if err == storage.ErrNotFound {
			return model.InvalidField("burgerservicenummer", "Deze persoon staat niet in de basisregistratie personen (BRP) van de regio. Controleer het burgerservicenummer.")
		}
		if err != nil {
			return err
		}
		return l.Keys.OpenJSON(e.Person, &p)
	})
	return p, err
}

// AddressKey is the keyed hash of an address, for finding households without
// storing the address in the clear.
func AddressKey(keys *secret.Keys, postcode, houseNumber string) []byte {
	if postcode == "" || houseNumber == "" {
		return nil
	}
	return keys.Hash("adres", strings.ToUpper(strings.ReplaceAll(postcode, " ", ""))+"|"+strings.ToUpper(houseNumber))
}

// Import stores records in the local register in one transaction: all of
// them, or none when anything fails. Existing persons are replaced.
func (l *Local) Import(ctx context.Context, records []Record, now time.Time) error {
	return l.DB.Update(ctx, func(tx *storage.Tx) error {
		for _, r := range records {
			sealed, err := l.Keys.SealJSON(r.Person)
			if err != nil {
				return err
			}
			e := storage.PopulationEntry{
				BSNHash:      l.Keys.Hash("bsn", r.Person.BSN),
				Person:       sealed,
				Municipality: r.Person.Municipality,
				AddressHash:  AddressKey(l.Keys, r.Person.Postcode, r.Person.HouseNumber),
			}
			for _, p := range r.ParentBSNs {
				e.ParentHashes = append(e.ParentHashes, l.Keys.Hash("bsn", p))
			}
			if err := tx.PutPopulation(ctx, e, now); err != nil {
				return err
			}
		}
		return nil
	})
}
