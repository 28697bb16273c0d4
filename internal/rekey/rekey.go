// Package rekey moves a region's data to new keys (jeugdketen keys rotate):
// every youth and every person of the local population register is opened
// with the old keys, hashed and sealed again with the new ones, and the
// database is marked as belonging to the new keys, all in one transaction.
// Afterwards the old keys open nothing in the database and its hashes match
// nothing: a leaked old key file is worth only the backups made before.
package rekey

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// batchSize is how many rows are read at a time.
const batchSize = 500

// Counts says what a rotation changed.
type Counts struct {
	Youths      int // youths re-hashed and re-sealed
	Relations   int // relations whose other person was re-hashed and re-sealed
	Persons     int // persons of the population register re-hashed and re-sealed
	Webhooks    int // webhook secrets re-sealed (issue 16)
	ParentLinks int // parent links carried over
	// ParentLinksDropped are links to a parent who is not in the register:
	// only the parent's old hash was stored, so no new one can be made. A
	// parent unknown to the register cannot be matched anyway; importing the
	// register again restores the links.
	ParentLinksDropped int
}

// Rotate moves the database from the keys from to the keys to. It refuses
// when the database belongs to other keys than from, and changes nothing
// when anything fails. No instance may use the database meanwhile.
func Rotate(ctx context.Context, db *storage.DB, from, to *secret.Keys, by audit.Actor, now time.Time) (Counts, error) {
	return rotate(ctx, db, from, to, by, now, batchSize)
}

func rotate(ctx context.Context, db *storage.DB, from, to *secret.Keys, by audit.Actor, now time.Time, batch int) (Counts, error) {
	if from.Fingerprint() == to.Fingerprint() {
		return Counts{}, errors.New("rekey: the new keys are the old keys; make new ones with 'jeugdketen keys generate'")
	}
	var c Counts
	err := db.Update(ctx, func(tx *storage.Tx) error {
		c = Counts{}
		stored, err := tx.Setting(ctx, "keys")
		if err != nil {
			return err
		}
		if stored != "" && stored != from.Fingerprint() {
			return errors.New("rekey: the old keys do not belong to this database")
		}
		if err := rekeyPopulation(ctx, tx, from, to, batch, &c); err != nil {
			return err
		}
		if err := rekeyYouths(ctx, tx, from, to, batch, &c); err != nil {
			return err
		}
		if err := rekeyRelations(ctx, tx, from, to, batch, &c); err != nil {
			return err
		}
		if err := rekeyWebhooks(ctx, tx, from, to, &c); err != nil {
			return err
		}
		if err := tx.SetSetting(ctx, "keys", to.Fingerprint()); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: by, Action: audit.ActionUpdate, ObjectType: "sleutels", ObjectID: to.Fingerprint(),
			Purpose: fmt.Sprintf("sleutelrotatie: %d jeugdigen en %d personen uit de BRP opnieuw gehasht en versleuteld", c.Youths, c.Persons),
		})
		return nil
	})
	return c, err
}

func rekeyPopulation(ctx context.Context, tx *storage.Tx, from, to *secret.Keys, batch int, c *Counts) error {
	r, err := tx.BeginPopulationRekey(ctx)
	if err != nil {
		return err
	}
	var after []byte
	for n := 0; ; {
		page, err := tx.PopulationPage(ctx, after, batch)
		if err != nil {
			return err
		}
		for _, e := range page {
			n++
			p, err := open(from, e.BSNHash, e.Person)
			if err != nil {
				return fmt.Errorf("rekey: person %d of the population register (in hash order): %w", n, err)
			}
			sealed, err := to.SealJSON(p)
			if err != nil {
				return err
			}
			if err := r.Stage(ctx, e.BSNHash, storage.PopulationEntry{
				BSNHash: to.Hash("bsn", p.BSN), Person: sealed, AddressHash: storage.PersonAddressKey(to, p),
			}); err != nil {
				return err
			}
		}
		if len(page) < batch {
			break
		}
		after = page[len(page)-1].BSNHash
	}
	done, err := r.Finish(ctx)
	if err != nil {
		return err
	}
	c.Persons, c.ParentLinks, c.ParentLinksDropped = done.Persons, done.ParentLinks, done.ParentLinksDropped
	return nil
}

func rekeyYouths(ctx context.Context, tx *storage.Tx, from, to *secret.Keys, batch int, c *Counts) error {
	var after int64
	for {
		page, err := tx.YouthPage(ctx, after, batch)
		if err != nil {
			return err
		}
		for _, y := range page {
			p, err := open(from, y.BSNHash, y.Person)
			if err != nil {
				return fmt.Errorf("rekey: youth %d: %w", y.ID, err)
			}
			sealed, err := to.SealJSON(p)
			if err != nil {
				return err
			}
			if err := tx.RekeyYouth(ctx, y.ID, to.Hash("bsn", p.BSN), sealed, storage.PersonAddressKey(to, p)); err != nil {
				return err
			}
			c.Youths++
		}
		if len(page) < batch {
			return nil
		}
		after = page[len(page)-1].ID
	}
}

// rekeyRelations moves the other person of every relation (issue 7) to the
// new keys: their sealed name and BSN, and the hash of that BSN.
func rekeyRelations(ctx context.Context, tx *storage.Tx, from, to *secret.Keys, batch int, c *Counts) error {
	var after int64
	for {
		page, err := tx.RelationPage(ctx, after, batch)
		if err != nil {
			return err
		}
		for _, r := range page {
			p, err := open(from, r.PersonHash, r.Person)
			if err != nil {
				return fmt.Errorf("rekey: relation %d: %w", r.ID, err)
			}
			sealed, err := to.SealJSON(p)
			if err != nil {
				return err
			}
			if err := tx.RekeyRelation(ctx, r.ID, to.Hash("bsn", p.BSN), sealed); err != nil {
				return err
			}
			c.Relations++
		}
		if len(page) < batch {
			return nil
		}
		after = page[len(page)-1].ID
	}
}

// rekeyWebhooks re-seals every webhook's secret: the secret itself stays,
// so client systems need not change what they check signatures with. A
// region has one webhook per organisation at most: they are read at once.
func rekeyWebhooks(ctx context.Context, tx *storage.Tx, from, to *secret.Keys, c *Counts) error {
	secrets, err := tx.WebhookSecrets(ctx)
	if err != nil {
		return err
	}
	for id, sealed := range secrets {
		plain, err := from.Open(sealed)
		if err != nil {
			return fmt.Errorf("rekey: webhook %d: %w", id, err)
		}
		if err := tx.RekeyWebhook(ctx, id, to.Seal(plain)); err != nil {
			return err
		}
		c.Webhooks++
	}
	return nil
}

// open unseals a person and checks that the stored hash is the hash of its
// BSN: a row that does not agree with itself is not silently carried over.
func open(keys *secret.Keys, hash, sealed []byte) (model.Person, error) {
	var p model.Person
	if err := keys.OpenJSON(sealed, &p); err != nil {
		return p, fmt.Errorf("does not open with the old keys: %w", err)
	}
	if !bytes.Equal(keys.Hash("bsn", p.BSN), hash) {
		return p, errors.New("its BSN hash does not match its sealed BSN")
	}
	return p, nil
}
