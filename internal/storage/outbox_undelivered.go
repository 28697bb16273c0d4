package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// MailUndelivered records that the receiving server refused a mail for good:
// it is not leased again until RequeueUndeliveredMail. Only the lease holder
// may record it, so a worker whose lease ran out cannot stop a mail another
// one now holds.
func (tx *Tx) MailUndelivered(ctx context.Context, id int64, owner string, now time.Time, reply string) error {
	_, err := tx.exec(ctx, `
		UPDATE outbox SET attempts = attempts + 1, undelivered_at = $1, last_error = $2, lease_owner = NULL, lease_until = NULL
		WHERE id = $3 AND lease_owner = $4 AND sent_at IS NULL`,
		toMillis(now), reply, id, owner)
	if err != nil {
		return fmt.Errorf("store: unable to record undelivered mail: %w", err)
	}
	return nil
}

// undeliveredColumns reads an UndeliveredMail from outbox o, messages m and
// professionals p; scanUndelivered scans them.
const undeliveredColumns = `o.id, m.professional_id, p.name, o.recipient, p.email, m.kind, m.created_at, o.undelivered_at, COALESCE(o.last_error, '')`

const undeliveredFrom = `
	FROM outbox o
	JOIN messages m ON m.id = o.message_id
	JOIN professionals p ON p.id = m.professional_id
	WHERE o.undelivered_at IS NOT NULL`

func scanUndelivered(row interface{ Scan(...any) error }) (model.UndeliveredMail, error) {
	var u model.UndeliveredMail
	var created, refused int64
	err := row.Scan(&u.ID, &u.ProfessionalID, &u.Professional, &u.Recipient, &u.CurrentEmail, &u.Kind, &created, &refused, &u.Reply)
	u.QueuedAt, u.RefusedAt = fromMillis(created), fromMillis(refused)
	return u, err
}

// UndeliveredMail lists up to limit mails refused for good, most recently
// refused first.
func (tx *Tx) UndeliveredMail(ctx context.Context, limit int) ([]model.UndeliveredMail, error) {
	rows, err := tx.query(ctx, `SELECT `+undeliveredColumns+undeliveredFrom+` ORDER BY o.undelivered_at DESC, o.id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list undelivered mail: %w", err)
	}
	defer rows.Close()
	var out []model.UndeliveredMail
	for rows.Next() {
		u, err := scanUndelivered(rows)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read undelivered mail: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// UndeliveredMailByID returns one mail refused for good, or ErrNotFound
// when there is none with that id (unknown, sent or still being tried).
func (tx *Tx) UndeliveredMailByID(ctx context.Context, id int64) (model.UndeliveredMail, error) {
	u, err := scanUndelivered(tx.queryRow(ctx, `SELECT `+undeliveredColumns+undeliveredFrom+` AND o.id = $1`, id))
	if err == sql.ErrNoRows {
		return u, ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("store: unable to read undelivered mail: %w", err)
	}
	return u, nil
}

// RequeueUndeliveredMail queues every mail to a professional that was refused
// for good again, addressed to email, due at once. It returns the outbox rows
// it queued.
func (tx *Tx) RequeueUndeliveredMail(ctx context.Context, professionalID int64, email string, now time.Time) ([]int64, error) {
	rows, err := tx.query(ctx, `
		UPDATE outbox SET undelivered_at = NULL, recipient = $1, next_attempt_at = $2
		WHERE undelivered_at IS NOT NULL
		AND message_id IN (SELECT id FROM messages WHERE professional_id = $3)
		RETURNING id`, email, toMillis(now), professionalID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to queue undelivered mail again: %w", err)
	}
	return scanIDs(rows)
}

// MailRefusedTo reports whether mail to a professional at the given address
// was refused for good and not queued again.
func (tx *Tx) MailRefusedTo(ctx context.Context, professionalID int64, email string) (bool, error) {
	var n int
	err := tx.queryRow(ctx, `
		SELECT count(*) FROM outbox o JOIN messages m ON m.id = o.message_id
		WHERE o.undelivered_at IS NOT NULL AND m.professional_id = $1 AND lower(o.recipient) = lower($2)`,
		professionalID, email).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: unable to look for undelivered mail: %w", err)
	}
	return n > 0, nil
}
