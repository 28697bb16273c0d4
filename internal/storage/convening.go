package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Convening returns the convening of a coordination, or ErrNotFound when
// nothing was recorded or alerted yet.
func (tx *Tx) Convening(ctx context.Context, coordinationID int64) (model.Convening, error) {
	c := model.Convening{CoordinationID: coordinationID}
	var on sql.NullString
	var by, recorded, alerted sql.NullInt64
	err := tx.queryRow(ctx, `SELECT id, youth_id, convened_on, recorded_by, recorded_at, alerted_at FROM convenings WHERE coordination_id = $1`, coordinationID).
		Scan(&c.ID, &c.YouthID, &on, &by, &recorded, &alerted)
	c.ConvenedOn, c.RecordedBy, c.RecordedAt, c.AlertedAt = fromNullDay(on), by.Int64, fromNullMillis(recorded), fromNullMillis(alerted)
	return c, notFound(err)
}

// RecordConvening records the day everyone was convened for a coordination.
func (tx *Tx) RecordConvening(ctx context.Context, coordinationID, youthID int64, on time.Time, by int64, at time.Time) error {
	_, err := tx.exec(ctx, `
		INSERT INTO convenings (coordination_id, youth_id, convened_on, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (coordination_id) DO UPDATE SET convened_on = excluded.convened_on, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
		coordinationID, youthID, on.Format(dayLayout), by, toMillis(at))
	if err != nil {
		return fmt.Errorf("store: unable to record convening: %w", err)
	}
	return nil
}

// MarkConveningAlerted records that the convening deadline passed unrecorded
// and was alerted; it reports false when it was alerted or recorded already.
func (tx *Tx) MarkConveningAlerted(ctx context.Context, coordinationID, youthID int64, at time.Time) (bool, error) {
	res, err := tx.exec(ctx, `
		INSERT INTO convenings (coordination_id, youth_id, alerted_at) VALUES ($1, $2, $3)
		ON CONFLICT (coordination_id) DO UPDATE SET alerted_at = excluded.alerted_at
		WHERE convenings.alerted_at IS NULL AND convenings.convened_on IS NULL`,
		coordinationID, youthID, toMillis(at))
	if err != nil {
		return false, fmt.Errorf("store: unable to mark convening alerted: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// CoordinationsToConvene lists running coordinations assigned by one of
// rules, started before the given moment, whose convening was neither
// recorded nor alerted, the oldest first.
func (tx *Tx) CoordinationsToConvene(ctx context.Context, rules []string, startedBefore time.Time, limit int) ([]model.Coordination, error) {
	if len(rules) == 0 {
		return nil, nil
	}
	args := []any{toMillis(startedBefore), limit}
	marks := make([]string, len(rules))
	for i, r := range rules {
		args = append(args, r)
		marks[i] = "$" + strconv.Itoa(len(args))
	}
	return tx.coordinations(ctx, `
		SELECT `+coordinationColumns+` FROM coordinations c
		WHERE c.ended_at IS NULL AND c.started_at < $1 AND c.rule IN (`+strings.Join(marks, ", ")+`)
		  AND NOT EXISTS (SELECT 1 FROM convenings v WHERE v.coordination_id = c.id AND (v.convened_on IS NOT NULL OR v.alerted_at IS NOT NULL))
		ORDER BY c.started_at, c.id LIMIT $2`, args...)
}

const stagnationColumns = `id, youth_id, coordination_id, reported_by, reported_at, due_at, convened_by, convened_at, instructed_by, instructed_at, alerted_at`

func scanStagnation(row interface{ Scan(...any) error }) (model.Stagnation, error) {
	var s model.Stagnation
	var reported, due int64
	var convenedBy, convened, instructedBy, instructed, alerted sql.NullInt64
	err := row.Scan(&s.ID, &s.YouthID, &s.CoordinationID, &s.ReportedBy, &reported, &due, &convenedBy, &convened, &instructedBy, &instructed, &alerted)
	s.ReportedAt, s.DueAt = fromMillis(reported), fromMillis(due)
	s.ConvenedBy, s.ConvenedAt = convenedBy.Int64, fromNullMillis(convened)
	s.InstructedBy, s.InstructedAt, s.AlertedAt = instructedBy.Int64, fromNullMillis(instructed), fromNullMillis(alerted)
	return s, err
}

// ReportStagnation stores a report; at most one per youth waits to be convened.
func (tx *Tx) ReportStagnation(ctx context.Context, s *model.Stagnation) error {
	err := tx.queryRow(ctx, `
		INSERT INTO stagnations (youth_id, coordination_id, reported_by, reported_at, due_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		s.YouthID, s.CoordinationID, s.ReportedBy, toMillis(s.ReportedAt), toMillis(s.DueAt)).Scan(&s.ID)
	if err != nil {
		return fmt.Errorf("store: unable to report stagnation: %w", err)
	}
	return nil
}

// LatestStagnation returns the most recent stagnation report of a
// coordination, or ErrNotFound.
func (tx *Tx) LatestStagnation(ctx context.Context, coordinationID int64) (model.Stagnation, error) {
	s, err := scanStagnation(tx.queryRow(ctx, `
		SELECT `+stagnationColumns+` FROM stagnations WHERE coordination_id = $1
		ORDER BY reported_at DESC, id DESC LIMIT 1`, coordinationID))
	return s, notFound(err)
}

// ConveneStagnation records that the brandpunt officer convened everyone;
// it reports false when that was recorded already.
func (tx *Tx) ConveneStagnation(ctx context.Context, id, by int64, at time.Time) (bool, error) {
	return tx.updateStagnation(ctx, `UPDATE stagnations SET convened_by = $1, convened_at = $2 WHERE id = $3 AND convened_at IS NULL`, by, toMillis(at), id)
}

// InstructStagnation records that the brandpunt officer gave an instruction;
// it reports false when that was recorded already or nobody was convened yet.
func (tx *Tx) InstructStagnation(ctx context.Context, id, by int64, at time.Time) (bool, error) {
	return tx.updateStagnation(ctx, `UPDATE stagnations SET instructed_by = $1, instructed_at = $2 WHERE id = $3 AND instructed_at IS NULL AND convened_at IS NOT NULL`, by, toMillis(at), id)
}

// MarkStagnationAlerted records that the brandpunt deadline passed and was
// alerted; it reports false when it was convened or alerted meanwhile.
func (tx *Tx) MarkStagnationAlerted(ctx context.Context, id int64, at time.Time) (bool, error) {
	return tx.updateStagnation(ctx, `UPDATE stagnations SET alerted_at = $1 WHERE id = $2 AND alerted_at IS NULL AND convened_at IS NULL`, toMillis(at), id)
}

func (tx *Tx) updateStagnation(ctx context.Context, query string, args ...any) (bool, error) {
	res, err := tx.exec(ctx, query, args...)
	if err != nil {
		return false, fmt.Errorf("store: unable to update stagnation: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// OverdueStagnations lists the reports of running coordinations not
// convened before their deadline and not alerted yet, the oldest first.
func (tx *Tx) OverdueStagnations(ctx context.Context, now time.Time, limit int) ([]model.Stagnation, error) {
	return tx.listStagnations(ctx, `
		SELECT `+stagnationColumns+` FROM stagnations s
		WHERE s.convened_at IS NULL AND s.alerted_at IS NULL AND s.due_at < $1
		  AND s.coordination_id IN (SELECT id FROM coordinations WHERE ended_at IS NULL)
		ORDER BY s.due_at, s.id LIMIT $2`, toMillis(now), limit)
}

// UnfinishedStagnations lists the reports of running coordinations without
// an instruction yet, for the brandpunt officer's list, the oldest first.
func (tx *Tx) UnfinishedStagnations(ctx context.Context, limit int) ([]model.Stagnation, error) {
	return tx.listStagnations(ctx, `
		SELECT `+stagnationColumns+` FROM stagnations s
		WHERE s.instructed_at IS NULL
		  AND s.coordination_id IN (SELECT id FROM coordinations WHERE ended_at IS NULL)
		ORDER BY s.reported_at, s.id LIMIT $1`, limit)
}

func (tx *Tx) listStagnations(ctx context.Context, query string, args ...any) ([]model.Stagnation, error) {
	rows, err := tx.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list stagnations: %w", err)
	}
	defer rows.Close()
	var out []model.Stagnation
	for rows.Next() {
		s, err := scanStagnation(rows)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read stagnation: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
