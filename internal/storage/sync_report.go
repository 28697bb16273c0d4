package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

const syncColumns = `id, organisation_id, professional_id, token_id, body_hash, complete, lines, status, step, done_lines,
	created, unchanged, updated, ended, refused, refusals, started_at, finished_at`

func scanSync(row interface{ Scan(...any) error }) (model.SyncReport, error) {
	var r model.SyncReport
	var prof, token, finished sql.NullInt64
	var complete int
	var refusals string
	var started int64
	err := row.Scan(&r.ID, &r.OrganisationID, &prof, &token, &r.BodyHash, &complete, &r.Lines, &r.Status, &r.Step, &r.DoneLines,
		&r.Counts.Created, &r.Counts.Unchanged, &r.Counts.Updated, &r.Counts.Ended, &r.Counts.Refused, &refusals, &started, &finished)
	if err != nil {
		return r, notFound(err)
	}
	r.ProfessionalID, r.TokenID, r.Complete = prof.Int64, token.Int64, complete == 1
	r.StartedAt, r.FinishedAt = fromMillis(started), fromNullMillis(finished)
	if err := json.Unmarshal([]byte(refusals), &r.Refusals); err != nil {
		return r, fmt.Errorf("store: unable to read sync refusals: %w", err)
	}
	return r, nil
}

func refusalsJSON(rs []model.SyncRefusal) string {
	if len(rs) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(rs) // plain structs of strings and ints
	return string(b)
}

// CreateSyncReport stores a synchronisation that is about to start, with the
// lines refused before any was applied, and sets its ID.
func (tx *Tx) CreateSyncReport(ctx context.Context, r *model.SyncReport) error {
	err := tx.queryRow(ctx, `
		INSERT INTO sync_reports (organisation_id, professional_id, token_id, body_hash, complete, lines, status, refused, refusals, started_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
		RETURNING id`,
		r.OrganisationID, nullID(r.ProfessionalID), nullID(r.TokenID), r.BodyHash, boolInt(r.Complete), r.Lines, string(r.Status),
		r.Counts.Refused, refusalsJSON(r.Refusals), toMillis(r.StartedAt)).Scan(&r.ID)
	if err != nil {
		return fmt.Errorf("store: unable to create sync report: %w", err)
	}
	return nil
}

// SyncReport returns an organisation's synchronisation; another
// organisation's is ErrNotFound.
func (tx *Tx) SyncReport(ctx context.Context, organisationID, id int64) (model.SyncReport, error) {
	return scanSync(tx.queryRow(ctx, `SELECT `+syncColumns+` FROM sync_reports WHERE id = $1 AND organisation_id = $2`, id, organisationID))
}

// UnfinishedSync returns the organisation's newest synchronisation of the
// body with this hash that did not finish, or ErrNotFound.
func (tx *Tx) UnfinishedSync(ctx context.Context, organisationID int64, bodyHash []byte) (model.SyncReport, error) {
	return scanSync(tx.queryRow(ctx, `SELECT `+syncColumns+` FROM sync_reports
		WHERE organisation_id = $1 AND body_hash = $2 AND status <> 'klaar' ORDER BY id DESC LIMIT 1`, organisationID, bodyHash))
}

// AdvanceSync records that one more batch committed: its lines applied (or
// its endings made) and its counts, the refusals as they are now, and the
// status. It changes nothing and reports false when the synchronisation is
// no longer at step fromStep: another worker committed that batch first, and
// the caller's transaction must roll back.
func (tx *Tx) AdvanceSync(ctx context.Context, r model.SyncReport, fromStep int, add model.SyncCounts) (bool, error) {
	res, err := tx.exec(ctx, `
		UPDATE sync_reports SET step = step + 1, done_lines = $1, status = $2, refusals = $3,
			created = created + $4, unchanged = unchanged + $5, updated = updated + $6, ended = ended + $7, refused = refused + $8
		WHERE id = $9 AND step = $10`,
		r.DoneLines, string(r.Status), refusalsJSON(r.Refusals), add.Created, add.Unchanged, add.Updated, add.Ended, add.Refused, r.ID, fromStep)
	if err != nil {
		return false, fmt.Errorf("store: unable to advance sync: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// FinishSync marks a synchronisation done; it reports false when it was
// done already (another worker finished it).
func (tx *Tx) FinishSync(ctx context.Context, id int64, now time.Time) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE sync_reports SET status = 'klaar', finished_at = $1 WHERE id = $2 AND status <> 'klaar'`, toMillis(now), id)
	if err != nil {
		return false, fmt.Errorf("store: unable to finish sync: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// KeepLastSyncs deletes an organisation's synchronisations but the newest n.
func (tx *Tx) KeepLastSyncs(ctx context.Context, organisationID int64, n int) error {
	old := `SELECT id FROM sync_reports WHERE organisation_id = $1 ORDER BY id DESC LIMIT -1 OFFSET $2`
	if tx.engine == "postgres" {
		old = `SELECT id FROM sync_reports WHERE organisation_id = $1 ORDER BY id DESC OFFSET $2`
	}
	if _, err := tx.exec(ctx, `DELETE FROM sync_mail WHERE sync_id IN (`+old+`)`, organisationID, n); err != nil {
		return fmt.Errorf("store: unable to delete old sync mail: %w", err)
	}
	if _, err := tx.exec(ctx, `DELETE FROM sync_reports WHERE id IN (`+old+`)`, organisationID, n); err != nil {
		return fmt.Errorf("store: unable to delete old sync reports: %w", err)
	}
	return nil
}
