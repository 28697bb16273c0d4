package bench_test

import (
	"context"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/bench"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// bench monitoring makes the months of a generated country, one month once
// more, and reads every report the pages ask for.
func TestMeasureMonitoringMakesAndReadsTheMonths(t *testing.T) {
	env := testenv.New(t)
	cov, _ := covenant.Preset("brabant")
	ctx := context.Background()
	if _, err := bench.Generate(ctx, env.DB, env.Keys, cov, bench.Options{Youth: 4000, Registrations: 3000, Orgs: 44, Seed: 3, Now: env.Clock.Now()}); err != nil {
		t.Fatal(err)
	}
	svc := env.Registry.Monitoring
	res, err := bench.MeasureMonitoring(ctx, svc, svc.MakeMonths, "0772")
	if err != nil {
		t.Fatal(err)
	}
	if res.MonthsMade < 24 || res.Cells == 0 || len(res.Reads) != 5 {
		t.Fatalf("made %d months, %d cells in the last, %d reads", res.MonthsMade, res.Cells, len(res.Reads))
	}
	for _, r := range res.Reads {
		if r.Tables == 0 || r.Periods == 0 {
			t.Errorf("%s: %d tables, %d periods", r.What, r.Tables, r.Periods)
		}
	}
}
