// Package synchronisation lets a client system (or a CSV file uploaded in
// the web application) send an organisation's registrations as one list
// (issue 16). Each line is registered exactly as one registration sent by
// itself would be (registration.RegisterInTx: the same matches,
// coordination, messages and audit records), a few hundred lines to a
// transaction; a complete list ('volledig') then ends the organisation's
// active registrations of its kinds that are not on it. Progress commits
// with each batch, so a synchronisation cut off at any moment is completed
// by the next identical request, and each professional gets one e-mail per
// synchronisation.
package synchronisation

import (
	"context"
	"errors"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Service runs synchronisations on the registration use cases.
type Service struct {
	*usecase.Service
	Registrations *registration.Service
	// Batch is how many lines (or endings) commit together; 0 is defaultBatch.
	Batch int
}

// defaultBatch: a few hundred lines to a transaction. One commit per line
// caps the rate at the disk's; a very large batch holds the one writer
// (storage/group_commit.go) long enough to stall everyone else's
// registrations, and a crash loses more work to redo. 250 lines take about
// a tenth of a second on the 2-core machine (docs/performance.md).
const defaultBatch = 250

// MaxLines is the most lines one synchronisation takes.
const MaxLines = 100_000

// Keep is how many reports an organisation keeps: the oldest go.
const Keep = 30

func (s *Service) batch() int {
	if s.Batch > 0 {
		return s.Batch
	}
	return defaultBatch
}

// Line is one registration as the client system sends it: text as sent, so
// that each field's fault is told in Dutch.
type Line struct {
	BSN          string // burgerservicenummer
	Kind         string // soort
	Professional string // medewerker: the e-mail address of the responsible professional
	BirthDate    string // geboortedatum, jjjj-mm-dd, optional
	EndDate      string // einddatum, jjjj-mm-dd, optional
	Parents      string // ouders: informing code, optional
	Youth        string // jeugdige: informing code, optional
}

// Request is one synchronisation.
type Request struct {
	// Complete ('volledig'): the lines are every active registration of
	// their kinds; what is not on the list ends.
	Complete bool
	Lines    []Line
	// LineCount ('aantalRegels') and Checksum ('controlegetal', see
	// Checksum) prove a list arrived whole; a complete list needs one.
	LineCount *int
	Checksum  string
}

// Caller is who synchronises: an organisation's client system (TokenID),
// or a professional uploading a file in the web application (Uploader).
type Caller struct {
	Organisation model.Organisation
	TokenID      int64
	// Uploader is who uploads a file, or the professional whose own token
	// calls; when of the organisation, the responsible professional of a
	// line that names none. The regional administrator may upload for any
	// organisation; each line then names its professional.
	Uploader *model.Professional
	Source   string
	// RequireBirthDate refuses a line without geboortedatum, as the API
	// does for one registration when the region asks it.
	RequireBirthDate bool
}

// auditActor is the caller as the audit trail records the synchronisation.
func (c Caller) auditActor() audit.Actor {
	if c.Uploader != nil {
		a := usecase.Actor{Professional: *c.Uploader, Organisation: c.Organisation, TokenID: c.TokenID, Source: c.Source}
		return a.AuditActor()
	}
	return audit.Actor{OrganisationID: c.Organisation.ID, Role: "koppeling", ClientSystem: "koppeling:" + usecase.Itoa(c.TokenID), Source: c.Source}
}

// Result is a synchronisation's answer: its report, and whether it was a
// dry run (nothing changed; no report is kept).
type Result struct {
	model.SyncReport
	DryRun bool
}

// errDryRun rolls a dry run's batch back.
var errDryRun = errors.New("synchronisation: dry run")

// errLostRace: another worker committed this batch of the same
// synchronisation first; this one's work is rolled back.
var errLostRace = errors.New("synchronisation: batch committed by another worker")

// isLineFault tells a line's own fault (it is refused, the others go on)
// from one that stops the synchronisation (the database, the register).
func isLineFault(err error) bool {
	switch model.ErrorCode(err) {
	case model.EINVALID, model.ECONFLICT, model.EFORBIDDEN, model.ENOTFOUND:
		return true
	}
	return false
}

// view runs fn in a read transaction.
func (s *Service) view(ctx context.Context, fn func(*storage.Tx) error) error {
	return s.DB.View(ctx, fn)
}
