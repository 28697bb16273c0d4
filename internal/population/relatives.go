package population

import (
	"bytes"
	"context"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Relatives are the persons the register links to someone, to offer a
// professional who lays a relation (seed 002): the parents, the other
// children of those parents, and the others living at the same address.
// Each person is in one list only, the first that fits.
type Relatives struct {
	Parents    []model.Person
	Siblings   []model.Person // other children of a parent, wherever they live
	Housemates []model.Person // others at the address, neither parent nor sibling
}

// Relatives finds bsn's relatives in the local register. A BSN the register
// does not know is the same EINVALID error as Lookup's.
func (l *Local) Relatives(ctx context.Context, bsn string) (Relatives, error) {
	var out Relatives
	err := l.DB.View(ctx, func(tx *storage.Tx) error {
		out = Relatives{}
		me := l.Keys.Hash("bsn", bsn)
		entry, err := tx.PopulationByHash(ctx, me)
		if err == storage.ErrNotFound {
			return model.InvalidField("burgerservicenummer", "Deze persoon staat niet in de basisregistratie personen (BRP) van de regio. Controleer het burgerservicenummer.")
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
				if err == storage.ErrNotFound {
					continue // a parent the region's register does not hold
				}
				if err != nil {
					return err
				}
				var p model.Person
				if err := l.Keys.OpenJSON(e.Person, &p); err != nil {
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
		housemates, err := tx.PopulationAtAddress(ctx, entry.AddressHash)
		if err != nil {
			return err
		}
		return add(&out.Housemates, housemates)
	})
	return out, err
}

func containsHash(list [][]byte, h []byte) bool {
	for _, x := range list {
		if bytes.Equal(x, h) {
			return true
		}
	}
	return false
}
