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
	raw.QueryRow(`SELECT count(*) FROM registrations WHERE ended_at IS NULL`).Scan(&regs)
	raw.QueryRow(`SELECT count(*) FROM matches`).Scan(&matches)
	raw.QueryRow(`SELECT count(*) FROM coordinations WHERE ended_at IS NULL`).Scan(&coords)
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
