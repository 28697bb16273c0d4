package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
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

const auditColumns = `id, at, COALESCE(professional_id, 0), COALESCE(organisation_id, 0), actor_role, client_system, action, object_type, object_id, youth_reference, source, outcome, purpose, prev_hash, hash`

func scanAudit(row interface{ Scan(...any) error }) (AuditRecord, error) {
	var a AuditRecord
	var at int64
	err := row.Scan(&a.ID, &at, &a.ProfessionalID, &a.OrganisationID, &a.ActorRole, &a.ClientSystem, &a.Action, &a.ObjectType, &a.ObjectID, &a.YouthReference, &a.Source, &a.Outcome, &a.Purpose, &a.PrevHash, &a.Hash)
	a.At = fromMillis(at)
	return a, err
}

// AuditRecords calls fn for every record in order, for verification.
func (tx *Tx) AuditRecords(ctx context.Context, fn func(AuditRecord) error) error {
	rows, err := tx.query(ctx, `SELECT `+auditColumns+` FROM audit_log ORDER BY id`)
	if err != nil {
		return fmt.Errorf("store: unable to read audit log: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanAudit(rows)
		if err != nil {
			return fmt.Errorf("store: unable to read audit record: %w", err)
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// QueueAudit adds a record that is chained and stored just before this
// transaction commits. Storage is the one owner of the chain: it takes the
// chain's lock, links each record to the one before and computes its hash
// (AuditHash); audit.Verify checks with the same function.
func (tx *Tx) QueueAudit(r AuditRecord) {
	tx.audit = append(tx.audit, r)
}

// AuditHash is a record's hash. It covers every field but the ID and the hash itself.
func AuditHash(r AuditRecord) string {
	fields := []string{
		strconv.FormatInt(r.At.UnixMilli(), 10), strconv.FormatInt(r.ProfessionalID, 10), strconv.FormatInt(r.OrganisationID, 10),
		r.ActorRole, r.ClientSystem, r.Action, r.ObjectType, r.ObjectID, r.YouthReference, r.Source, r.Outcome, r.Purpose, r.PrevHash,
	}
	for i, f := range fields {
		fields[i] = strconv.Quote(f)
	}
	sum := sha256.Sum256([]byte(strings.Join(fields, "|")))
	return hex.EncodeToString(sum[:])
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
	for _, r := range tx.audit {
		r.PrevHash = prev
		r.Hash = AuditHash(r)
		if err := tx.AppendAudit(ctx, &r); err != nil {
			return err
		}
		prev = r.Hash
	}
	tx.audit = nil
	return nil
}

// LastAuditBefore returns the newest record made before the given moment,
// the last one a purge up to then removes; ErrNotFound when there is none.
func (tx *Tx) LastAuditBefore(ctx context.Context, before time.Time) (AuditRecord, error) {
	var a AuditRecord
	var at int64
	err := tx.queryRow(ctx, `
		SELECT id, at, hash FROM audit_log
		WHERE id = (SELECT max(id) FROM audit_log WHERE at < $1)`, toMillis(before)).Scan(&a.ID, &at, &a.Hash)
	a.At = fromMillis(at)
	return a, notFound(err)
}

// DeleteAuditThrough deletes the records up to and including id: the oldest
// part of the chain. It returns how many.
func (tx *Tx) DeleteAuditThrough(ctx context.Context, id int64) (int64, error) {
	res, err := tx.exec(ctx, `DELETE FROM audit_log WHERE id <= $1`, id)
	if err != nil {
		return 0, fmt.Errorf("store: unable to purge audit log: %w", err)
	}
	return res.RowsAffected()
}

// LatestAuditOf returns the newest record of an action on an object type;
// ErrNotFound when there is none.
func (tx *Tx) LatestAuditOf(ctx context.Context, action, objectType string) (AuditRecord, error) {
	a, err := scanAudit(tx.queryRow(ctx, `
		SELECT `+auditColumns+` FROM audit_log
		WHERE action = $1 AND object_type = $2 ORDER BY id DESC LIMIT 1`, action, objectType))
	return a, notFound(err)
}

// AccessesOf returns the records of the given actions about a youth, oldest
// first, with the professional's and organisation's names.
func (tx *Tx) AccessesOf(ctx context.Context, youthReference string, actions ...string) ([]model.Access, error) {
	var out []model.Access
	for _, action := range actions {
		rows, err := tx.query(ctx, `
			SELECT a.at, a.action, a.object_type, a.client_system, COALESCE(p.name, ''), COALESCE(o.name, ''), COALESCE(o.type, '')
			FROM audit_log a
			LEFT JOIN professionals p ON p.id = a.professional_id
			LEFT JOIN organisations o ON o.id = a.organisation_id
			WHERE a.youth_reference = $1 AND a.action = $2
			ORDER BY a.id`, youthReference, action)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read accesses: %w", err)
		}
		for rows.Next() {
			var x model.Access
			var at int64
			if err := rows.Scan(&at, &x.Action, &x.ObjectType, &x.ClientSystem, &x.ProfessionalName, &x.OrganisationName, &x.OrganisationType); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: unable to read access: %w", err)
			}
			x.At = fromMillis(at)
			out = append(out, x)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out, nil
}
