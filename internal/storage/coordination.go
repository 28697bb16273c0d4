package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

const coordinationColumns = `id, youth_id, organisation_id, rule, reason, started_at, ended_at, status,
	professional_id, decided_at, decided_by, not_needed_reason, accept_due_at, accept_alerted_at, end_reason, ended_by, rule_since`

func scanCoordination(row interface{ Scan(...any) error }) (model.Coordination, error) {
	var c model.Coordination
	var started int64
	var ended, decided, due, alerted, ruleSince sql.NullInt64
	var professional, decidedBy, endedBy sql.NullInt64
	var notNeeded, endReason sql.NullString
	err := row.Scan(&c.ID, &c.YouthID, &c.OrganisationID, &c.Rule, &c.Reason, &started, &ended, &c.Status,
		&professional, &decided, &decidedBy, &notNeeded, &due, &alerted, &endReason, &endedBy, &ruleSince)
	c.StartedAt, c.EndedAt = fromMillis(started), fromNullMillis(ended)
	c.DecidedAt, c.AcceptDueAt, c.AcceptAlertedAt = fromNullMillis(decided), fromNullMillis(due), fromNullMillis(alerted)
	c.ProfessionalID, c.DecidedBy, c.EndedBy = professional.Int64, decidedBy.Int64, endedBy.Int64
	c.RuleSince = fromNullMillis(ruleSince)
	c.NotNeededReason, c.EndReason = notNeeded.String, endReason.String
	return c, err
}

// CurrentCoordination returns the running coordination of a youth, or ErrNotFound.
func (tx *Tx) CurrentCoordination(ctx context.Context, youthID int64) (model.Coordination, error) {
	c, err := scanCoordination(tx.queryRow(ctx, `
		SELECT `+coordinationColumns+` FROM coordinations
		WHERE youth_id = $1 AND ended_at IS NULL`, youthID))
	return c, notFound(err)
}

// Coordination returns one coordination, running or ended, or ErrNotFound.
func (tx *Tx) Coordination(ctx context.Context, id int64) (model.Coordination, error) {
	c, err := scanCoordination(tx.queryRow(ctx, `SELECT `+coordinationColumns+` FROM coordinations WHERE id = $1`, id))
	return c, notFound(err)
}

// StartCoordination records a new coordinator, assigned and waiting for
// acceptance until c.AcceptDueAt; the previous must be ended first.
func (tx *Tx) StartCoordination(ctx context.Context, c *model.Coordination) error {
	if c.Status == "" {
		c.Status = model.CoordinationAssigned
	}
	err := tx.queryRow(ctx, `
		INSERT INTO coordinations (youth_id, organisation_id, rule, reason, started_at, status, professional_id, decided_at, decided_by, accept_due_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
		RETURNING id`, c.YouthID, c.OrganisationID, c.Rule, c.Reason, toMillis(c.StartedAt), c.Status,
		nullID(c.ProfessionalID), nullMillis(c.DecidedAt), nullID(c.DecidedBy), nullMillis(c.AcceptDueAt)).Scan(&c.ID)
	if err != nil {
		return fmt.Errorf("store: unable to start coordination: %w", err)
	}
	return nil
}

// ChangeCoordinationRule records that another covenant rule now applies to
// a running coordination the same organisation keeps, from at on.
func (tx *Tx) ChangeCoordinationRule(ctx context.Context, id int64, rule, reason string, at time.Time) error {
	_, err := tx.exec(ctx, `UPDATE coordinations SET rule = $1, reason = $2, rule_since = $3 WHERE id = $4 AND ended_at IS NULL`,
		rule, reason, toMillis(at), id)
	if err != nil {
		return fmt.Errorf("store: unable to change the coordination's rule: %w", err)
	}
	return nil
}

// EndCoordination ends a running coordination for reason; by is the
// professional who ended it, 0 when the system did.
func (tx *Tx) EndCoordination(ctx context.Context, id int64, at time.Time, reason string, by int64) error {
	_, err := tx.exec(ctx, `UPDATE coordinations SET ended_at = $1, end_reason = $2, ended_by = $3 WHERE id = $4 AND ended_at IS NULL`,
		toMillis(at), reason, nullID(by), id)
	if err != nil {
		return fmt.Errorf("store: unable to end coordination: %w", err)
	}
	return nil
}

// CoordinationHistory returns all coordinations of a youth, oldest first.
func (tx *Tx) CoordinationHistory(ctx context.Context, youthID int64) ([]model.Coordination, error) {
	return tx.coordinations(ctx, `SELECT `+coordinationColumns+` FROM coordinations WHERE youth_id = $1 ORDER BY started_at, id`, youthID)
}

// coordinations reads the coordinations a query selects (coordinationColumns).
func (tx *Tx) coordinations(ctx context.Context, query string, args ...any) ([]model.Coordination, error) {
	rows, err := tx.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list coordinations: %w", err)
	}
	defer rows.Close()
	var out []model.Coordination
	for rows.Next() {
		c, err := scanCoordination(rows)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read coordination: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// coordinationChildren are the tables whose rows belong to one coordination
// and go when it is deleted (retention, objections), children first.
var coordinationChildren = []string{"handovers", "agreements", "signaller_contacts"}

// deleteCoordinations deletes the coordinations the query selects (by id,
// with args), and every row that belongs to them.
func (tx *Tx) deleteCoordinations(ctx context.Context, selectIDs string, args ...any) error {
	if err := tx.deleteEscalationsOf(ctx, selectIDs, args...); err != nil {
		return err
	}
	for _, table := range coordinationChildren {
		if _, err := tx.exec(ctx, `DELETE FROM `+table+` WHERE coordination_id IN (`+selectIDs+`)`, args...); err != nil {
			return fmt.Errorf("store: unable to delete from %s: %w", table, err)
		}
	}
	if _, err := tx.exec(ctx, `DELETE FROM coordinations WHERE id IN (`+selectIDs+`)`, args...); err != nil {
		return fmt.Errorf("store: unable to delete coordinations: %w", err)
	}
	return nil
}
