package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
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
	// History is how many months back the cases begin (default 25, so the
	// monitoring's two-year trend is filled).
	History int
	// Municipalities the youths live in (CBS codes); default ten large ones.
	Municipalities []string
	// ReferencePrefix follows "J-" in the generated youths' references
	// (default "B").
	ReferencePrefix string
}

// Generated is what was made, and how fast.
type Generated struct {
	Persons, Youths, Orgs, Professionals, Registrations, Matches, Coordinations int
	ParentLinks                                                                 int // rows linking a youth to a parent in the register
	// Of the registrations and coordinations, those that have ended (a case
	// closed, a coordination handed over).
	EndedRegistrations, EndedCoordinations int
	// The rest of the cases' history.
	Contacts, Agreements, Handovers, Escalations int
	Elapsed                                      time.Duration
	Tokens                                       []Token
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
	rows := g.Persons + g.ParentLinks + g.Youths + g.Orgs + g.Professionals + g.Registrations + g.Matches + g.Coordinations +
		g.Contacts + g.Agreements + g.Handovers + g.Escalations
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
// matches, coordinations and the rest of each case's history (generate_case.go)
// are consistent with the covenant, as if every step had gone through the
// registry; no messages are made (they would long have been read).
func Generate(ctx context.Context, db *storage.DB, keys *secret.Keys, cov *covenant.Covenant, opt Options) (Generated, error) {
	start := time.Now()
	g := newGenerator(db, keys, cov, opt)
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
		return g.cases(ctx, &out)
	})
	out.Elapsed = time.Since(start)
	return out, err
}

func newGenerator(db *storage.DB, keys *secret.Keys, cov *covenant.Covenant, opt Options) *generator {
	if opt.Now.IsZero() {
		opt.Now = time.Now().UTC()
	}
	if opt.CacheMiB == 0 {
		opt.CacheMiB = 2048
	}
	if len(opt.Municipalities) == 0 {
		opt.Municipalities = municipalities
	}
	if opt.ReferencePrefix == "" {
		opt.ReferencePrefix = "B"
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed))
	return &generator{db: db, keys: keys, cov: cov, opt: opt, rng: rng, progress: opt.Progress}
}

// cases writes the youths' cases with the indexes of their tables dropped.
func (g *generator) cases(ctx context.Context, out *Generated) error {
	return g.withoutIndexes(ctx, caseTableNames(), func() error {
		n, err := g.registrations(ctx)
		out.Youths, out.Registrations, out.Matches, out.Coordinations = n.youths, n.regs, n.matches, n.coords
		out.EndedRegistrations, out.EndedCoordinations = n.endedRegs, n.endedCoords
		out.Contacts, out.Agreements, out.Handovers, out.Escalations = n.contacts, n.agreements, n.handovers, n.escalations
		return err
	})
}

type generator struct {
	db       *storage.DB
	keys     *secret.Keys
	cov      *covenant.Covenant
	opt      Options
	rng      *rand.Rand
	progress io.Writer
	orgs     []model.Organisation
	pros     map[int64]int64 // the professional acting for each organisation, when not generated
	inPlace  bool            // adding to a database in use: keep its indexes
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

// withoutIndexes drops the tables' indexes while fn loads them, unless the
// generator adds to a database in use, whose indexes keep it whole.
func (g *generator) withoutIndexes(ctx context.Context, tables []string, fn func() error) error {
	if g.inPlace {
		return fn()
	}
	return g.db.WithoutIndexes(ctx, tables, fn)
}
