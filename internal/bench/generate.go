package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Options says how large a data set to generate.
type Options struct {
	Youth         int // persons aged 0–23 in the population register
	Registrations int // active registrations
	Orgs          int // organisations, two professionals each
	Tokens        int // API tokens to create for the load harness (professionals of the first orgs)
	Seed          uint64
	Now           time.Time
	Progress      io.Writer // a progress line per step; nil for none
	CacheMiB      int       // SQLite page cache while loading (default 2048)
}

// Generated is what was made, and how fast.
type Generated struct {
	Persons, Youths, Orgs, Professionals, Registrations, Matches, Coordinations int
	ParentLinks                                                                 int // rows linking a youth to a parent in the register
	Elapsed                                                                     time.Duration
	Tokens                                                                      []Token
}

// Token is one professional's API token, for the load harness.
type Token struct {
	Email        string `json:"email"`
	Organisation int64  `json:"organisatie"`
	Role         string `json:"rol"`
	Token        string `json:"token"`
	professional int64
}

// RowsPerSecond is the generator's overall write rate.
func (g Generated) RowsPerSecond() float64 {
	rows := g.Persons + g.ParentLinks + g.Youths + g.Orgs + g.Professionals + g.Registrations + g.Matches + g.Coordinations
	return float64(rows) / g.Elapsed.Seconds()
}

// orgTypes is the mix of organisation types, roughly as a region has them.
var orgTypes = []model.OrgType{
	model.TypeOnderwijs, model.TypeOnderwijs, model.TypeOnderwijs, model.TypeOnderwijs, model.TypeKinderopvang,
	model.TypePolitie, model.TypeLeerplicht, model.TypeJGZ, model.TypeAMW, model.TypeSMW, model.TypeWijkteam,
	model.TypeWijkteam, model.TypeJeugdhulp, model.TypeJeugdhulp, model.TypeJeugdhulp, model.TypeGGZ,
	model.TypeVerslavingszorg, model.TypeVolwassenenzorg, model.TypeHuisarts, model.TypeVeiligThuis, model.TypeGI, model.TypeRaad,
}

var municipalities = []string{"0772", "0855", "0796", "0758", "0599", "0518", "0363", "0344", "0034", "0014"}

const batch = 50_000 // youths per transaction

// Generate fills an empty database with a synthetic country. Registrations,
// matches and coordinations are consistent with the covenant, as if every
// registration had gone through the registry; no messages are made (they
// would long have been read).
func Generate(ctx context.Context, db *storage.DB, keys *secret.Keys, cov *covenant.Covenant, opt Options) (Generated, error) {
	start := time.Now()
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed))
	if opt.Now.IsZero() {
		opt.Now = time.Now().UTC()
	}
	if opt.CacheMiB == 0 {
		opt.CacheMiB = 2048
	}
	g := &generator{db: db, keys: keys, cov: cov, opt: opt, rng: rng, progress: opt.Progress}
	out := Generated{}
	err := db.BulkLoad(ctx, opt.CacheMiB, func() error {
		var err error
		if out.Orgs, out.Professionals, out.Tokens, err = g.organisations(ctx); err != nil {
			return err
		}
		if out.Persons, err = g.population(ctx); err != nil {
			return err
		}
		out.ParentLinks = 2 * out.Persons
		return g.db.WithoutIndexes(ctx, []string{"youths", "registrations", "matches", "coordinations"}, func() error {
			out.Youths, out.Registrations, out.Matches, out.Coordinations, err = g.registrations(ctx)
			return err
		})
	})
	out.Elapsed = time.Since(start)
	return out, err
}

type generator struct {
	db       *storage.DB
	keys     *secret.Keys
	cov      *covenant.Covenant
	opt      Options
	rng      *rand.Rand
	progress io.Writer
	orgs     []model.Organisation
	firstOrg int64
	firstPro int64
	persons  []model.Person // index i: the youth with BSNs(n)[i]
	sealed   [][]byte
	hashes   [][]byte // keyed hashes of the persons' BSNs
}

func (g *generator) say(format string, args ...any) {
	if g.progress != nil {
		fmt.Fprintf(g.progress, format, args...)
	}
}

