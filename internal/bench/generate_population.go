package bench

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// population writes the youths to the population register: ages 0–23
// spread evenly, households of one to three children with two parents. The
// persons are made first, sealed on every core, and written in the order of
// their keys, so the register's B-trees fill page after page.
func (g *generator) population(ctx context.Context) (int, error) {
	n := g.opt.Youth
	rng := rand.New(rand.NewPCG(g.opt.Seed, 0xb1e55ed))
	parents := BSNs(n + n) // parents use the numbers after the youths'
	bsns := parents[:n]
	parentNext := n
	today := g.opt.Now
	g.persons = make([]model.Person, n)
	parentsOf := make([][2]string, n)
	for i := 0; i < n; {
		children := 1 + rng.IntN(3)
		postcode := fmt.Sprintf("%04d%c%c", 1000+rng.IntN(9000), 'A'+rune(rng.IntN(26)), 'A'+rune(rng.IntN(26)))
		number := strconv.Itoa(1 + rng.IntN(300))
		municipality := g.opt.Municipalities[rng.IntN(len(g.opt.Municipalities))]
		p1, p2 := parents[parentNext%len(parents)], parents[(parentNext+1)%len(parents)]
		family := "Gezin" + strconv.Itoa(parentNext)
		parentNext += 2
		for c := 0; c < children && i < n; c++ {
			birth := today.AddDate(0, 0, -rng.IntN(24*365)).Truncate(24 * time.Hour)
			g.persons[i] = model.Person{BSN: bsns[i], GivenNames: "Kind", FamilyName: family, BirthDate: birth,
				Sex: "O", Municipality: municipality, Postcode: postcode, HouseNumber: number}
			parentsOf[i] = [2]string{p1, p2}
			i++
		}
	}

	// Keys first, on every core; then the order of the keys.
	hashes := make([][]byte, n)
	parallel(n, func(i int) { hashes[i] = g.keys.Hash("bsn", g.persons[i].BSN) })
	g.hashes = hashes
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return bytes.Compare(hashes[a], hashes[b]) })

	// Then, batch by batch in key order, seal on one core while the other
	// writes the batch before.
	type rows struct {
		hi              int
		people, parents [][]any
		err             error
	}
	batches := make(chan rows, 1)
	g.sealed = make([][]byte, n)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(batches)
		for lo := 0; lo < n; lo += batch {
			hi := min(lo+batch, n)
			b := rows{hi: hi, people: make([][]any, 0, hi-lo), parents: make([][]any, 0, 2*(hi-lo))}
			for _, i := range order[lo:hi] {
				p := g.persons[i]
				sealed, err := g.keys.SealJSON(p)
				if err != nil {
					b.err = err
					break
				}
				g.sealed[i] = sealed
				b.people = append(b.people, []any{hashes[i], sealed, p.Municipality, storage.PersonAddressKey(g.keys, p), today.UnixMilli()})
				p1, p2 := g.keys.Hash("bsn", parentsOf[i][0]), g.keys.Hash("bsn", parentsOf[i][1])
				if bytes.Compare(p1, p2) > 0 {
					p1, p2 = p2, p1
				}
				b.parents = append(b.parents, []any{hashes[i], p1}, []any{hashes[i], p2})
			}
			select {
			case batches <- b:
			case <-ctx.Done():
				return
			}
			if b.err != nil {
				return
			}
		}
	}()

	since := time.Now()
	err := g.withoutIndexes(ctx, []string{"population", "population_parents"}, func() error {
		for b := range batches {
			if b.err != nil {
				return b.err
			}
			err := g.db.Update(ctx, func(tx *storage.Tx) error {
				if err := tx.BulkInsert(ctx, "population", []string{"bsn_hash", "person", "municipality", "address_hash", "updated_at"}, b.people); err != nil {
					return err
				}
				return tx.BulkInsert(ctx, "population_parents", []string{"child_hash", "parent_hash"}, b.parents)
			})
			if err != nil {
				return err
			}
			g.bar("bevolking", b.hi, n, since)
		}
		g.say("indexen van de bevolking opbouwen…\n")
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// parallel runs f(i) for i in [0, n) on every core.
func parallel(n int, f func(i int)) {
	workers := runtime.NumCPU()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// involvement is how many organisations a registered youth has: most one,
// some two, a few more (a realistic match rate).
func (g *generator) involvement() int {
	switch r := g.rng.Float64(); {
	case r < 0.60:
		return 1
	case r < 0.85:
		return 2
	case r < 0.95:
		return 3
	}
	return 4 + g.rng.IntN(3)
}
