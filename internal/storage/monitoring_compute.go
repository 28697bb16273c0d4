package storage

import (
	"context"
	"database/sql"
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

// Acceptance is one coordination accepted in a month.
type Acceptance struct {
	Municipality   string
	OrganisationID int64
	StartedAt      time.Time
	DecidedAt      time.Time
	DueAt          *time.Time
}

// AcceptancesIn lists the coordinations accepted between from and to.
func (tx *Tx) AcceptancesIn(ctx context.Context, from, to time.Time) ([]Acceptance, error) {
	rows, err := tx.query(ctx, `
		SELECT y.municipality, c.organisation_id, c.started_at, c.decided_at, c.accept_due_at
		FROM coordinations c JOIN youths y ON y.id = c.youth_id
		WHERE c.decided_at >= $1 AND c.decided_at < $2 AND c.not_needed_reason IS NULL`, toMillis(from), toMillis(to))
	if err != nil {
		return nil, fmt.Errorf("store: unable to list acceptances: %w", err)
	}
	defer rows.Close()
	var out []Acceptance
	for rows.Next() {
		var a Acceptance
		var started, decided int64
		var due sql.NullInt64
		if err := rows.Scan(&a.Municipality, &a.OrganisationID, &started, &decided, &due); err != nil {
			return nil, fmt.Errorf("store: unable to read acceptance: %w", err)
		}
		a.StartedAt, a.DecidedAt = fromMillis(started), fromMillis(decided)
		if due.Valid {
			t := fromMillis(due.Int64)
			a.DueAt = &t
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SignallerToFollow is a registration of another organisation than the
// coordinator's during an accepted coordination: a signaller the
// coordinator is to contact.
type SignallerToFollow struct {
	Municipality     string
	CoordinationID   int64
	OrganisationID   int64 // the coordinating organisation
	AcceptedAt       time.Time
	CoordinationEnd  *time.Time
	RegisteredAt     time.Time
	RegistrationEnd  *time.Time
	FirstContactedOn string // "2026-03-04", "" when never
}

// SignallersToFollow lists the signallers of accepted coordinations whose
// start (the later of acceptance and registration) lies between from and
// to, with the first day the coordinator recorded contact with each.
func (tx *Tx) SignallersToFollow(ctx context.Context, from, to time.Time) ([]SignallerToFollow, error) {
	rows, err := tx.query(ctx, `
		SELECT y.municipality, c.id, c.organisation_id, c.decided_at, c.ended_at, r.created_at, r.ended_at,
		       COALESCE((SELECT MIN(k.contacted_on) FROM signaller_contacts k WHERE k.coordination_id = c.id AND k.registration_id = r.id), '')
		FROM coordinations c
		JOIN youths y ON y.id = c.youth_id
		JOIN registrations r ON r.youth_id = c.youth_id AND r.organisation_id <> c.organisation_id
		WHERE c.decided_at IS NOT NULL AND c.not_needed_reason IS NULL
		  AND (c.ended_at IS NULL OR r.created_at < c.ended_at)
		  AND (r.ended_at IS NULL OR r.ended_at > c.decided_at)
		  AND ((c.decided_at >= r.created_at AND c.decided_at >= $1 AND c.decided_at < $2)
		    OR (r.created_at > c.decided_at AND r.created_at >= $1 AND r.created_at < $2))
		ORDER BY c.id`, toMillis(from), toMillis(to))
	if err != nil {
		return nil, fmt.Errorf("store: unable to list signallers to follow: %w", err)
	}
	defer rows.Close()
	var out []SignallerToFollow
	for rows.Next() {
		var s SignallerToFollow
		var accepted, registered int64
		var cEnd, rEnd sql.NullInt64
		if err := rows.Scan(&s.Municipality, &s.CoordinationID, &s.OrganisationID, &accepted, &cEnd, &registered, &rEnd, &s.FirstContactedOn); err != nil {
			return nil, fmt.Errorf("store: unable to read signaller to follow: %w", err)
		}
		s.AcceptedAt, s.RegisteredAt = fromMillis(accepted), fromMillis(registered)
		if cEnd.Valid {
			t := fromMillis(cEnd.Int64)
			s.CoordinationEnd = &t
		}
		if rEnd.Valid {
			t := fromMillis(rEnd.Int64)
			s.RegistrationEnd = &t
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
