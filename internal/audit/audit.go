// Package audit writes and verifies the access and change log. Every record
// carries the NEN 7513 facts (who, on behalf of whom, what, which object and
// youth, when, from where, outcome, purpose) and the hash of the record before
// it, so removing or changing a record breaks the chain and is found by Verify.
package audit

import (
	"context"
	"strconv"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Actions recorded in the log.
const (
	ActionCreate = "create"
	ActionRead   = "read"
	ActionUpdate = "update"
	ActionEnd    = "end"
	ActionRemove = "remove"
	ActionExport = "export"
	ActionLogin  = "login"
	ActionDenied = "denied"
	ActionLogout = "logout"
)

// Outcomes recorded in the log.
const (
	OutcomeOK     = "ok"
	OutcomeDenied = "geweigerd"
	OutcomeError  = "fout"
	// OutcomeFailedLogin: a wrong password or code, or an unknown account.
	OutcomeFailedLogin = "mislukt"
)

// Actor is who does something: a professional, possibly through a client system.
type Actor struct {
	ProfessionalID int64
	OrganisationID int64
	Role           string // "professional", "regiobeheerder", "systeem"
	ClientSystem   string // "token:12" when a client system acts for the professional
	Source         string // remote address and user agent, or "sweep"
}

// Entry is one thing to log.
type Entry struct {
	Actor          Actor
	Action         string
	ObjectType     string
	ObjectID       string
	YouthReference string
	Outcome        string // one of the Outcome constants; empty is OutcomeOK
	Purpose        string // legal ground or purpose
}

// Write adds an entry to the caller's transaction, so the log and the change
// it records commit together. It cannot fail: storage chains and stores the
// entry at commit (see storage.AuditHash), holding the chain only for those
// last inserts, and a failure there fails the commit.
func Write(ctx context.Context, tx *storage.Tx, at time.Time, e Entry) {
	if e.Outcome == "" {
		e.Outcome = "ok"
	}
	r := storage.AuditRecord{
		At: at.UTC().Truncate(time.Millisecond), ProfessionalID: e.Actor.ProfessionalID, OrganisationID: e.Actor.OrganisationID,
		ActorRole: e.Actor.Role, ClientSystem: e.Actor.ClientSystem, Action: e.Action, ObjectType: e.ObjectType,
		ObjectID: e.ObjectID, YouthReference: e.YouthReference, Source: e.Actor.Source, Outcome: e.Outcome,
		Purpose: e.Purpose,
	}
	tx.QueueAudit(r)
}

// Broken describes the first record where the chain does not hold.
type Broken struct {
	ID     int64
	Reason string
}

// Verify walks the whole log; it returns the number of records checked and
// the first broken record, or nil when the chain holds. After a purge (see
// Purge) the chain starts at the checkpoint the newest purge record names.
func Verify(ctx context.Context, db *storage.DB) (int, *Broken, error) {
	n := 0
	var broken *Broken
	err := db.View(ctx, func(tx *storage.Tx) error {
		cp, bad, err := latestCheckpoint(ctx, tx)
		if err != nil {
			return err
		}
		prev, first := cp.hash, true
		return tx.AuditRecords(ctx, func(r storage.AuditRecord) error {
			n++
			switch {
			case broken != nil:
			case bad != nil && r.ID == bad.ID:
				broken = bad
			case first && bad != nil:
				// The checkpoint is unreadable: the purge record is reported when reached.
			case first && cp.id != 0 && r.PrevHash != prev:
				broken = &Broken{r.ID, "het eerste record sluit niet aan op het controlepunt van de laatste opschoning (record " +
					strconv.FormatInt(cp.id, 10) + "): ontbrekend of gewijzigd record"}
			case r.PrevHash != prev:
				broken = &Broken{r.ID, "verwijst niet naar het vorige record (ontbrekend of gewijzigd record ervoor)"}
			case storage.AuditHash(r) != r.Hash:
				broken = &Broken{r.ID, "inhoud klopt niet met de hash (record gewijzigd)"}
			}
			prev, first = r.Hash, false
			return nil
		})
	})
	return n, broken, err
}
