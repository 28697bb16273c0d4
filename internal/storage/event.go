package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// Event is one thing that concerns an organisation about a youth, for its
// client system (the feed and the webhook). ID is the feed's cursor.
type Event struct {
	ID              int64
	OrganisationID  int64
	Kind            string
	YouthID         int64
	EventKey        string
	CreatedAt       time.Time
	EndsInvolvement bool            // the organisation's own last registration ended
	Payload         json.RawMessage // facts only, never case content

	// Read with the event, not stored with it.
	YouthReference string
	Person         []byte // the youth's sealed register entry
}

// AddEvent records an event in the transaction of the change it tells
// about. The same event key for the same organisation is recorded once: it
// reports false for a repeat.
func (tx *Tx) AddEvent(ctx context.Context, e *Event) (bool, error) {
	// A PostgreSQL identity is handed out at insert, not at commit: without
	// the lock a transaction holding id 7 could commit after one holding
	// id 8, and a client whose cursor had passed 8 would never see 7.
	if err := tx.lockGlobal(ctx, lockEvents); err != nil {
		return false, err
	}
	payload := e.Payload
	if len(payload) == 0 {
		payload = json.RawMessage("{}")
	}
	err := tx.queryRow(ctx, `
		INSERT INTO events (organisation_id, kind, youth_id, event_key, created_at, ends_involvement, payload)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (organisation_id, event_key) DO NOTHING
		RETURNING id`,
		e.OrganisationID, e.Kind, e.YouthID, e.EventKey, toMillis(e.CreatedAt), boolInt(e.EndsInvolvement), string(payload)).Scan(&e.ID)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: unable to add event: %w", err)
	}
	return true, nil
}

// Events returns up to limit of an organisation's events after the cursor,
// in order, leaving out those about youths it is no longer involved with:
// only youths it has an active registration for, and the event that ended
// its involvement. The rule holds at read time, so a client system that
// reads late learns nothing about a youth its organisation has left.
func (tx *Tx) Events(ctx context.Context, organisationID, after int64, limit int) ([]Event, error) {
	rows, err := tx.query(ctx, `
		SELECT e.id, e.organisation_id, e.kind, e.youth_id, e.event_key, e.created_at, e.ends_involvement, e.payload, y.reference, y.person
		FROM events e JOIN youths y ON y.id = e.youth_id
		WHERE e.organisation_id = $1 AND e.id > $2
		AND (e.ends_involvement = 1 OR EXISTS (SELECT 1 FROM registrations r
			WHERE r.youth_id = e.youth_id AND r.organisation_id = e.organisation_id AND r.ended_at IS NULL))
		ORDER BY e.id LIMIT $3`, organisationID, after, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list events: %w", err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var created int64
		var ends int
		var payload string
		if err := rows.Scan(&e.ID, &e.OrganisationID, &e.Kind, &e.YouthID, &e.EventKey, &created, &ends, &payload, &e.YouthReference, &e.Person); err != nil {
			return nil, fmt.Errorf("store: unable to read event: %w", err)
		}
		e.CreatedAt, e.EndsInvolvement, e.Payload = fromMillis(created), ends == 1, json.RawMessage(payload)
		out = append(out, e)
	}
	return out, rows.Err()
}
