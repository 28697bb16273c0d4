package bench_test

import (
	"context"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/bench"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestGeneratedCountryIsConsistentWithTheRegistry(t *testing.T) {
	env := testenv.New(t)
	cov, _ := covenant.Preset("brabant")
	ctx := context.Background()
	g, err := bench.Generate(ctx, env.DB, env.Keys, cov, bench.Options{Youth: 3000, Registrations: 1500, Orgs: 44, Tokens: 5, Seed: 1, Now: env.Clock.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if g.Persons != 3000 || g.Registrations != 1500 || g.Orgs != 44 || g.Professionals != 88 || len(g.Tokens) != 5 {
		t.Fatalf("generated %+v", g)
	}
	if g.Matches == 0 || g.Coordinations == 0 || g.Youths >= g.Registrations {
		t.Fatalf("no realistic match rate: %+v", g)
	}
	for _, bsn := range bench.BSNs(50) {
		if !model.ValidBSN(bsn) {
			t.Fatalf("generated BSN %s fails the eleven-test", bsn)
		}
	}
	raw := testenv.OpenRaw(t, env.Path)
	if !testenv.Postgres() {
		// The indexes dropped while loading are all there again, as the migrations made them.
		var indexes int
		raw.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN
			('population_address', 'population_parents_parent', 'registrations_one_active', 'registrations_youth',
			 'matches_registration', 'coordinations_current', 'coordinations_youth', 'youths_address')`).Scan(&indexes)
		if indexes != 8 {
			t.Errorf("%d of the 8 indexes are there after generating", indexes)
		}
	}
	var regs, matches, coords int
	raw.QueryRow(`SELECT count(*) FROM registrations`).Scan(&regs)
	raw.QueryRow(`SELECT count(*) FROM matches`).Scan(&matches)
	raw.QueryRow(`SELECT count(*) FROM coordinations`).Scan(&coords)
	if regs != g.Registrations || matches != g.Matches || coords != g.Coordinations {
		t.Fatalf("database holds %d registrations, %d matches, %d coordinations; generator said %+v", regs, matches, coords, g)
	}
	// A real registration about a generated youth goes through the registry.
	o := env.Org(t, "GI na generatie", model.TypeGI)
	r, err := env.Registry.Registrations.Register(ctx, env.Pro(t, o), registration.Registering{BSN: bench.BSNs(3000)[2999], Kind: model.KindKetenregistratie})
	if err != nil {
		t.Fatalf("registering a generated youth: %v", err)
	}
	if !r.Created {
		t.Fatal("registration was not created")
	}
}

// The generated cases have the history the monitoring measures count:
// registrations over more than two years, acceptances on time and late,
// not-needed decisions, contacts, agreements, handovers, escalations and
// closed cases.
func TestGeneratedCasesHaveAHistory(t *testing.T) {
	env := testenv.New(t)
	cov, _ := covenant.Preset("brabant")
	g, err := bench.Generate(context.Background(), env.DB, env.Keys, cov, bench.Options{Youth: 6000, Registrations: 4000, Orgs: 44, Seed: 2, Now: env.Clock.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if g.Contacts == 0 || g.Agreements == 0 || g.Handovers == 0 || g.Escalations == 0 || g.EndedRegistrations == 0 || g.EndedCoordinations == 0 {
		t.Fatalf("history missing: %+v", g)
	}
	raw := testenv.OpenRaw(t, env.Path)
	count := func(q string) int {
		var n int
		if err := raw.QueryRow(q).Scan(&n); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return n
	}
	if months := count(`SELECT count(DISTINCT created_at / (30 * 86400000)) FROM registrations`); months < 24 {
		t.Errorf("registrations in %d months of 30 days, want at least 24", months)
	}
	for what, q := range map[string]string{
		"accepted on time":  `SELECT count(*) FROM coordinations WHERE status = 'geaccepteerd' AND decided_at <= accept_due_at`,
		"accepted late":     `SELECT count(*) FROM coordinations WHERE status = 'geaccepteerd' AND decided_at > accept_due_at`,
		"not needed":        `SELECT count(*) FROM coordinations WHERE status = 'niet-nodig' AND not_needed_reason IS NOT NULL`,
		"closed":            `SELECT count(*) FROM coordinations WHERE end_reason = 'afgesloten'`,
		"handed over":       `SELECT count(*) FROM coordinations WHERE end_reason = 'overdracht'`,
		"agreements kept":   `SELECT count(*) FROM agreements WHERE status = 'gedaan'`,
		"agreements broken": `SELECT count(*) FROM agreements WHERE status = 'niet-nagekomen'`,
		"escalations ended": `SELECT count(*) FROM escalations WHERE outcome IS NOT NULL`,
		"escalation steps":  `SELECT count(*) FROM escalation_steps`,
	} {
		if count(q) == 0 {
			t.Errorf("no %s", what)
		}
	}
	if n := count(`SELECT count(*) FROM registrations WHERE ended_at IS NOT NULL`); n != g.EndedRegistrations {
		t.Errorf("%d ended registrations, generator said %d", n, g.EndedRegistrations)
	}
}
