package storage

import (
	"context"
	"fmt"
	"time"
)

// Mail is one e-mail to deliver, taken from the outbox by lease.
type Mail struct {
	ID        int64
	MessageID int64
	Recipient string
	Subject   string
	Body      string
	Attempts  int
	CreatedAt time.Time
}

// UrgentSubject starts the subject of an urgent message's e-mail, so that it
// stands out in a full mailbox.
const UrgentSubject = "Spoed: "

// LeaseMail takes up to limit deliverable e-mails for owner until the lease
// runs out. Rows whose earlier lease expired (a crashed worker) are taken again;
// mail that was sent or refused for good (MailUndelivered) is not.
func (tx *Tx) LeaseMail(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]Mail, error) {
	// The due rows are chosen once, in a materialised CTE. As a subquery of
	// the UPDATE, PostgreSQL may run them again for every row it updates
	// (a nested-loop semi-join), and each run skips the rows this very
	// statement just locked: the LIMIT then held for nothing, and one
	// worker took every due mail.
	rows, err := tx.query(ctx, `
		WITH due AS MATERIALIZED (
			SELECT id FROM outbox
			WHERE sent_at IS NULL AND undelivered_at IS NULL AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until < $3)
			ORDER BY next_attempt_at, id LIMIT $4`+tx.skipLocked()+`)
		UPDATE outbox SET lease_owner = $1, lease_until = $2
		WHERE id IN (SELECT id FROM due)
		AND sent_at IS NULL AND undelivered_at IS NULL AND (lease_until IS NULL OR lease_until < $3)
		RETURNING id`, owner, toMillis(now.Add(lease)), toMillis(now), limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to lease mail: %w", err)
	}
	ids, err := scanIDs(rows)
	if err != nil {
		return nil, err
	}
	out := make([]Mail, 0, len(ids))
	for _, id := range ids {
		var m Mail
		var created int64
		var urgent int
		err := tx.queryRow(ctx, `
			SELECT o.id, o.message_id, o.recipient, COALESCE(o.subject, m.subject), COALESCE(o.body, m.body), o.attempts, m.created_at, m.urgent
			FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.id = $1`, id).
			Scan(&m.ID, &m.MessageID, &m.Recipient, &m.Subject, &m.Body, &m.Attempts, &created, &urgent)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read leased mail: %w", err)
		}
		m.CreatedAt = fromMillis(created)
		if urgent == 1 { // a combined mail is filed under its most urgent message
			m.Subject = UrgentSubject + m.Subject
		}
		out = append(out, m)
	}
	return out, nil
}

// MailSent records a delivery. Only the lease holder may record it.
func (tx *Tx) MailSent(ctx context.Context, id int64, owner string, now time.Time) error {
	_, err := tx.exec(ctx, `UPDATE outbox SET sent_at = $1, attempts = attempts + 1, lease_owner = NULL, lease_until = NULL WHERE id = $2 AND lease_owner = $3`,
		toMillis(now), id, owner)
	if err != nil {
		return fmt.Errorf("store: unable to record sent mail: %w", err)
	}
	return nil
}

// MailFailed records a failed attempt and when to try again. Only the lease
// holder may record it.
func (tx *Tx) MailFailed(ctx context.Context, id int64, owner string, next time.Time, reason string) error {
	_, err := tx.exec(ctx, `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2, lease_owner = NULL, lease_until = NULL WHERE id = $3 AND lease_owner = $4`,
		toMillis(next), reason, id, owner)
	if err != nil {
		return fmt.Errorf("store: unable to record failed mail: %w", err)
	}
	return nil
}

// OutboxStats counts the e-mails still to deliver and those sent; mail
// refused for good is neither.
func (tx *Tx) OutboxStats(ctx context.Context) (pending, sent int, err error) {
	err = tx.queryRow(ctx, `
		SELECT COALESCE(SUM(CASE WHEN sent_at IS NULL AND undelivered_at IS NULL THEN 1 ELSE 0 END), 0),
		       COALESCE(SUM(CASE WHEN sent_at IS NULL THEN 0 ELSE 1 END), 0)
		FROM outbox`).Scan(&pending, &sent)
	return pending, sent, err
}
