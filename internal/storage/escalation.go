package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

const escalationColumns = `id, youth_id, coordination_id, authority, authority_organisation_id, started_by, started_at, ended_at, outcome, ended_by`

func scanEscalation(row interface{ Scan(...any) error }) (model.Escalation, error) {
	var e model.Escalation
	var started int64
	var authorityOrg, endedBy, ended sql.NullInt64
	var outcome sql.NullString
	err := row.Scan(&e.ID, &e.YouthID, &e.CoordinationID, &e.Authority, &authorityOrg, &e.StartedBy, &started, &ended, &outcome, &endedBy)
	e.AuthorityOrganisationID, e.EndedBy = authorityOrg.Int64, endedBy.Int64
	e.StartedAt, e.EndedAt, e.Outcome = fromMillis(started), fromNullMillis(ended), outcome.String
	return e, err
}

const escalationStepColumns = `id, escalation_id, step, due_at, done_at, done_by, outcome, alerted_at`

func scanEscalationStep(row interface{ Scan(...any) error }) (model.EscalationStep, error) {
	var s model.EscalationStep
	var due, done, doneBy, alerted sql.NullInt64
	var outcome sql.NullString
	err := row.Scan(&s.ID, &s.EscalationID, &s.Step, &due, &done, &doneBy, &outcome, &alerted)
	s.DueAt, s.DoneAt, s.AlertedAt = fromNullMillis(due), fromNullMillis(done), fromNullMillis(alerted)
	s.DoneBy, s.Outcome = doneBy.Int64, outcome.String
	return s, err
}

// StartEscalation stores a new escalation; at most one runs per youth.
func (tx *Tx) StartEscalation(ctx context.Context, e *model.Escalation) error {
	err := tx.queryRow(ctx, `
		INSERT INTO escalations (youth_id, coordination_id, authority, authority_organisation_id, started_by, started_at)
		VALUES ($1, $2, $3, $4, $5, $6)
		RETURNING id`, e.YouthID, e.CoordinationID, e.Authority, nullID(e.AuthorityOrganisationID), e.StartedBy, toMillis(e.StartedAt)).Scan(&e.ID)
	if err != nil {
		return fmt.Errorf("store: unable to start escalation: %w", err)
	}
	return nil
}

// AddEscalationStep stores a step that became due (or, for the first, was
// done at the start).
func (tx *Tx) AddEscalationStep(ctx context.Context, s *model.EscalationStep) error {
	var outcome sql.NullString
	if s.Outcome != "" {
		outcome = sql.NullString{String: s.Outcome, Valid: true}
	}
	err := tx.queryRow(ctx, `
		INSERT INTO escalation_steps (escalation_id, step, due_at, done_at, done_by, outcome)
		VALUES ($1, $2, $3, $4, $5, $6)
		RETURNING id`, s.EscalationID, s.Step, nullMillis(s.DueAt), nullMillis(s.DoneAt), nullID(s.DoneBy), outcome).Scan(&s.ID)
	if err != nil {
		return fmt.Errorf("store: unable to add escalation step: %w", err)
	}
	return nil
}

