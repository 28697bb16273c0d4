package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Webhook is where an organisation's events are POSTed.
type Webhook struct {
	ID               int64
	OrganisationID   int64
	URL              string
	Secret           []byte // sealed
	CreatedAt        time.Time
	DeliveredThrough int64 // the last event the receiver took
	Attempts         int   // failed attempts in the current run of failures
	NextAttemptAt    time.Time
	FailingSince     *time.Time
	LastError        string
	PausedAt         *time.Time
}

const webhookColumns = `id, organisation_id, url, secret, created_at, delivered_through, attempts, next_attempt_at, failing_since, COALESCE(last_error, ''), paused_at`

func scanWebhook(row interface{ Scan(...any) error }) (Webhook, error) {
	var w Webhook
	var created, next int64
	var failing, paused sql.NullInt64
	err := row.Scan(&w.ID, &w.OrganisationID, &w.URL, &w.Secret, &created, &w.DeliveredThrough, &w.Attempts, &next, &failing, &w.LastError, &paused)
	w.CreatedAt, w.NextAttemptAt = fromMillis(created), fromMillis(next)
	w.FailingSince, w.PausedAt = fromNullMillis(failing), fromNullMillis(paused)
	return w, err
}

// SetWebhook registers the organisation's webhook, replacing the one it had.
// A new webhook starts after the events that exist now: it delivers what
// happens from here on (the feed has the past).
func (tx *Tx) SetWebhook(ctx context.Context, organisationID int64, url string, sealedSecret []byte, now time.Time) (Webhook, error) {
	var last int64
	if err := tx.queryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM events WHERE organisation_id = $1`, organisationID).Scan(&last); err != nil {
		return Webhook{}, fmt.Errorf("store: unable to set webhook: %w", err)
	}
	row := tx.queryRow(ctx, `
		INSERT INTO webhooks (organisation_id, url, secret, created_at, delivered_through, next_attempt_at)
		VALUES ($1, $2, $3, $4, $5, $4)
		ON CONFLICT (organisation_id) DO UPDATE SET url = excluded.url, secret = excluded.secret, created_at = excluded.created_at,
			delivered_through = excluded.delivered_through, attempts = 0, next_attempt_at = excluded.next_attempt_at,
			failing_since = NULL, last_error = NULL, paused_at = NULL, lease_owner = NULL, lease_until = NULL
		RETURNING `+webhookColumns, organisationID, url, sealedSecret, toMillis(now), last)
	w, err := scanWebhook(row)
	if err != nil {
		return Webhook{}, fmt.Errorf("store: unable to set webhook: %w", err)
	}
	return w, nil
}

// WebhookOf returns the organisation's webhook, or ErrNotFound.
func (tx *Tx) WebhookOf(ctx context.Context, organisationID int64) (Webhook, error) {
	w, err := scanWebhook(tx.queryRow(ctx, `SELECT `+webhookColumns+` FROM webhooks WHERE organisation_id = $1`, organisationID))
	if err != nil {
		return Webhook{}, notFound(err)
	}
	return w, nil
}

// DeleteWebhook removes the organisation's webhook; it reports whether there was one.
func (tx *Tx) DeleteWebhook(ctx context.Context, organisationID int64) (bool, error) {
	res, err := tx.exec(ctx, `DELETE FROM webhooks WHERE organisation_id = $1`, organisationID)
	if err != nil {
		return false, fmt.Errorf("store: unable to delete webhook: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// ResumeWebhook lifts a pause: delivery goes on from the event it stopped
// at, at once. It reports whether the organisation has a webhook.
func (tx *Tx) ResumeWebhook(ctx context.Context, organisationID int64, now time.Time) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE webhooks SET paused_at = NULL, failing_since = NULL, attempts = 0, next_attempt_at = $1
		WHERE organisation_id = $2`, toMillis(now), organisationID)
	if err != nil {
		return false, fmt.Errorf("store: unable to resume webhook: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// LeaseWebhooks takes up to limit webhooks that are due and have an event
// past their cursor, for owner until the lease runs out. One holder per
// webhook is what keeps an organisation's events in order.
func (tx *Tx) LeaseWebhooks(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]Webhook, error) {
	rows, err := tx.query(ctx, `
		WITH due AS MATERIALIZED (
			SELECT w.id FROM webhooks w
			WHERE w.paused_at IS NULL AND w.next_attempt_at <= $3 AND (w.lease_until IS NULL OR w.lease_until < $3)
			AND EXISTS (SELECT 1 FROM events e WHERE e.organisation_id = w.organisation_id AND e.id > w.delivered_through)
			ORDER BY w.next_attempt_at, w.id LIMIT $4`+tx.skipLocked()+`)
		UPDATE webhooks SET lease_owner = $1, lease_until = $2
		WHERE id IN (SELECT id FROM due) AND paused_at IS NULL AND (lease_until IS NULL OR lease_until < $3)
		RETURNING `+webhookColumns, owner, toMillis(now.Add(lease)), toMillis(now), limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to lease webhooks: %w", err)
	}
	defer rows.Close()
	var out []Webhook
	for rows.Next() {
		w, err := scanWebhook(rows)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read webhook: %w", err)
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// WebhookDelivered moves the cursor past an event the receiver took and ends
// a run of failures. Only the lease holder may; it reports whether it held
// the lease still.
func (tx *Tx) WebhookDelivered(ctx context.Context, id int64, owner string, eventID int64) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE webhooks SET delivered_through = $1, attempts = 0, failing_since = NULL, last_error = NULL
		WHERE id = $2 AND lease_owner = $3 AND delivered_through < $1`, eventID, id, owner)
	if err != nil {
		return false, fmt.Errorf("store: unable to record webhook delivery: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// WebhookFailed records a failed attempt, when to try again, and, with
// pause set, pauses the webhook. It releases the lease.
func (tx *Tx) WebhookFailed(ctx context.Context, id int64, owner string, now, next time.Time, reason string, pause bool) error {
	_, err := tx.exec(ctx, `UPDATE webhooks SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2,
		failing_since = COALESCE(failing_since, $3), paused_at = CASE WHEN $4 = 1 THEN $3 ELSE paused_at END,
		lease_owner = NULL, lease_until = NULL
		WHERE id = $5 AND lease_owner = $6`, toMillis(next), reason, toMillis(now), boolInt(pause), id, owner)
	if err != nil {
		return fmt.Errorf("store: unable to record failed webhook: %w", err)
	}
	return nil
}

// ReleaseWebhook gives the lease back, so that the next round may take it at once.
func (tx *Tx) ReleaseWebhook(ctx context.Context, id int64, owner string) error {
	if _, err := tx.exec(ctx, `UPDATE webhooks SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2`, id, owner); err != nil {
		return fmt.Errorf("store: unable to release webhook: %w", err)
	}
	return nil
}

// WebhookSecrets returns every webhook's id and sealed secret, for key rotation.
func (tx *Tx) WebhookSecrets(ctx context.Context) (map[int64][]byte, error) {
	rows, err := tx.query(ctx, `SELECT id, secret FROM webhooks ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read webhook secrets: %w", err)
	}
	defer rows.Close()
	out := map[int64][]byte{}
	for rows.Next() {
		var id int64
		var sealed []byte
		if err := rows.Scan(&id, &sealed); err != nil {
			return nil, fmt.Errorf("store: unable to read webhook secret: %w", err)
		}
		out[id] = sealed
	}
	return out, rows.Err()
}

// RekeyWebhook replaces a webhook's sealed secret.
func (tx *Tx) RekeyWebhook(ctx context.Context, id int64, sealed []byte) error {
	if _, err := tx.exec(ctx, `UPDATE webhooks SET secret = $1 WHERE id = $2`, sealed, id); err != nil {
		return fmt.Errorf("store: unable to rekey webhook: %w", err)
	}
	return nil
}
