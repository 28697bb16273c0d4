package storage

import (
	"context"
	"fmt"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Counts counts the active registrations, matches and coordinations.
func (tx *Tx) Counts(ctx context.Context) (model.Counts, error) {
	out := model.Counts{ByOrganisationType: map[string]int{}, ByMunicipality: map[string]int{}}
	for _, g := range []struct {
		query string
		into  map[string]int
	}{
		{`SELECT o.type, COUNT(*) FROM registrations r JOIN organisations o ON o.id = r.organisation_id
			WHERE r.ended_at IS NULL GROUP BY o.type`, out.ByOrganisationType},
		{`SELECT y.municipality, COUNT(*) FROM registrations r JOIN youths y ON y.id = r.youth_id
			WHERE r.ended_at IS NULL GROUP BY y.municipality`, out.ByMunicipality},
	} {
		if err := tx.countGroups(ctx, g.query, g.into); err != nil {
			return out, err
		}
	}
	err := tx.queryRow(ctx, `
		SELECT
			(SELECT COUNT(*) FROM registrations WHERE ended_at IS NULL AND kind = 'signaal'),
			(SELECT COUNT(*) FROM registrations WHERE ended_at IS NULL AND kind = 'ketenregistratie'),
			(SELECT COUNT(DISTINCT youth_id) FROM registrations WHERE ended_at IS NULL),
			(SELECT COUNT(*) FROM (SELECT youth_id FROM registrations WHERE ended_at IS NULL
				GROUP BY youth_id HAVING COUNT(DISTINCT organisation_id) > 1) m),
			(SELECT COUNT(*) FROM coordinations WHERE ended_at IS NULL)`).
		Scan(&out.Signals, &out.CareRegistrations, &out.Youths, &out.Matches, &out.Coordinations)
	if err != nil {
		return out, fmt.Errorf("store: unable to count: %w", err)
	}
	return out, nil
}

func (tx *Tx) countGroups(ctx context.Context, query string, into map[string]int) error {
	rows, err := tx.query(ctx, query)
	if err != nil {
		return fmt.Errorf("store: unable to count: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var key string
		var n int
		if err := rows.Scan(&key, &n); err != nil {
			return fmt.Errorf("store: unable to read count: %w", err)
		}
		into[key] = n
	}
	return rows.Err()
}
