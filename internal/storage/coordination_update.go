package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// AcceptCoordination records that the organisation accepted a running
// coordination and named professionalID as its coordinating professional.
// Naming another professional later keeps when and by whom it was accepted:
// the acceptance is what the signallers' deadlines and the monitoring count
// from, and a month's figures must not see it a second time.
// It reports false when the coordination had ended.
func (tx *Tx) AcceptCoordination(ctx context.Context, id, professionalID, by int64, at time.Time) (bool, error) {
	res, err := tx.exec(ctx, `
		UPDATE coordinations SET professional_id = $2, not_needed_reason = NULL,
		       decided_at = CASE WHEN status = $1 THEN decided_at ELSE $3 END,
		       decided_by = CASE WHEN status = $1 THEN decided_by ELSE $4 END,
		       status = $1
		WHERE id = $5 AND ended_at IS NULL`,
		model.CoordinationAccepted, professionalID, toMillis(at), by, id)
	if err != nil {
		return false, fmt.Errorf("store: unable to accept coordination: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// DeclareNotNeeded records that the organisation stated, with a fixed
// reason code, that coordination is not needed. It reports false when the
// coordination had ended.
func (tx *Tx) DeclareNotNeeded(ctx context.Context, id int64, reason string, by int64, at time.Time) (bool, error) {
	res, err := tx.exec(ctx, `
		UPDATE coordinations SET status = $1, not_needed_reason = $2, decided_at = $3, decided_by = $4, professional_id = NULL
		WHERE id = $5 AND ended_at IS NULL`,
		model.CoordinationNotNeeded, reason, toMillis(at), by, id)
	if err != nil {
		return false, fmt.Errorf("store: unable to record coordination not needed: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// AcceptOverdue returns running coordinations still waiting for acceptance
// whose deadline passed before now and of which nobody was told yet, the
// oldest deadline first.
func (tx *Tx) AcceptOverdue(ctx context.Context, now time.Time, limit int) ([]model.Coordination, error) {
	return tx.coordinations(ctx, `
		SELECT `+coordinationColumns+` FROM coordinations
		WHERE ended_at IS NULL AND status = $1 AND accept_due_at < $2 AND accept_alerted_at IS NULL
		ORDER BY accept_due_at, id LIMIT $3`, model.CoordinationAssigned, toMillis(now), limit)
}

// MarkAcceptAlerted records that the overdue acceptance was reported. It
// reports false when it was reported already, or the coordination was
// accepted, declared not needed or ended meanwhile.
func (tx *Tx) MarkAcceptAlerted(ctx context.Context, id int64, at time.Time) (bool, error) {
	res, err := tx.exec(ctx, `
		UPDATE coordinations SET accept_alerted_at = $1
		WHERE id = $2 AND accept_alerted_at IS NULL AND status = $3 AND ended_at IS NULL`,
		toMillis(at), id, model.CoordinationAssigned)
	if err != nil {
		return false, fmt.Errorf("store: unable to mark coordination alerted: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