// bar prints a progress bar on one line.
func (g *generator) bar(step string, done, total int, since time.Time) {
	if g.progress == nil {
		return
	}
	const width = 30
	filled := width * done / max(total, 1)
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = '.'
		if i < filled {
			bar[i] = '#'
		}
	}
	rate := float64(done) / max(time.Since(since).Seconds(), 1e-9)
	fmt.Fprintf(g.progress, "\r%-14s [%s] %d/%d  %.0f rijen/s ", step, bar, done, total, rate)
	if done == total {
		fmt.Fprintln(g.progress)
	}
}

func (g *generator) organisations(ctx context.Context) (int, int, []Token, error) {
	var tokens []Token
	err := g.db.Update(ctx, func(tx *storage.Tx) error {
		var err error
		if g.firstOrg, err = tx.MaxID(ctx, "organisations"); err != nil {
			return err
		}
		if g.firstPro, err = tx.MaxID(ctx, "professionals"); err != nil {
			return err
		}
		now := g.opt.Now.UnixMilli()
		var orgRows, proRows [][]any
		for i := range g.opt.Orgs {
			t := orgTypes[i%len(orgTypes)]
			o := model.Organisation{ID: g.firstOrg + int64(i) + 1, Name: fmt.Sprintf("%s %d", t.Label(), i+1), Type: t, Role: model.DefaultRole(t),
				Municipality: municipalities[i%len(municipalities)], Active: true}
			g.orgs = append(g.orgs, o)
			orgRows = append(orgRows, []any{o.ID, o.Name, string(o.Type), string(o.Role), o.Municipality, 1, now})
			for j := range 2 {
				id := g.firstPro + int64(2*i+j) + 1
				email := fmt.Sprintf("medewerker%d@org%d.bench.example", j+1, o.ID)
				proRows = append(proRows, []any{id, o.ID, fmt.Sprintf("Medewerker %d van %s", j+1, o.Name), email, fmt.Sprintf("06-%08d", id), 0, 1, now})
				if len(tokens) < g.opt.Tokens && j == 0 {
					tokens = append(tokens, Token{Email: email, Organisation: o.ID, Role: string(o.Role), professional: id})
				}
			}
		}
		if err := tx.BulkInsert(ctx, "organisations", []string{"id", "name", "type", "role", "municipality", "active", "created_at"}, orgRows); err != nil {
			return err
		}
		if err := tx.BulkInsert(ctx, "professionals", []string{"id", "organisation_id", "name", "email", "phone", "admin", "active", "created_at"}, proRows); err != nil {
			return err
		}
		for i, t := range tokens {
			plain, hash := auth.NewToken()
			if _, err := tx.CreateToken(ctx, hash, t.professional, 0, g.opt.Now); err != nil {
				return err
			}
			tokens[i].Token = plain
		}
		if err := tx.ResetIdentity(ctx, "organisations"); err != nil {
			return err
		}
		return tx.ResetIdentity(ctx, "professionals")
	})
	g.say("organisaties   %d, medewerkers %d, tokens %d\n", len(g.orgs), 2*len(g.orgs), len(tokens))
	return len(g.orgs), 2 * len(g.orgs), tokens, err
}

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
		municipality := municipalities[rng.IntN(len(municipalities))]
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
				b.people = append(b.people, []any{hashes[i], sealed, p.Municipality, storage.AddressKey(g.keys, p.Postcode, p.HouseNumber), today.UnixMilli()})
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
	err := g.db.WithoutIndexes(ctx, []string{"population", "population_parents"}, func() error {
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

func (g *generator) registrations(ctx context.Context) (youths, regs, matches, coords int, err error) {
	var firstYouth, firstReg int64
	err = g.db.View(ctx, func(tx *storage.Tx) error {
		if firstYouth, err = tx.MaxID(ctx, "youths"); err != nil {
			return err
		}
		firstReg, err = tx.MaxID(ctx, "registrations")
		return err
	})
	if err != nil {
		return
	}
	since := time.Now()
	order := g.rng.Perm(g.opt.Youth)
	var youthRows, regRows, matchRows, coordRows [][]any
	flush := func() error {
		err := g.db.Update(ctx, func(tx *storage.Tx) error {
			for _, t := range []struct {
				table string
				cols  []string
				rows  [][]any
			}{
				{"youths", []string{"id", "bsn_hash", "reference", "person", "municipality", "created_at"}, youthRows},
				{"registrations", []string{"id", "youth_id", "organisation_id", "professional_id", "kind", "urgent", "created_at", "expires_on"}, regRows},
				{"matches", []string{"youth_id", "organisation_a", "organisation_b", "registration_id", "created_at"}, matchRows},
				{"coordinations", []string{"youth_id", "organisation_id", "rule", "reason", "started_at"}, coordRows},
			} {
				if err := tx.BulkInsert(ctx, t.table, t.cols, t.rows); err != nil {
					return err
				}
			}
			return nil
		})
		youthRows, regRows, matchRows, coordRows = nil, nil, nil, nil
		return err
	}
	for _, idx := range order {
		if regs >= g.opt.Registrations {
			break
		}
		p := g.persons[idx]
		youths++
		yid := firstYouth + int64(youths)
		created := g.opt.Now.Add(-time.Duration(g.rng.Int64N(int64(700 * 24 * time.Hour))))
		youthRows = append(youthRows, []any{yid, g.hashes[idx], fmt.Sprintf("J-B%07d", yid), g.sealed[idx], p.Municipality, created.UnixMilli()})
		n := min(g.involvement(), g.opt.Registrations-regs, len(g.orgs))
		chosen := map[int]bool{}
		sit := covenant.Situation{Age: model.AgeOn(p.BirthDate, g.opt.Now)}
		var orgIDs []int64
		for len(orgIDs) < n {
			oi := g.rng.IntN(len(g.orgs))
			if chosen[oi] {
				continue
			}
			chosen[oi] = true
			o := g.orgs[oi]
			kind := model.KindSignaal
			if o.Role == model.RoleZorgaanbieder && g.rng.IntN(3) > 0 {
				kind = model.KindKetenregistratie
			}
			regs++
			at := created.Add(time.Duration(len(orgIDs)) * 24 * time.Hour)
			expires := at.AddDate(2, 0, -1).Format("2006-01-02") // the default maximum term
			regRows = append(regRows, []any{firstReg + int64(regs), yid, o.ID, g.firstPro + 2*(o.ID-g.firstOrg) - 1, string(kind), 0, at.UnixMilli(), expires})
			for _, other := range orgIDs {
				a, b := min(other, o.ID), max(other, o.ID)
				matchRows = append(matchRows, []any{yid, a, b, firstReg + int64(regs), at.UnixMilli()})
				matches++
			}
			orgIDs = append(orgIDs, o.ID)
			sit.Involved = append(sit.Involved, covenant.Involved{OrganisationID: o.ID, Type: o.Type, Role: o.Role, Since: at, Professionals: 1})
		}
		if d := g.cov.Decide(sit); d.OrganisationID != 0 {
			coordRows = append(coordRows, []any{yid, d.OrganisationID, d.RuleID, d.Reason, created.UnixMilli()})
			coords++
		}
		if len(regRows) >= batch {
			if err = flush(); err != nil {
				return
			}
			g.bar("registraties", regs, g.opt.Registrations, since)
		}
	}
	if err = flush(); err != nil {
		return
	}
	g.bar("registraties", regs, g.opt.Registrations, since)
	err = g.db.Update(ctx, func(tx *storage.Tx) error {
		for _, t := range []string{"youths", "registrations", "matches", "coordinations"} {
			if err := tx.ResetIdentity(ctx, t); err != nil {
				return err
			}
		}
		return nil
	})
	return
}

// WriteTokens saves the generated tokens for the load harness.
func WriteTokens(path string, tokens []Token) error {
	data, err := json.MarshalIndent(tokens, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o600)
}

// ReadTokens reads a file written by WriteTokens.
func ReadTokens(path string) ([]Token, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var tokens []Token
	return tokens, json.Unmarshal(data, &tokens)
}
