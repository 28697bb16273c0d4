package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// AddMessage stores a message and, when email is not empty, queues it for
// e-mail in the outbox. A second message for the same event and person is
// ignored: it reports false then.
func (tx *Tx) AddMessage(ctx context.Context, m *model.Message, email string) (bool, error) {
	err := tx.queryRow(ctx, `
		INSERT INTO messages (professional_id, youth_id, kind, subject, body, event_key, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (event_key, professional_id) DO NOTHING
		RETURNING id`,
		m.ProfessionalID, nullID(m.YouthID), m.Kind, m.Subject, m.Body, m.EventKey, toMillis(m.CreatedAt)).Scan(&m.ID)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: unable to add message: %w", err)
	}
	if email == "" {
		return true, nil
	}
	_, err = tx.exec(ctx, `INSERT INTO outbox (message_id, recipient, next_attempt_at) VALUES ($1, $2, $3)`,
		m.ID, email, toMillis(m.CreatedAt))
	if err != nil {
		return false, fmt.Errorf("store: unable to queue e-mail: %w", err)
	}
	return true, nil
}

// Inbox returns a professional's messages, unread first, newest first.
func (tx *Tx) Inbox(ctx context.Context, professionalID int64, limit int) ([]model.Message, error) {
	rows, err := tx.query(ctx, `
		SELECT m.id, m.professional_id, COALESCE(m.youth_id, 0), COALESCE(y.reference, ''), m.kind, m.subject, m.body, m.event_key, m.created_at, m.read_at
		FROM (
			SELECT * FROM (SELECT * FROM messages WHERE professional_id = $1 AND read_at IS NULL
				ORDER BY created_at DESC, id DESC LIMIT $2) AS unread
			UNION ALL
			SELECT * FROM (SELECT * FROM messages WHERE professional_id = $1 AND read_at IS NOT NULL
				ORDER BY created_at DESC, id DESC LIMIT $2) AS done
		) AS m LEFT JOIN youths y ON y.id = m.youth_id
		ORDER BY (m.read_at IS NULL) DESC, m.created_at DESC, m.id DESC
		LIMIT $2`, professionalID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read inbox: %w", err)
	}
	defer rows.Close()
	var out []model.Message
	for rows.Next() {
		var m model.Message
		var created int64
		var read sql.NullInt64
		if err := rows.Scan(&m.ID, &m.ProfessionalID, &m.YouthID, &m.YouthReference, &m.Kind, &m.Subject, &m.Body, &m.EventKey, &created, &read); err != nil {
			return nil, fmt.Errorf("store: unable to read message: %w", err)
		}
		m.CreatedAt, m.ReadAt = fromMillis(created), fromNullMillis(read)
		out = append(out, m)
	}
	return out, rows.Err()
}

// MarkRead marks a professional's message as read; it reports false when the
// message is not theirs.
func (tx *Tx) MarkRead(ctx context.Context, professionalID, messageID int64, now time.Time) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE messages SET read_at = COALESCE(read_at, $1) WHERE id = $2 AND professional_id = $3`,
		toMillis(now), messageID, professionalID)
	if err != nil {
		return false, fmt.Errorf("store: unable to mark message read: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// DeleteMessagesByEvent deletes the messages of the given events, with their
// e-mails (sent or not), for everyone they went to.
func (tx *Tx) DeleteMessagesByEvent(ctx context.Context, keys ...string) error {
	for _, k := range keys {
		if _, err := tx.exec(ctx, `DELETE FROM outbox WHERE message_id IN (SELECT id FROM messages WHERE event_key = $1)`, k); err != nil {
			return fmt.Errorf("store: unable to delete e-mail: %w", err)
		}
		if _, err := tx.exec(ctx, `DELETE FROM messages WHERE event_key = $1`, k); err != nil {
			return fmt.Errorf("store: unable to delete message: %w", err)
		}
	}
	return nil
}

// DeleteMessagesByEventPrefix deletes the messages whose event key starts
// with prefix, with their e-mails.
func (tx *Tx) DeleteMessagesByEventPrefix(ctx context.Context, prefix string) error {
	like := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(prefix) + "%"
	if _, err := tx.exec(ctx, `DELETE FROM outbox WHERE message_id IN (SELECT id FROM messages WHERE event_key LIKE $1 ESCAPE '\')`, like); err != nil {
		return fmt.Errorf("store: unable to delete e-mail: %w", err)
	}
	if _, err := tx.exec(ctx, `DELETE FROM messages WHERE event_key LIKE $1 ESCAPE '\'`, like); err != nil {
		return fmt.Errorf("store: unable to delete message: %w", err)
	}
	return nil
}

// DeleteMessagesAboutYouthsBefore deletes up to limit messages about a youth
// made before the given moment, with their e-mails; it returns how many.
func (tx *Tx) DeleteMessagesAboutYouthsBefore(ctx context.Context, before time.Time, limit int) (int, error) {
	rows, err := tx.query(ctx, `SELECT id FROM messages WHERE youth_id IS NOT NULL AND created_at < $1 ORDER BY id LIMIT $2`, toMillis(before), limit)
	if err != nil {
		return 0, fmt.Errorf("store: unable to list old messages: %w", err)
	}
	ids, err := scanIDs(rows)
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		if _, err := tx.exec(ctx, `DELETE FROM outbox WHERE message_id = $1`, id); err != nil {
			return 0, fmt.Errorf("store: unable to delete e-mail: %w", err)
		}
		if _, err := tx.exec(ctx, `DELETE FROM messages WHERE id = $1`, id); err != nil {
			return 0, fmt.Errorf("store: unable to delete message: %w", err)
		}
	}
	return len(ids), nil
}
