package storage

import (
	"context"
	"fmt"
	"time"
)

// CountRow is one grouped count of a monitoring measure.
type CountRow struct {
	Municipality   string
	OrganisationID int64
	Category       string
	N              int
}

// MonthBounds is a month as the monitoring queries take it: from and to
// are moments (the month's first moment and the first after it), firstDay
// and nextDay its first day and the next month's first day ("2026-03-01").
type MonthBounds struct {
	From, To          time.Time
	FirstDay, NextDay string
}

// monitoringCounts are the measures a plain GROUP BY counts, each
// returning municipality, organisation, category and a count. An event
// measure takes $1 = the month's first moment and $2 = the first moment
// after it (UTC milliseconds); a stock measure (stockMeasures) takes $1 =
// the first moment after the month; the agreements take days (see
// monitoringArgs).
var monitoringCounts = map[string]string{
	"registraties": `
		SELECT y.municipality, r.organisation_id, r.kind, COUNT(*) FROM registrations r JOIN youths y ON y.id = r.youth_id
		WHERE r.created_at >= $1 AND r.created_at < $2 GROUP BY y.municipality, r.organisation_id, r.kind`,
	"jeugdigen-match": `
		SELECT y.municipality, 0, '', COUNT(*) FROM (SELECT youth_id, MIN(created_at) AS first FROM matches GROUP BY youth_id) m
		JOIN youths y ON y.id = m.youth_id
		WHERE m.first >= $1 AND m.first < $2 GROUP BY y.municipality`,
	"acceptatie-verlopen": `
		SELECT y.municipality, c.organisation_id, '', COUNT(*) FROM coordinations c JOIN youths y ON y.id = c.youth_id
		WHERE c.started_at < $1 AND (c.ended_at IS NULL OR c.ended_at >= $1) AND c.accept_due_at < $1
		  AND (c.decided_at IS NULL OR c.decided_at >= $1)
		GROUP BY y.municipality, c.organisation_id`,
	"niet-nodig": `
		SELECT y.municipality, c.organisation_id, c.not_needed_reason, COUNT(*) FROM coordinations c JOIN youths y ON y.id = c.youth_id
		WHERE c.not_needed_reason IS NOT NULL AND c.decided_at >= $1 AND c.decided_at < $2
		GROUP BY y.municipality, c.organisation_id, c.not_needed_reason`,
	"overdracht": `
		SELECT y.municipality, 0, h.outcome, COUNT(*) FROM handovers h JOIN youths y ON y.id = h.youth_id
		WHERE h.outcome IS NOT NULL AND h.decided_at >= $1 AND h.decided_at < $2 GROUP BY y.municipality, h.outcome`,
	"coordinatie-einde": `
		SELECT y.municipality, c.organisation_id, COALESCE(c.end_reason, ''), COUNT(*) FROM coordinations c JOIN youths y ON y.id = c.youth_id
		WHERE c.ended_at >= $1 AND c.ended_at < $2 GROUP BY y.municipality, c.organisation_id, COALESCE(c.end_reason, '')`,
	"coordinatie-lopend": `
		SELECT y.municipality, c.organisation_id, '', COUNT(*) FROM coordinations c JOIN youths y ON y.id = c.youth_id
		WHERE c.started_at < $1 AND (c.ended_at IS NULL OR c.ended_at >= $1)
		  AND NOT (c.status = 'niet-nodig' AND c.decided_at < $1)
		GROUP BY y.municipality, c.organisation_id`,
	"afspraak": `
		SELECT y.municipality, 0, CASE a.status WHEN 'gedaan' THEN 'nagekomen' WHEN 'niet-nagekomen' THEN 'niet-nagekomen' ELSE 'verlopen' END, COUNT(*)
		FROM agreements a JOIN youths y ON y.id = a.youth_id
		WHERE a.end_on >= $1 AND a.end_on < $2
		GROUP BY y.municipality, CASE a.status WHEN 'gedaan' THEN 'nagekomen' WHEN 'niet-nagekomen' THEN 'niet-nagekomen' ELSE 'verlopen' END`,
	"afspraak-lopend": `
		SELECT y.municipality, 0, '', COUNT(*) FROM agreements a JOIN youths y ON y.id = a.youth_id
		WHERE a.created_at < $1 AND a.end_on >= $2 AND (a.status = 'open' OR a.updated_at >= $1)
		GROUP BY y.municipality`,
	"escalatie-gestart": `
		SELECT y.municipality, 0, e.authority, COUNT(*) FROM escalations e JOIN youths y ON y.id = e.youth_id
		WHERE e.started_at >= $1 AND e.started_at < $2 GROUP BY y.municipality, e.authority`,
	"escalatie-einde": `
		SELECT y.municipality, 0, e.outcome, COUNT(*) FROM escalations e JOIN youths y ON y.id = e.youth_id
		WHERE e.ended_at >= $1 AND e.ended_at < $2 GROUP BY y.municipality, e.outcome`,
	"escalatie-stap": `
		SELECT y.municipality, 0, CAST(COALESCE((SELECT MAX(s.step) FROM escalation_steps s WHERE s.escalation_id = e.id), 1) AS TEXT), COUNT(*)
		FROM escalations e JOIN youths y ON y.id = e.youth_id
		WHERE e.ended_at >= $1 AND e.ended_at < $2
		GROUP BY y.municipality, CAST(COALESCE((SELECT MAX(s.step) FROM escalation_steps s WHERE s.escalation_id = e.id), 1) AS TEXT)`,
	"zorgpiramide": `
		SELECT y.municipality, 0, p.category, COUNT(*) FROM (
			SELECT youth_id, 'bijeengeroepen' AS category FROM convenings WHERE recorded_at >= $1 AND recorded_at < $2
			UNION ALL SELECT youth_id, 'stagnatie' FROM stagnations WHERE reported_at >= $1 AND reported_at < $2
			UNION ALL SELECT youth_id, 'brandpunt' FROM stagnations WHERE convened_at >= $1 AND convened_at < $2
			UNION ALL SELECT youth_id, 'opdracht' FROM stagnations WHERE instructed_at >= $1 AND instructed_at < $2
		) p JOIN youths y ON y.id = p.youth_id GROUP BY y.municipality, p.category`,
	"actief": `
		SELECT y.municipality, r.organisation_id, r.kind, COUNT(*) FROM registrations r JOIN youths y ON y.id = r.youth_id
		WHERE r.created_at < $1 AND (r.ended_at IS NULL OR r.ended_at >= $1)
		GROUP BY y.municipality, r.organisation_id, r.kind`,
	"actief-jeugdigen": `
		SELECT y.municipality, 0, '', COUNT(DISTINCT r.youth_id) FROM registrations r JOIN youths y ON y.id = r.youth_id
		WHERE r.created_at < $1 AND (r.ended_at IS NULL OR r.ended_at >= $1)
		GROUP BY y.municipality`,
}

