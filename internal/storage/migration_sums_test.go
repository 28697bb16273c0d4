package storage_test

import (
	"context"
	"maps"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// TestMonitoringSumsMigrationSumsTheCellsMadeBefore fills a database at
// migration 0019 with monitoring months as the version before 0020 saved
// them (no monitoring_sums), then migrates, and saves one month more as
// the version after does. The pages read monitoring_sums only, so both the
// backfill and a month made afterwards must give exactly what summing the
// cells over the organisations gives, per type of organisation, for each
// municipality and for every municipality together (”).
func TestMonitoringSumsMigrationSumsTheCellsMadeBefore(t *testing.T) {
	ctx := context.Background()
	path := testenv.EmptyDatabase(t)
	raw := testenv.OpenRaw(t, path)
	migrateBefore(t, raw, "0020")

	for _, o := range []struct {
		id   int64
		typ  string
		name string
	}{{3, "onderwijs", "Stedelijk College"}, {4, "onderwijs", "Van Maerlant Lyceum"}, {5, "wijkteam", "Wijkteam Woensel"}} {
		if _, err := raw.Exec(`INSERT INTO organisations (id, name, type, role, municipality, created_at) VALUES ($1, $2, $3, 'signaalgever', 'Eindhoven', 0)`,
			o.id, o.name, o.typ); err != nil {
			t.Fatal(err)
		}
	}
	before := []model.MonitoringCell{
		{Month: "2026-01", Municipality: "0772", OrganisationID: 3, Measure: "registraties", Category: "signaal", N: 12, Shown: 10},
		{Month: "2026-01", Municipality: "0772", OrganisationID: 4, Measure: "registraties", Category: "signaal", N: 4, Shown: 5},
		{Month: "2026-01", Municipality: "0794", OrganisationID: 4, Measure: "registraties", Category: "signaal", N: 6, Shown: 5},
		{Month: "2026-01", Municipality: "0772", OrganisationID: 5, Measure: "registraties", Category: "signaal", N: 21, Shown: 20},
		{Month: "2026-01", Municipality: "0772", OrganisationID: 0, Measure: "jeugdigen-match", N: 7, Shown: 5},
		// Rounded to zero: counted, never shown, no sum.
		{Month: "2026-01", Municipality: "0794", OrganisationID: 5, Measure: "registraties", Category: "signaal", N: 1, Shown: 0},
	}
	if _, err := raw.Exec(`INSERT INTO monitoring_months (month, made_at) VALUES ('2026-01', 0)`); err != nil {
		t.Fatal(err)
	}
	for _, c := range before {
		if _, err := raw.Exec(`INSERT INTO monitoring_cells (month, municipality, organisation_id, measure, category, n, shown) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			c.Month, c.Municipality, c.OrganisationID, c.Measure, c.Category, c.N, c.Shown); err != nil {
			t.Fatal(err)
		}
	}

	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatalf("migrating a database with monitoring months: %v", err)
	}
	defer db.Close()
	after := []model.MonitoringCell{
		{Month: "2026-02", Municipality: "0772", OrganisationID: 3, Measure: "registraties", Category: "signaal", N: 5, Shown: 5},
		{Month: "2026-02", Municipality: "0794", OrganisationID: 4, Measure: "registraties", Category: "signaal", N: 9, Shown: 10},
	}
	if err := db.Update(ctx, func(tx *storage.Tx) error { return tx.SaveMonitoringMonth(ctx, "2026-02", after, time.Unix(0, 0)) }); err != nil {
		t.Fatal(err)
	}

	type key struct{ month, town, measure, category, kind string }
	want := map[key]int{
		{"2026-01", "0772", "registraties", "signaal", "onderwijs"}: 15,
		{"2026-01", "0794", "registraties", "signaal", "onderwijs"}: 5,
		{"2026-01", "0772", "registraties", "signaal", "wijkteam"}:  20,
		{"2026-01", "0772", "jeugdigen-match", "", ""}:              5,
		{"2026-01", "", "registraties", "signaal", "onderwijs"}:     20,
		{"2026-01", "", "registraties", "signaal", "wijkteam"}:      20,
		{"2026-01", "", "jeugdigen-match", "", ""}:                  5,
		{"2026-02", "0772", "registraties", "signaal", "onderwijs"}: 5,
		{"2026-02", "0794", "registraties", "signaal", "onderwijs"}: 10,
		{"2026-02", "", "registraties", "signaal", "onderwijs"}:     15,
	}
	got := map[key]int{}
	err = db.View(ctx, func(tx *storage.Tx) error {
		for _, town := range []string{"0772", "0794", ""} {
			cells, err := tx.MonitoringSums(ctx, storage.CellFilter{From: "2026-01", To: "2026-02", Municipality: town}, []string{"registraties"})
			if err != nil {
				return err
			}
			for _, c := range cells {
				got[key{c.Month, town, c.Measure, c.Category, c.OrganisationType}] += c.Shown
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, want) {
		t.Errorf("monitoring sums after the migration and one month made:\n%v\nwant per type of organisation, per municipality and all together:\n%v", got, want)
	}
}
