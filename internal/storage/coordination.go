package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Coordination is the organisation that coordinates a youth's care.
type Coordination struct {
	ID             int64
	YouthID        int64
	OrganisationID int64
	Rule           string
	Reason         string
	StartedAt      time.Time
	EndedAt        *time.Time
}

// CurrentCoordination returns the running coordination of a youth, or ErrNotFound.
func (tx *Tx) CurrentCoordination(ctx context.Context, youthID int64) (Coordination, error) {
	c := Coordination{YouthID: youthID}
	var started int64
	err := tx.queryRow(ctx, `
		SELECT id, organisation_id, rule, reason, started_at FROM coordinations
		WHERE youth_id = $1 AND ended_at IS NULL`, youthID).
		Scan(&c.ID, &c.OrganisationID, &c.Rule, &c.Reason, &started)
	c.StartedAt = fromMillis(started)
	return c, notFound(err)
}

// StartCoordination records a new coordinator; the previous must be ended first.
func (tx *Tx) StartCoordination(ctx context.Context, c *Coordination) error {
	err := tx.queryRow(ctx, `
		INSERT INTO coordinations (youth_id, organisation_id, rule, reason, started_at)
		VALUES ($1, $2, $3, $4, $5)
		RETURNING id`, c.YouthID, c.OrganisationID, c.Rule, c.Reason, toMillis(c.StartedAt)).Scan(&c.ID)
	if err != nil {
		return fmt.Errorf("store: unable to start coordination: %w", err)
	}
	return nil
}

// EndCoordination ends a running coordination.
func (tx *Tx) EndCoordination(ctx context.Context, id int64, at time.Time) error {
	_, err := tx.exec(ctx, `UPDATE coordinations SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL`, toMillis(at), id)
	if err != nil {
		return fmt.Errorf("store: unable to end coordination: %w", err)
	}
	return nil
}

// CoordinationHistory returns all coordinations of a youth, oldest first.
func (tx *Tx) CoordinationHistory(ctx context.Context, youthID int64) ([]Coordination, error) {
	rows, err := tx.query(ctx, `SELECT id, organisation_id, rule, reason, started_at, ended_at FROM coordinations WHERE youth_id = $1 ORDER BY started_at, id`, youthID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list coordinations: %w", err)
	}
	defer rows.Close()
	var out []Coordination
	for rows.Next() {
		c := Coordination{YouthID: youthID}
		var started int64
		var ended sql.NullInt64
		if err := rows.Scan(&c.ID, &c.OrganisationID, &c.Rule, &c.Reason, &started, &ended); err != nil {
			return nil, fmt.Errorf("store: unable to read coordination: %w", err)
		}
		c.StartedAt, c.EndedAt = fromMillis(started), fromNullMillis(ended)
		out = append(out, c)
	}
	return out, rows.Err()
}
