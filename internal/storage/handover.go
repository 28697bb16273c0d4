package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

const handoverColumns = `id, coordination_id, youth_id, to_organisation_id, proposed_by, proposed_at, outcome, decided_by, decided_at`

func scanHandover(row interface{ Scan(...any) error }) (model.Handover, error) {
	var h model.Handover
	var proposed int64
	var outcome sql.NullString
	var decidedBy, decided sql.NullInt64
	err := row.Scan(&h.ID, &h.CoordinationID, &h.YouthID, &h.ToOrganisationID, &h.ProposedBy, &proposed, &outcome, &decidedBy, &decided)
	h.ProposedAt, h.Outcome, h.DecidedBy, h.DecidedAt = fromMillis(proposed), outcome.String, decidedBy.Int64, fromNullMillis(decided)
	return h, err
}

// ProposeHandover stores an open proposal and sets its ID. A second open
// proposal for the same coordination is a unique violation.
func (tx *Tx) ProposeHandover(ctx context.Context, h *model.Handover) error {
	err := tx.queryRow(ctx, `
		INSERT INTO handovers (coordination_id, youth_id, to_organisation_id, proposed_by, proposed_at)
		VALUES ($1, $2, $3, $4, $5)
		RETURNING id`, h.CoordinationID, h.YouthID, h.ToOrganisationID, h.ProposedBy, toMillis(h.ProposedAt)).Scan(&h.ID)
	if err != nil {
		return fmt.Errorf("store: unable to propose handover: %w", err)
	}
	return nil
}

// OpenHandover returns the open proposal of a coordination, or ErrNotFound.
func (tx *Tx) OpenHandover(ctx context.Context, coordinationID int64) (model.Handover, error) {
	h, err := scanHandover(tx.queryRow(ctx, `SELECT `+handoverColumns+` FROM handovers WHERE coordination_id = $1 AND outcome IS NULL`, coordinationID))
	return h, notFound(err)
}

// DecideHandover closes an open proposal with an outcome; by is 0 when the
// system did. It reports false when the proposal was not open any more.
func (tx *Tx) DecideHandover(ctx context.Context, id int64, outcome string, by int64, at time.Time) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE handovers SET outcome = $1, decided_by = $2, decided_at = $3 WHERE id = $4 AND outcome IS NULL`,
		outcome, nullID(by), toMillis(at), id)
	if err != nil {
		return false, fmt.Errorf("store: unable to decide handover: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// LapseHandovers lets the open proposal of a coordination lapse, when the
// coordination ended some other way.
func (tx *Tx) LapseHandovers(ctx context.Context, coordinationID int64, at time.Time) error {
	_, err := tx.exec(ctx, `UPDATE handovers SET outcome = $1, decided_at = $2 WHERE coordination_id = $3 AND outcome IS NULL`,
		model.HandoverLapsed, toMillis(at), coordinationID)
	if err != nil {
		return fmt.Errorf("store: unable to lapse handovers: %w", err)
	}
	return nil
}
