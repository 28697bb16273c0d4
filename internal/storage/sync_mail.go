package storage

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// HeldMail is a message whose e-mail a synchronisation holds back until it
// ends (usecase.Event.Hold).
type HeldMail struct {
	SyncID int64
	Email  string
	Msg    model.Message
}

// HoldSyncMail holds back the e-mail of a stored message for a synchronisation.
func (tx *Tx) HoldSyncMail(ctx context.Context, syncID, messageID int64, email string) error {
	_, err := tx.exec(ctx, `INSERT INTO sync_mail (sync_id, message_id, email) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, syncID, messageID, email)
	if err != nil {
		return fmt.Errorf("store: unable to hold sync mail: %w", err)
	}
	return nil
}

// HeldSyncMail returns the e-mails the organisation's synchronisations hold,
// in the order they were held, with their messages but not their subject
// and body (a synchronisation may hold a hundred thousand; MessageTexts
// reads the few an e-mail carries). A message deleted since (the retention
// sweep) is left out.
func (tx *Tx) HeldSyncMail(ctx context.Context, organisationID int64) ([]HeldMail, error) {
	rows, err := tx.query(ctx, `
		SELECT h.sync_id, h.email, m.id, m.professional_id, m.youth_id, m.kind, m.event_key, m.created_at, m.urgent
		FROM sync_mail h
		JOIN sync_reports s ON s.id = h.sync_id
		JOIN messages m ON m.id = h.message_id
		WHERE s.organisation_id = $1 AND m.mail_id IS NULL
		ORDER BY h.sync_id, h.message_id`, organisationID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list held sync mail: %w", err)
	}
	defer rows.Close()
	var out []HeldMail
	for rows.Next() {
		var h HeldMail
		var youth sql.NullInt64
		var created int64
		var urgent int
		if err := rows.Scan(&h.SyncID, &h.Email, &h.Msg.ID, &h.Msg.ProfessionalID, &youth, &h.Msg.Kind, &h.Msg.EventKey, &created, &urgent); err != nil {
			return nil, fmt.Errorf("store: unable to read held sync mail: %w", err)
		}
		h.Msg.YouthID, h.Msg.CreatedAt, h.Msg.Urgent = youth.Int64, fromMillis(created), urgent == 1
		out = append(out, h)
	}
	return out, rows.Err()
}

// MessageTexts fills in the subject and body of the messages.
func (tx *Tx) MessageTexts(ctx context.Context, msgs []model.Message) error {
	for i := range msgs {
		err := tx.queryRow(ctx, `SELECT subject, body FROM messages WHERE id = $1`, msgs[i].ID).Scan(&msgs[i].Subject, &msgs[i].Body)
		if err != nil {
			return fmt.Errorf("store: unable to read message: %w", err)
		}
	}
	return nil
}

// ReleaseSyncMail forgets the e-mails the organisation's synchronisations
// held: they were queued.
func (tx *Tx) ReleaseSyncMail(ctx context.Context, organisationID int64) error {
	_, err := tx.exec(ctx, `DELETE FROM sync_mail WHERE sync_id IN (SELECT id FROM sync_reports WHERE organisation_id = $1)`, organisationID)
	if err != nil {
		return fmt.Errorf("store: unable to release sync mail: %w", err)
	}
	return nil
}

// RegistrationKey is an active registration as a complete list is compared
// with it: the kind and the hash of the youth's BSN.
type RegistrationKey struct {
	ID      int64
	Kind    model.Kind
	BSNHash []byte
}

// ActiveRegistrationKeys returns, by id from after, up to limit of the
// organisation's active registrations.
func (tx *Tx) ActiveRegistrationKeys(ctx context.Context, organisationID, after int64, limit int) ([]RegistrationKey, error) {
	rows, err := tx.query(ctx, `
		SELECT r.id, r.kind, y.bsn_hash FROM registrations r JOIN youths y ON y.id = r.youth_id
		WHERE r.organisation_id = $1 AND r.ended_at IS NULL AND r.id > $2
		ORDER BY r.id LIMIT $3`, organisationID, after, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list active registrations: %w", err)
	}
	defer rows.Close()
	var out []RegistrationKey
	for rows.Next() {
		var k RegistrationKey
		if err := rows.Scan(&k.ID, &k.Kind, &k.BSNHash); err != nil {
			return nil, fmt.Errorf("store: unable to read active registration: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}
