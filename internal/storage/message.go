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
// e-mail in the outbox. A message with ReadAt set is stored read. A second
// message for the same event and person is ignored: it reports false then.
func (tx *Tx) AddMessage(ctx context.Context, m *model.Message, email string) (bool, error) {
	err := tx.queryRow(ctx, `
		INSERT INTO messages (professional_id, youth_id, kind, subject, body, event_key, created_at, read_at, urgent)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (event_key, professional_id) DO NOTHING
		RETURNING id`,
		m.ProfessionalID, nullID(m.YouthID), m.Kind, m.Subject, m.Body, m.EventKey, toMillis(m.CreatedAt), nullMillis(m.ReadAt), boolInt(m.Urgent)).Scan(&m.ID)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: unable to add message: %w", err)
	}
	if email == "" {
		return true, nil
	}
	if _, err := tx.QueueMail(ctx, email, "", "", m.CreatedAt, m.ID); err != nil {
		return false, err
	}
	return true, nil
}

// QueueMail queues one e-mail to email carrying the given messages, the
// first of which it is filed under. With one message, subject and body are
// empty and the mail is that message's; with more, they are the combined
// mail's. It returns the outbox row.
func (tx *Tx) QueueMail(ctx context.Context, email, subject, body string, at time.Time, messageIDs ...int64) (int64, error) {
	if len(messageIDs) == 0 {
		return 0, fmt.Errorf("store: unable to queue e-mail: no message")
	}
	var id int64
	err := tx.queryRow(ctx, `INSERT INTO outbox (message_id, recipient, next_attempt_at, subject, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		messageIDs[0], email, toMillis(at), sql.NullString{String: subject, Valid: subject != ""}, sql.NullString{String: body, Valid: body != ""}).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: unable to queue e-mail: %w", err)
	}
	for _, m := range messageIDs {
		if _, err := tx.exec(ctx, `UPDATE messages SET mail_id = $1 WHERE id = $2`, id, m); err != nil {
			return 0, fmt.Errorf("store: unable to queue e-mail: %w", err)
		}
	}
	return id, nil
}

// InboxEntry is one message of an inbox, with the sealed register entry of
// its youth when the reader's organisation is involved with the youth now.
type InboxEntry struct {
	model.Message
	Person []byte // sealed model.Person; nil when not involved, or no youth
}

// Inbox returns a professional's messages: unread first, of those the
// urgent first, then newest first. involvedOrg is the reader's organisation
// (0 for none): a message about a youth it has an active registration for
// carries the youth's sealed register entry.
func (tx *Tx) Inbox(ctx context.Context, professionalID, involvedOrg int64, limit int) ([]InboxEntry, error) {
	rows, err := tx.query(ctx, `
		SELECT m.id, m.professional_id, COALESCE(m.youth_id, 0), COALESCE(y.reference, ''), m.kind, m.subject, m.body, m.event_key, m.created_at, m.read_at, m.urgent,
			CASE WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.youth_id = m.youth_id AND r.organisation_id = $3 AND r.ended_at IS NULL) THEN y.person END
		FROM (
			SELECT * FROM (SELECT * FROM messages WHERE professional_id = $1 AND read_at IS NULL
				ORDER BY urgent DESC, created_at DESC, id DESC LIMIT $2) AS unread
			UNION ALL
			SELECT * FROM (SELECT * FROM messages WHERE professional_id = $1 AND read_at IS NOT NULL
				ORDER BY created_at DESC, id DESC LIMIT $2) AS done
		) AS m LEFT JOIN youths y ON y.id = m.youth_id
		ORDER BY (m.read_at IS NULL) DESC, CASE WHEN m.read_at IS NULL THEN m.urgent ELSE 0 END DESC, m.created_at DESC, m.id DESC
		LIMIT $2`, professionalID, limit, involvedOrg)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read inbox: %w", err)
	}
	defer rows.Close()
	var out []InboxEntry
	for rows.Next() {
		var e InboxEntry
		m := &e.Message
		var created int64
		var read sql.NullInt64
		var urgent int
		if err := rows.Scan(&m.ID, &m.ProfessionalID, &m.YouthID, &m.YouthReference, &m.Kind, &m.Subject, &m.Body, &m.EventKey, &created, &read, &urgent, &e.Person); err != nil {
			return nil, fmt.Errorf("store: unable to read message: %w", err)
		}
		m.CreatedAt, m.ReadAt, m.Urgent = fromMillis(created), fromNullMillis(read), urgent == 1
		out = append(out, e)
	}
	return out, rows.Err()
}

// UnreadCount counts a professional's unread messages, for the menu on
// every page (index messages_unread, migration 0009).
func (tx *Tx) UnreadCount(ctx context.Context, professionalID int64) (int, error) {
	var n int
	if err := tx.queryRow(ctx, `SELECT count(*) FROM messages WHERE professional_id = $1 AND read_at IS NULL`, professionalID).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: unable to count unread messages: %w", err)
	}
	return n, nil
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
		if _, err := tx.exec(ctx, `DELETE FROM outbox WHERE message_id IN (SELECT id FROM messages WHERE event_key = $1)
			OR id IN (SELECT mail_id FROM messages WHERE event_key = $1)`, k); err != nil {
			return fmt.Errorf("store: unable to delete e-mail: %w", err)
		}
		if _, err := tx.exec(ctx, `DELETE FROM messages WHERE event_key = $1`, k); err != nil {
			return fmt.Errorf("store: unable to delete message: %w", err)
		}
		// A withdrawn message's event goes too: a client system that has not
		// read it yet never hears of it (one that did keeps its copy).
		if _, err := tx.exec(ctx, `DELETE FROM events WHERE event_key = $1`, k); err != nil {
			return fmt.Errorf("store: unable to delete event: %w", err)
		}
	}
	return nil
}

// DeleteMessagesByEventPrefix deletes the messages whose event key starts
// with prefix, with their e-mails.
func (tx *Tx) DeleteMessagesByEventPrefix(ctx context.Context, prefix string) error {
	like := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(prefix) + "%"
	if _, err := tx.exec(ctx, `DELETE FROM outbox WHERE message_id IN (SELECT id FROM messages WHERE event_key LIKE $1 ESCAPE '\')
		OR id IN (SELECT mail_id FROM messages WHERE event_key LIKE $1 ESCAPE '\')`, like); err != nil {
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
		if _, err := tx.exec(ctx, `DELETE FROM outbox WHERE message_id = $1 OR id IN (SELECT mail_id FROM messages WHERE id = $1)`, id); err != nil {
			return 0, fmt.Errorf("store: unable to delete e-mail: %w", err)
		}
		if _, err := tx.exec(ctx, `DELETE FROM messages WHERE id = $1`, id); err != nil {
			return 0, fmt.Errorf("store: unable to delete message: %w", err)
		}
	}
	return len(ids), nil
}
