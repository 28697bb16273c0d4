package bench_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/bench"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/server"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// TestSyncMeasuresOneListAndTheSameOneByOne drives a real server: the list's
// lines are all accounted for, the one-by-one registrations all answered.
func TestSyncMeasuresOneListAndTheSameOneByOne(t *testing.T) {
	env := testenv.New(t)
	cov, _ := covenant.Preset("brabant")
	ctx := context.Background()
	g, err := bench.Generate(ctx, env.DB, env.Keys, cov, bench.Options{Youth: 1000, Registrations: 200, Orgs: 20, Tokens: 8, Seed: 4, Now: env.Clock.Now()})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.Start(server.Config{Addr: "127.0.0.1:0", DB: env.DB, Keys: env.Keys, Covenant: cov, Now: env.Clock.Now,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), APIRate: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	res, err := bench.MeasureSync(ctx, bench.SyncOptions{URL: "http://" + srv.Addr(), Tokens: g.Tokens, Youth: 1000, Lines: 300, OneByOne: 30, Clients: 2})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Counts
	if c.Created+c.Unchanged+c.Updated+c.Refused != 300 || c.Created == 0 {
		t.Errorf("counts %+v do not account for the 300 lines", c)
	}
	if res.OneByOneErrors != 0 || res.SyncRate() <= 0 || res.OneByOneRate() <= 0 {
		t.Errorf("one by one: %d errors, rates %.0f and %.0f", res.OneByOneErrors, res.SyncRate(), res.OneByOneRate())
	}
	if _, err := bench.MeasureSync(ctx, bench.SyncOptions{URL: "http://10.0.0.1:8080", Tokens: g.Tokens, Youth: 1000, Lines: 1}); err == nil {
		t.Error("a synchronisation was aimed at an address off this machine")
	}
}
