package storage

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// The coordinator's worklist (issue 4, item 9) reads across the tables of
// the coordinator's job. Each query is bounded by the organisation or the
// professional it is for.

// HasWork reports whether a professional's worklist can hold anything: their
// organisation holds a running coordination or is offered a handover, or
// they are responsible for an open agreement of a running coordination. The
// other lists (signallers, escalations) belong to coordinations held. Every
// branch is an indexed lookup, so every page can ask.
func (tx *Tx) HasWork(ctx context.Context, professionalID, organisationID int64) (bool, error) {
	var n int
	err := tx.queryRow(ctx, `
		SELECT CASE WHEN
		     EXISTS (SELECT 1 FROM coordinations WHERE organisation_id = $2 AND ended_at IS NULL)
		  OR EXISTS (SELECT 1 FROM handovers WHERE to_organisation_id = $2 AND outcome IS NULL)
		  OR EXISTS (SELECT 1 FROM agreements a WHERE a.professional_id = $1 AND a.status = 'open'
		             AND EXISTS (SELECT 1 FROM coordinations r WHERE r.youth_id = a.youth_id AND r.ended_at IS NULL))
		THEN 1 ELSE 0 END`, professionalID, organisationID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: unable to look for work: %w", err)
	}
	return n == 1, nil
}

// CoordinationsOf returns the running coordinations an organisation holds,
// the oldest first.
func (tx *Tx) CoordinationsOf(ctx context.Context, organisationID int64) ([]model.Coordination, error) {
	return tx.coordinations(ctx, `
		SELECT `+coordinationColumns+` FROM coordinations
		WHERE organisation_id = $1 AND ended_at IS NULL
		ORDER BY started_at, id`, organisationID)
}

// OpenAgreementsFor returns the open agreements a professional must see on
// the worklist: those they are responsible for, and all of the youths whose
// running coordination their organisation holds; the earliest end date first.
// A youth without a running coordination (the case was closed) has none.
func (tx *Tx) OpenAgreementsFor(ctx context.Context, professionalID, organisationID int64, limit int) ([]model.DueAgreement, error) {
	rows, err := tx.query(ctx, `
		SELECT a.id, a.youth_id, a.action, a.professional_id, a.start_on, a.end_on
		FROM agreements a
		WHERE a.status = 'open'
		  AND EXISTS (SELECT 1 FROM coordinations r WHERE r.youth_id = a.youth_id AND r.ended_at IS NULL)
		  AND (a.professional_id = $1
		       OR a.youth_id IN (SELECT c.youth_id FROM coordinations c WHERE c.organisation_id = $2 AND c.ended_at IS NULL))
		ORDER BY a.end_on, a.id
		LIMIT $3`, professionalID, organisationID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list agreements: %w", err)
	}
	defer rows.Close()
	var out []model.DueAgreement
	for rows.Next() {
		var a model.DueAgreement
		var start, end sql.NullString
		if err := rows.Scan(&a.ID, &a.YouthID, &a.Action, &a.ProfessionalID, &start, &end); err != nil {
			return nil, fmt.Errorf("store: unable to read agreement: %w", err)
		}
		if d := fromNullDay(start); d != nil {
			a.StartOn = *d
		}
		if d := fromNullDay(end); d != nil {
			a.EndOn = *d
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// UncontactedSignallers returns the signallers an organisation, as
// coordinator, has not yet recorded as contacted, the oldest first.
func (tx *Tx) UncontactedSignallers(ctx context.Context, organisationID int64, limit int) ([]model.Uncontacted, error) {
	rows, err := tx.query(ctx, `
		SELECT c.id, c.decided_at, r.id, r.youth_id, r.organisation_id, r.professional_id, r.created_at
		FROM coordinations c
		JOIN registrations r ON r.youth_id = c.youth_id AND r.ended_at IS NULL AND r.organisation_id <> c.organisation_id
		WHERE c.organisation_id = $1 AND c.ended_at IS NULL AND c.status = 'geaccepteerd'
		  AND NOT EXISTS (SELECT 1 FROM signaller_contacts s
		                  WHERE s.coordination_id = c.id AND s.registration_id = r.id AND s.kind = 'contact')
		ORDER BY r.created_at, r.id
		LIMIT $2`, organisationID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list signallers: %w", err)
	}
	defer rows.Close()
	var out []model.Uncontacted
	for rows.Next() {
		var u model.Uncontacted
		var accepted sql.NullInt64
		var created int64
		if err := rows.Scan(&u.CoordinationID, &accepted, &u.Registration, &u.YouthID, &u.OrganisationID, &u.ProfessionalID, &created); err != nil {
			return nil, fmt.Errorf("store: unable to read signaller: %w", err)
		}
		u.CreatedAt = fromMillis(created)
		if a := fromNullMillis(accepted); a != nil {
			u.AcceptedAt = *a
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// HandoversOfferedTo returns the open handovers proposed to an organisation.
func (tx *Tx) HandoversOfferedTo(ctx context.Context, organisationID int64) ([]model.HandoverOffer, error) {
	rows, err := tx.query(ctx, `
		SELECT h.id, h.youth_id, h.coordination_id, c.organisation_id, h.proposed_at
		FROM handovers h JOIN coordinations c ON c.id = h.coordination_id
		WHERE h.to_organisation_id = $1 AND h.outcome IS NULL
		ORDER BY h.proposed_at, h.id`, organisationID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list handovers: %w", err)
	}
	defer rows.Close()
	var out []model.HandoverOffer
	for rows.Next() {
		var h model.HandoverOffer
		var at int64
		if err := rows.Scan(&h.ID, &h.YouthID, &h.CoordinationID, &h.FromOrganisationID, &at); err != nil {
			return nil, fmt.Errorf("store: unable to read handover: %w", err)
		}
		h.ProposedAt = fromMillis(at)
		out = append(out, h)
	}
	return out, rows.Err()
}
