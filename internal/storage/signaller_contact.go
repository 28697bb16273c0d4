package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// RecordSignallerContact stores a contact; recording the same kind for the
// same registration in the same coordination again corrects the day.
func (tx *Tx) RecordSignallerContact(ctx context.Context, c *model.SignallerContact) error {
	err := tx.queryRow(ctx, `
		INSERT INTO signaller_contacts (coordination_id, youth_id, registration_id, kind, contacted_on, recorded_by, recorded_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (coordination_id, registration_id, kind)
		DO UPDATE SET contacted_on = excluded.contacted_on, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
		RETURNING id`, c.CoordinationID, c.YouthID, c.RegistrationID, c.Kind, c.ContactedOn.Format(dayLayout),
		c.RecordedBy, toMillis(c.RecordedAt)).Scan(&c.ID)
	if err != nil {
		return fmt.Errorf("store: unable to record signaller contact: %w", err)
	}
	return nil
}

// SignallerContacts returns what was recorded in one coordination.
func (tx *Tx) SignallerContacts(ctx context.Context, coordinationID int64) ([]model.SignallerContact, error) {
	rows, err := tx.query(ctx, `
		SELECT id, coordination_id, youth_id, registration_id, kind, contacted_on, recorded_by, recorded_at
		FROM signaller_contacts WHERE coordination_id = $1 ORDER BY id`, coordinationID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list signaller contacts: %w", err)
	}
	defer rows.Close()
	var out []model.SignallerContact
	for rows.Next() {
		var c model.SignallerContact
		var on string
		var at int64
		if err := rows.Scan(&c.ID, &c.CoordinationID, &c.YouthID, &c.RegistrationID, &c.Kind, &on, &c.RecordedBy, &at); err != nil {
			return nil, fmt.Errorf("store: unable to read signaller contact: %w", err)
		}
		if c.ContactedOn, err = time.Parse(dayLayout, on); err != nil {
			return nil, fmt.Errorf("store: signaller contact %d has day %q: %w", c.ID, on, err)
		}
		c.RecordedAt = fromMillis(at)
		out = append(out, c)
	}
	return out, rows.Err()
}

// SignallersToRemind returns, over all organisations, the signallers not yet
// recorded as contacted in a running accepted coordination (as
// UncontactedSignallers does for one organisation) and about whom the
// coordinator was not reminded yet: no message with the reminder's event
// key, "signaalgever-bellen:<coordination>:<registration>".
func (tx *Tx) SignallersToRemind(ctx context.Context, afterID int64, limit int) ([]model.Uncontacted, error) {
	rows, err := tx.query(ctx, `
		SELECT c.id, c.decided_at, r.id, r.youth_id, r.organisation_id, r.professional_id, r.created_at
		FROM coordinations c
		JOIN registrations r ON r.youth_id = c.youth_id AND r.ended_at IS NULL AND r.organisation_id <> c.organisation_id
		WHERE c.ended_at IS NULL AND c.status = 'geaccepteerd' AND r.id > $1
		  AND NOT EXISTS (SELECT 1 FROM signaller_contacts s
		                  WHERE s.coordination_id = c.id AND s.registration_id = r.id AND s.kind = 'contact')
		  AND NOT EXISTS (SELECT 1 FROM messages m
		                  WHERE m.event_key = 'signaalgever-bellen:' || c.id || ':' || r.id)
		ORDER BY r.id
		LIMIT $2`, afterID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list signallers to remind: %w", err)
	}
	defer rows.Close()
	var out []model.Uncontacted
	for rows.Next() {
		var u model.Uncontacted
		var accepted *int64
		var created int64
		if err := rows.Scan(&u.CoordinationID, &accepted, &u.Registration, &u.YouthID, &u.OrganisationID, &u.ProfessionalID, &created); err != nil {
			return nil, fmt.Errorf("store: unable to read signaller: %w", err)
		}
		u.CreatedAt = fromMillis(created)
		if accepted != nil {
			u.AcceptedAt = fromMillis(*accepted)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
