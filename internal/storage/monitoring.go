package storage

import (
	"context"
	"fmt"
)

// Counts are the index's figures at one moment: numbers only, no row that
// names or points to a youth.
type Counts struct {
	ByOrganisationType map[string]int // active registrations per organisation type
	ByMunicipality     map[string]int // active registrations per municipality (code) of the youth
	Signals            int            // active signals
	CareRegistrations  int            // active care registrations (ketenregistraties)
	Youths             int            // youths with at least one active registration
	Matches            int            // youths with active registrations of two or more organisations
	Coordinations      int            // running coordinations
}

// Counts counts the active registrations, matches and coordinations.
func (tx *Tx) Counts(ctx context.Context) (Counts, error) {
	out := Counts{ByOrganisationType: map[string]int{}, ByMunicipality: map[string]int{}}
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