// CompleteEscalationStep records that a step was done; it reports false
// when the step was done already.
func (tx *Tx) CompleteEscalationStep(ctx context.Context, id int64, at time.Time, by int64, outcome string) (bool, error) {
	var o sql.NullString
	if outcome != "" {
		o = sql.NullString{String: outcome, Valid: true}
	}
	res, err := tx.exec(ctx, `UPDATE escalation_steps SET done_at = $1, done_by = $2, outcome = $3 WHERE id = $4 AND done_at IS NULL`,
		toMillis(at), by, o, id)
	if err != nil {
		return false, fmt.Errorf("store: unable to complete escalation step: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// EndEscalation ends a running escalation; by is 0 when the system ends it.
func (tx *Tx) EndEscalation(ctx context.Context, id int64, at time.Time, outcome string, by int64) error {
	_, err := tx.exec(ctx, `UPDATE escalations SET ended_at = $1, outcome = $2, ended_by = $3 WHERE id = $4 AND ended_at IS NULL`,
		toMillis(at), outcome, nullID(by), id)
	if err != nil {
		return fmt.Errorf("store: unable to end escalation: %w", err)
	}
	return nil
}

// LapseEscalations ends, as lapsed, the running escalations whose
// coordination ended (handed over, closed, taken over by a GI).
func (tx *Tx) LapseEscalations(ctx context.Context, at time.Time) (int64, error) {
	res, err := tx.exec(ctx, `
		UPDATE escalations SET ended_at = $1, outcome = $2
		WHERE ended_at IS NULL AND coordination_id IN (SELECT id FROM coordinations WHERE ended_at IS NOT NULL)`,
		toMillis(at), model.EscalationLapsed)
	if err != nil {
		return 0, fmt.Errorf("store: unable to lapse escalations: %w", err)
	}
	return res.RowsAffected()
}

// RunningEscalation returns the youth's running escalation with its steps,
// or ErrNotFound. One whose coordination ended does not run any more, even
// before LapseEscalations marked it.
func (tx *Tx) RunningEscalation(ctx context.Context, youthID int64) (model.Escalation, error) {
	e, err := scanEscalation(tx.queryRow(ctx, `
		SELECT `+escalationColumns+` FROM escalations
		WHERE youth_id = $1 AND ended_at IS NULL
		  AND coordination_id IN (SELECT id FROM coordinations WHERE ended_at IS NULL)`, youthID))
	if err != nil {
		return e, notFound(err)
	}
	return e, tx.escalationSteps(ctx, &e)
}

// LatestEscalation returns the youth's most recent escalation, running or
// ended, with its steps, or ErrNotFound.
func (tx *Tx) LatestEscalation(ctx context.Context, youthID int64) (model.Escalation, error) {
	e, err := scanEscalation(tx.queryRow(ctx, `
		SELECT `+escalationColumns+` FROM escalations
		WHERE youth_id = $1 ORDER BY started_at DESC, id DESC LIMIT 1`, youthID))
	if err != nil {
		return e, notFound(err)
	}
	return e, tx.escalationSteps(ctx, &e)
}

// Escalation returns one escalation with its steps, or ErrNotFound.
func (tx *Tx) Escalation(ctx context.Context, id int64) (model.Escalation, error) {
	e, err := scanEscalation(tx.queryRow(ctx, `SELECT `+escalationColumns+` FROM escalations WHERE id = $1`, id))
	if err != nil {
		return e, notFound(err)
	}
	return e, tx.escalationSteps(ctx, &e)
}

// RunningEscalations lists the escalations that run, with their steps, the
// oldest first; with organisationID, only those of youths that organisation
// coordinates.
func (tx *Tx) RunningEscalations(ctx context.Context, organisationID int64, limit int) ([]model.Escalation, error) {
	query, args := `
		SELECT e.id, e.youth_id, e.coordination_id, e.authority, e.authority_organisation_id, e.started_by, e.started_at, e.ended_at, e.outcome, e.ended_by
		FROM escalations e JOIN coordinations c ON c.id = e.coordination_id
		WHERE e.ended_at IS NULL AND c.ended_at IS NULL`, []any{limit}
	if organisationID != 0 {
		query, args = query+` AND c.organisation_id = $2`, append(args, organisationID)
	}
	rows, err := tx.query(ctx, query+` ORDER BY e.started_at, e.id LIMIT $1`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list escalations: %w", err)
	}
	var out []model.Escalation
	for rows.Next() {
		e, err := scanEscalation(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: unable to read escalation: %w", err)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if err := tx.escalationSteps(ctx, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// HasEscalation reports whether the youth has or had an escalation.
func (tx *Tx) HasEscalation(ctx context.Context, youthID int64) (bool, error) {
	var n int
	if err := tx.queryRow(ctx, `SELECT count(*) FROM escalations WHERE youth_id = $1`, youthID).Scan(&n); err != nil {
		return false, fmt.Errorf("store: unable to count escalations: %w", err)
	}
	return n > 0, nil
}

func (tx *Tx) escalationSteps(ctx context.Context, e *model.Escalation) error {
	rows, err := tx.query(ctx, `SELECT `+escalationStepColumns+` FROM escalation_steps WHERE escalation_id = $1 ORDER BY step`, e.ID)
	if err != nil {
		return fmt.Errorf("store: unable to list escalation steps: %w", err)
	}
	defer rows.Close()
	e.Steps = nil
	for rows.Next() {
		s, err := scanEscalationStep(rows)
		if err != nil {
			return fmt.Errorf("store: unable to read escalation step: %w", err)
		}
		e.Steps = append(e.Steps, s)
	}
	return rows.Err()
}

// OverdueEscalationSteps lists the open steps of running escalations whose
// deadline passed before now and that were not alerted yet, the oldest first.
func (tx *Tx) OverdueEscalationSteps(ctx context.Context, now time.Time, limit int) ([]model.OverdueEscalationStep, error) {
	rows, err := tx.query(ctx, `
		SELECT s.id, s.escalation_id, s.step, s.due_at, s.done_at, s.done_by, s.outcome, s.alerted_at, e.youth_id
		FROM escalation_steps s
		JOIN escalations e ON e.id = s.escalation_id
		JOIN coordinations c ON c.id = e.coordination_id
		WHERE s.done_at IS NULL AND s.alerted_at IS NULL AND s.due_at < $1
		  AND e.ended_at IS NULL AND c.ended_at IS NULL
		ORDER BY s.due_at, s.id LIMIT $2`, toMillis(now), limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list overdue escalation steps: %w", err)
	}
	defer rows.Close()
	var out []model.OverdueEscalationStep
	for rows.Next() {
		var o model.OverdueEscalationStep
		var due, done, doneBy, alerted sql.NullInt64
		var outcome sql.NullString
		if err := rows.Scan(&o.ID, &o.EscalationID, &o.Step, &due, &done, &doneBy, &outcome, &alerted, &o.YouthID); err != nil {
			return nil, fmt.Errorf("store: unable to read escalation step: %w", err)
		}
		o.DueAt, o.DoneAt, o.AlertedAt = fromNullMillis(due), fromNullMillis(done), fromNullMillis(alerted)
		o.DoneBy, o.Outcome = doneBy.Int64, outcome.String
		out = append(out, o)
	}
	return out, rows.Err()
}

// MarkEscalationStepAlerted records that an overdue step was alerted; it
// reports false when it was done or alerted meanwhile.
func (tx *Tx) MarkEscalationStepAlerted(ctx context.Context, id int64, at time.Time) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE escalation_steps SET alerted_at = $1 WHERE id = $2 AND alerted_at IS NULL AND done_at IS NULL`, toMillis(at), id)
	if err != nil {
		return false, fmt.Errorf("store: unable to mark escalation step alerted: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// deleteEscalationsOf deletes the escalations, convenings and stagnations
// of the coordinations the query selects, steps before escalations.
func (tx *Tx) deleteEscalationsOf(ctx context.Context, selectIDs string, args ...any) error {
	for _, q := range []string{
		`DELETE FROM escalation_steps WHERE escalation_id IN (SELECT id FROM escalations WHERE coordination_id IN (` + selectIDs + `))`,
		`DELETE FROM escalations WHERE coordination_id IN (` + selectIDs + `)`,
		`DELETE FROM convenings WHERE coordination_id IN (` + selectIDs + `)`,
		`DELETE FROM stagnations WHERE coordination_id IN (` + selectIDs + `)`,
	} {
		if _, err := tx.exec(ctx, q, args...); err != nil {
			return fmt.Errorf("store: unable to delete escalations: %w", err)
		}
	}
	return nil
}
