package bench_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/bench"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/server"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestLoadIsOnlySentToLoopback(t *testing.T) {
	for _, ok := range []string{"http://127.0.0.1:8080", "http://127.3.2.1:1", "http://localhost:8080", "http://[::1]:8080"} {
		if err := bench.CheckLoopback(ok); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"http://10.0.0.1:8080", "http://192.168.1.2", "https://example.nl", "http://0.0.0.0:8080", "geen url"} {
		if err := bench.CheckLoopback(bad); err == nil {
			t.Errorf("%s accepted as a load target", bad)
		}
	}
}

func TestLoadDrivesARealServerAndReportsEveryOperation(t *testing.T) {
	env := testenv.New(t)
	cov, _ := covenant.Preset("brabant")
	ctx := context.Background()
	g, err := bench.Generate(ctx, env.DB, env.Keys, cov, bench.Options{Youth: 2000, Registrations: 500, Orgs: 30, Tokens: 8, Seed: 2, Now: env.Clock.Now()})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.Start(server.Config{Addr: "127.0.0.1:0", DB: env.DB, Keys: env.Keys, Covenant: cov, Now: env.Clock.Now,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), APIRate: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	// The duration is only a safety stop: the run ends after the 400
	// requests, however slow a loaded CI machine is (no timed assertions).
	res, err := bench.Load(ctx, bench.LoadOptions{URL: "http://" + srv.Addr(), Tokens: g.Tokens, Clients: 8, Duration: 5 * time.Minute, Requests: 400, Youth: 2000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, o := range res.Ops {
		total += o.Count
		if o.Errors > 0 {
			t.Errorf("%s: %d errors: %v", o.Name, o.Errors, res.Errors)
		}
		if o.P50 > o.P99 || o.P99 > o.Max || o.Max == 0 {
			t.Errorf("%s: percentiles out of order: %+v", o.Name, o)
		}
	}
	if total != 400 {
		t.Fatalf("%d requests measured, want the 400 asked for", total)
	}
	if len(res.Ops) != 5 {
		t.Fatalf("operations measured: %+v, want all five", res.Ops)
	}
	ref, err := bench.MeasureReference(ctx, env.DB, 200)
	if err != nil || ref.SingleCommitsPerSecond <= 0 || ref.BatchedRowsPerSecond <= ref.SingleCommitsPerSecond {
		t.Fatalf("reference %+v, %v: batched rows must beat single commits", ref, err)
	}
}
