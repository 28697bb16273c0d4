package storage_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// TestMonitoringTotalsMigrationSumsTheCellsMadeBefore fills a database at
// migration 0017 with monitoring months as the version before 0018 saved
// them (cells only, no sums), then migrates. The region-wide pages read
// monitoring_totals and monitoring_towns from then on, so the backfill must
// make them exactly what the version after 0018 would have written: per
// month, measure, category and organisation the sum of the municipalities'
// rounded counts, no row for a sum of zero (the table refuses one), and
// every municipality with cells in the list.
func TestMonitoringTotalsMigrationSumsTheCellsMadeBefore(t *testing.T) {
	ctx := context.Background()
	path := testenv.EmptyDatabase(t)
	raw := testenv.OpenRaw(t, path)
	migrateBefore(t, raw, "0018")

	cells := []model.MonitoringCell{
		{Month: "2026-01", Municipality: "GM0772", OrganisationID: 3, Measure: "matches", N: 12, Shown: 10},
		{Month: "2026-01", Municipality: "GM0794", OrganisationID: 3, Measure: "matches", N: 4, Shown: 5},
		{Month: "2026-01", Municipality: "GM0772", OrganisationID: 0, Measure: "acceptance", Category: "op tijd", N: 7, Shown: 5},
		{Month: "2026-01", Municipality: "GM0794", OrganisationID: 0, Measure: "acceptance", Category: "op tijd", N: 9, Shown: 10},
		{Month: "2026-01", Municipality: "GM0794", OrganisationID: 0, Measure: "acceptance", Category: "te laat", N: 2, Shown: 5},
		// Rounded to zero in both municipalities: counted, never shown, no sum.
		{Month: "2026-01", Municipality: "GM0772", OrganisationID: 4, Measure: "matches", N: 1, Shown: 0},
		{Month: "2026-01", Municipality: "GM0794", OrganisationID: 4, Measure: "matches", N: 2, Shown: 0},
		{Month: "2026-02", Municipality: "GM0772", OrganisationID: 3, Measure: "matches", N: 18, Shown: 20},
		// A municipality whose only cell was rounded to zero still has figures.
		{Month: "2026-02", Municipality: "GM0753", OrganisationID: 3, Measure: "matches", N: 1, Shown: 0},
	}
	for _, month := range []string{"2026-01", "2026-02"} {
		if _, err := raw.Exec(`INSERT INTO monitoring_months (month, made_at) VALUES ($1, 0)`, month); err != nil {
			t.Fatal(err)
		}
	}
	type key struct {
		month, measure, category string
		organisationID           int64
	}
	want := map[key]int{}
	for _, c := range cells {
		if _, err := raw.Exec(`INSERT INTO monitoring_cells (month, municipality, organisation_id, measure, category, n, shown) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			c.Month, c.Municipality, c.OrganisationID, c.Measure, c.Category, c.N, c.Shown); err != nil {
			t.Fatal(err)
		}
		if c.Shown > 0 {
			want[key{c.Month, c.Measure, c.Category, c.OrganisationID}] += c.Shown
		}
	}

	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatalf("migrating a database with monitoring months: %v", err)
	}
	defer db.Close()

	rows, err := testenv.OpenRaw(t, path).Query(`SELECT month, measure, category, organisation_id, shown FROM monitoring_totals`)
	if err != nil {
		t.Fatal(err)
	}
	got := map[key]int{}
	for rows.Next() {
		var k key
		var shown int
		if err := rows.Scan(&k.month, &k.measure, &k.category, &k.organisationID, &shown); err != nil {
			t.Fatal(err)
		}
		got[k] = shown
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	if !maps.Equal(got, want) {
		t.Errorf("monitoring_totals after the migration:\n%v\nwant the sums over the municipalities, without zeros:\n%v", got, want)
	}

	err = db.View(ctx, func(tx *storage.Tx) error {
		towns, err := tx.MonitoringMunicipalities(ctx)
		if err != nil {
			return err
		}
		if w := []string{"GM0753", "GM0772", "GM0794"}; !slices.Equal(towns, w) {
			t.Errorf("municipalities with figures after the migration: %v, want %v", towns, w)
		}
		// What the administrator's pages read (the totals) is what summing
		// every municipality's cells gives.
		all, err := tx.MonitoringCells(ctx, storage.CellFilter{From: "2026-01", To: "2026-02"})
		if err != nil {
			return err
		}
		summed := map[string]int{}
		for _, town := range towns {
			each, err := tx.MonitoringCells(ctx, storage.CellFilter{From: "2026-01", To: "2026-02", Municipality: town})
			if err != nil {
				return err
			}
			for _, c := range each {
				summed[cellKey(c)] += c.Shown
			}
		}
		read := map[string]int{}
		for _, c := range all {
			read[cellKey(c)] += c.Shown
		}
		if !maps.Equal(read, summed) {
			t.Errorf("every municipality at once reads %v, want the sum of each municipality %v", read, summed)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func cellKey(c model.MonitoringCell) string {
	return fmt.Sprintf("%s/%s/%s/%d", c.Month, c.Measure, c.Category, c.OrganisationID)
}
