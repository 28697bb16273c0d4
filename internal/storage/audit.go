package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// AuditRecord is one line of the audit trail (NEN 7513 fields).
type AuditRecord struct {
	ID             int64
	At             time.Time
	ProfessionalID int64
	OrganisationID int64
	ActorRole      string
	ClientSystem   string
	Action         string
	ObjectType     string
	ObjectID       string
	YouthReference string
	Source         string
	Outcome        string
	Purpose        string
	PrevHash       string
	Hash           string
}

// LastAuditHash returns the hash of the newest audit record, "" for none.
// It holds the audit chain for this transaction: concurrent transactions
// append one after the other, so the chain never forks.
func (tx *Tx) LastAuditHash(ctx context.Context) (string, error) {
	if err := tx.lockGlobal(ctx, lockAudit); err != nil {
		return "", err
	}
	var h string
	err := tx.queryRow(ctx, `SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&h)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return h, err
}

// AppendAudit adds a record; the caller has set PrevHash and Hash.
func (tx *Tx) AppendAudit(ctx context.Context, a *AuditRecord) error {
	err := tx.queryRow(ctx, `
		INSERT INTO audit_log (at, professional_id, organisation_id, actor_role, client_system, action, object_type, object_id, youth_reference, source, outcome, purpose, prev_hash, hash)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
		RETURNING id`,
		toMillis(a.At), nullID(a.ProfessionalID), nullID(a.OrganisationID), a.ActorRole, a.ClientSystem, a.Action, a.ObjectType, a.ObjectID,
		a.YouthReference, a.Source, a.Outcome, a.Purpose, a.PrevHash, a.Hash).Scan(&a.ID)
	if err != nil {
		return fmt.Errorf("store: unable to append audit record: %w", err)
	}
	return nil
}

// AuditRecords calls fn for every record in order, for verification.
func (tx *Tx) AuditRecords(ctx context.Context, fn func(AuditRecord) error) error {
	rows, err := tx.query(ctx, `
		SELECT id, at, COALESCE(professional_id, 0), COALESCE(organisation_id, 0), actor_role, client_system, action, object_type, object_id, youth_reference, source, outcome, purpose, prev_hash, hash
		FROM audit_log ORDER BY id`)
	if err != nil {
		return fmt.Errorf("store: unable to read audit log: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a AuditRecord
		var at int64
		if err := rows.Scan(&a.ID, &at, &a.ProfessionalID, &a.OrganisationID, &a.ActorRole, &a.ClientSystem, &a.Action, &a.ObjectType, &a.ObjectID, &a.YouthReference, &a.Source, &a.Outcome, &a.Purpose, &a.PrevHash, &a.Hash); err != nil {
			return fmt.Errorf("store: unable to read audit record: %w", err)
		}
		a.At = fromMillis(at)
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

type queuedAudit struct {
	record AuditRecord
	hash   func(AuditRecord) string
}

// QueueAudit adds a record that is chained and stored just before this
// transaction commits; hash computes a record's hash once PrevHash is set.
func (tx *Tx) QueueAudit(r AuditRecord, hash func(AuditRecord) string) {
	tx.audit = append(tx.audit, queuedAudit{r, hash})
}

// appendQueuedAudit chains the queued records after the newest one. On
// PostgreSQL the chain's lock is held from here to the commit only.
func (tx *Tx) appendQueuedAudit(ctx context.Context) error {
	if len(tx.audit) == 0 {
		return nil
	}
	prev, err := tx.LastAuditHash(ctx)
	if err != nil {
		return fmt.Errorf("store: unable to read audit chain: %w", err)
	}
	for _, q := range tx.audit {
		r := q.record
		r.PrevHash = prev
		r.Hash = q.hash(r)
		if err := tx.AppendAudit(ctx, &r); err != nil {
			return err
		}
		prev = r.Hash
	}
	tx.audit = nil
	return nil
}