// stockMeasures count what ran at the end of the month.
var stockMeasures = map[string]bool{"acceptatie-verlopen": true, "coordinatie-lopend": true, "actief": true, "actief-jeugdigen": true}

func monitoringArgs(measure string, m MonthBounds) []any {
	switch {
	case measure == "afspraak":
		return []any{m.FirstDay, m.NextDay}
	case measure == "afspraak-lopend":
		return []any{toMillis(m.To), m.NextDay}
	case stockMeasures[measure]:
		return []any{toMillis(m.To)}
	}
	return []any{toMillis(m.From), toMillis(m.To)}
}

// MonitoringCounts counts one of the plainly grouped measures for a month;
// ok is false for a measure it does not count.
func (tx *Tx) MonitoringCounts(ctx context.Context, measure string, m MonthBounds) (rows []CountRow, ok bool, err error) {
	q, ok := monitoringCounts[measure]
	if !ok {
		return nil, false, nil
	}
	r, err := tx.query(ctx, q, monitoringArgs(measure, m)...)
	if err != nil {
		return nil, true, fmt.Errorf("store: unable to count %s: %w", measure, err)
	}
	defer r.Close()
	for r.Next() {
		var c CountRow
		if err := r.Scan(&c.Municipality, &c.OrganisationID, &c.Category, &c.N); err != nil {
			return nil, true, fmt.Errorf("store: unable to read count of %s: %w", measure, err)
		}
		rows = append(rows, c)
	}
	return rows, true, r.Err()
}
