package audit

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// PurgeObject is the object type of the record a purge leaves behind. Its
// object ID is the checkpoint "<id>:<hash>": the last record removed and its
// hash, which the first remaining record names as its predecessor. Verify
// starts the chain there, so the log stays verifiable after a purge.
const PurgeObject = "logboek"

// Purge removes the oldest part of the log, every record up to the newest
// one made before cutoff, and appends a record of the purge, in the caller's
// transaction. It returns how many records were removed (0: nothing was old
// enough, and nothing is written).
func Purge(ctx context.Context, tx *storage.Tx, now, cutoff time.Time, who Actor, purpose string) (int64, error) {
	// Holds the chain: nothing is appended while part of it is removed.
	if _, err := tx.LastAuditHash(ctx); err != nil {
		return 0, fmt.Errorf("audit: unable to read chain: %w", err)
	}
	last, err := tx.LastAuditBefore(ctx, cutoff)
	if err == storage.ErrNotFound {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("audit: unable to find what to purge: %w", err)
	}
	n, err := tx.DeleteAuditThrough(ctx, last.ID)
	if err != nil {
		return 0, err
	}
	prev, err := tx.LastAuditHash(ctx)
	if err != nil {
		return 0, fmt.Errorf("audit: unable to read chain: %w", err)
	}
	if prev == "" { // nothing is left: the chain goes on from the checkpoint
		prev = last.Hash
	}
	r := storage.AuditRecord{
		At: now.UTC().Truncate(time.Millisecond), ProfessionalID: who.ProfessionalID, OrganisationID: who.OrganisationID,
		ActorRole: who.Role, ClientSystem: who.ClientSystem, Action: ActionRemove, ObjectType: PurgeObject,
		ObjectID: strconv.FormatInt(last.ID, 10) + ":" + last.Hash, Source: who.Source, Outcome: OutcomeOK,
		Purpose: purpose, PrevHash: prev,
	}
	r.Hash = storage.AuditHash(r)
	return n, tx.AppendAudit(ctx, &r)
}

// checkpoint is where the chain starts after a purge.
type checkpoint struct {
	id   int64
	hash string
}

// latestCheckpoint reads the newest purge record. It returns a zero
// checkpoint when the log was never purged, and a Broken when the purge
// record itself was changed.
func latestCheckpoint(ctx context.Context, tx *storage.Tx) (checkpoint, *Broken, error) {
	r, err := tx.LatestAuditOf(ctx, ActionRemove, PurgeObject)
	if err == storage.ErrNotFound {
		return checkpoint{}, nil, nil
	}
	if err != nil {
		return checkpoint{}, nil, err
	}
	if storage.AuditHash(r) != r.Hash {
		return checkpoint{}, &Broken{r.ID, "inhoud klopt niet met de hash (record van een opschoning gewijzigd)"}, nil
	}
	idText, h, ok := strings.Cut(r.ObjectID, ":")
	id, err := strconv.ParseInt(idText, 10, 64)
	if !ok || err != nil || len(h) != 64 {
		return checkpoint{}, &Broken{r.ID, "het controlepunt van deze opschoning is onleesbaar"}, nil
	}
	return checkpoint{id: id, hash: h}, nil, nil
}
