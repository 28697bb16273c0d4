package synchronisation

import (
	"context"
	"errors"
	"slices"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Apply runs a synchronisation: every line that passes its checks is
// registered (or found unchanged, or updated), a batch at a time; a
// complete list then ends what is not on it. The same request as one that
// was cut off resumes that one, from its first line no batch committed.
func (s *Service) Apply(ctx context.Context, c Caller, req Request) (Result, error) {
	return s.run(ctx, c, req, false)
}

func (s *Service) run(ctx context.Context, c Caller, req Request, dry bool) (Result, error) {
	sum := Checksum(req.Lines)
	if err := checkWhole(req, sum); err != nil {
		return Result{}, err
	}
	rep, err := s.start(ctx, c, req, sum, dry)
	if err != nil {
		return Result{}, err
	}
	f := s.facts(req.Lines)
	ps := &professionals{s: s, caller: c, known: map[string]professionalOrErr{}}
	// The next batch is checked (read-only: the register, the professionals)
	// while this one is written: the one writer is what limits the rate, and
	// the checks then cost it no time (docs/performance.md).
	ahead := s.checkAhead(ctx, c, ps, f, req.Lines, rep, rep.DoneLines)
	for rep.DoneLines < rep.Lines {
		b := <-ahead
		ahead = nil
		if b.err != nil {
			return Result{}, b.err
		}
		if b.to < rep.Lines {
			ahead = s.checkAhead(ctx, c, ps, f, req.Lines, rep, b.to)
		}
		err = s.applyLines(ctx, &rep, b.batch, b.fresh, b.to, dry)
		if err != nil && ahead != nil {
			<-ahead // its checks are of lines that may be done already
		}
		if errors.Is(err, errLostRace) { // another worker went on: check from where it is
			if rep, err = s.reload(ctx, rep); err != nil {
				return Result{}, err
			}
			ahead = s.checkAhead(ctx, c, ps, f, req.Lines, rep, rep.DoneLines)
			continue
		}
		if err != nil {
			return Result{}, err
		}
	}
	if req.Complete && rep.Status != model.SyncDone {
		if err := s.endAbsent(ctx, c, &rep, f, dry); err != nil {
			return Result{}, err
		}
	}
	if err := s.finish(ctx, c, &rep, dry); err != nil {
		return Result{}, err
	}
	return Result{SyncReport: rep, DryRun: dry}, nil
}

// start records a new synchronisation, or finds the unfinished one of the
// same request. A dry run records nothing.
func (s *Service) start(ctx context.Context, c Caller, req Request, sum string, dry bool) (model.SyncReport, error) {
	rep := model.SyncReport{
		OrganisationID: c.Organisation.ID, TokenID: c.TokenID, BodyHash: bodyHash(req, sum),
		Complete: req.Complete, Lines: len(req.Lines), Status: model.SyncLines, StartedAt: s.Now(),
	}
	if c.Uploader != nil {
		rep.ProfessionalID = c.Uploader.ID
	}
	if dry {
		return rep, nil
	}
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		got, err := tx.UnfinishedSync(ctx, rep.OrganisationID, rep.BodyHash)
		if err == nil {
			rep = got
			return nil
		}
		if err != storage.ErrNotFound {
			return err
		}
		return tx.CreateSyncReport(ctx, &rep)
	})
	return rep, err
}

func (s *Service) reload(ctx context.Context, rep model.SyncReport) (model.SyncReport, error) {
	err := s.view(ctx, func(tx *storage.Tx) error {
		var err error
		rep, err = tx.SyncReport(ctx, rep.OrganisationID, rep.ID)
		return err
	})
	return rep, err
}

// checkedBatch is one batch of lines, checked.
type checkedBatch struct {
	batch []checked
	fresh []model.SyncRefusal
	to    int
	err   error
}

// checkAhead checks the batch from line from in the background; its one
// result arrives on the channel. Only one runs at a time: the professionals
// it caches are not shared otherwise.
func (s *Service) checkAhead(ctx context.Context, c Caller, ps *professionals, f listFacts, lines []Line, rep model.SyncReport, from int) <-chan checkedBatch {
	out := make(chan checkedBatch, 1)
	to := min(from+s.batch(), len(lines))
	go func() {
		b, fresh, err := s.checkBatch(ctx, c, ps, f, lines, rep, from, to)
		out <- checkedBatch{b, fresh, to, err}
	}()
	return out
}

// checkBatch checks lines from..to-1, but those a committed batch refused.
func (s *Service) checkBatch(ctx context.Context, c Caller, ps *professionals, f listFacts, lines []Line, rep model.SyncReport, from, to int) ([]checked, []model.SyncRefusal, error) {
	done := map[int]bool{}
	for _, r := range rep.Refusals {
		done[r.Line-1] = true
	}
	var batch []checked
	var fresh []model.SyncRefusal
	for i := from; i < to; i++ {
		if done[i] {
			continue
		}
		ch, err := s.check(ctx, c, ps, f, lines, i)
		if err != nil {
			return nil, nil, err
		}
		if ch.refusal != nil {
			fresh = append(fresh, *ch.refusal)
			continue
		}
		batch = append(batch, ch)
	}
	return batch, fresh, nil
}

// lineFault is a line that failed inside its batch's transaction.
type lineFault struct {
	index int
	err   error
}

func (e *lineFault) Error() string { return e.err.Error() }
func (e *lineFault) Unwrap() error { return e.err }

// applyLines registers one batch in one transaction, with the report's
// progress: both commit, or neither. A line that fails on its own inside
// the transaction is refused and the batch is run again without it.
func (s *Service) applyLines(ctx context.Context, rep *model.SyncReport, batch []checked, fresh []model.SyncRefusal, to int, dry bool) error {
	for {
		var add model.SyncCounts
		next := *rep
		err := s.DB.Update(ctx, func(tx *storage.Tx) error {
			add = model.SyncCounts{Refused: len(fresh)}
			now := s.Now()
			return s.OneMailEach(ctx, tx, s.event(rep.ID, dry), func(ctx context.Context) error {
				for _, ch := range batch {
					res, _, err := s.Registrations.RegisterInTx(ctx, tx, ch.actor, ch.prep, now)
					if err != nil {
						return &lineFault{ch.index, err}
					}
					count(&add, res)
				}
				next.DoneLines = to
				next.Refusals = append(slices.Clone(rep.Refusals), fresh...)
				if to == rep.Lines && rep.Complete {
					next.Status = model.SyncEnding
				}
				if dry {
					return errDryRun
				}
				return s.advance(ctx, tx, next, rep.Step, add)
			})
		})
		var lf *lineFault
		if errors.As(err, &lf) && isLineFault(lf.err) {
			fresh = insertRefusal(fresh, *refusal(lf.index, lf.err))
			batch = slices.DeleteFunc(batch, func(ch checked) bool { return ch.index == lf.index })
			continue
		}
		if err != nil && !(dry && errors.Is(err, errDryRun)) {
			return err
		}
		next.Step = rep.Step + 1
		next.Counts.Add(add)
		*rep = next
		return nil
	}
}

// advance records a committed batch, or rolls it back when another worker
// committed this step of the same synchronisation first.
func (s *Service) advance(ctx context.Context, tx *storage.Tx, next model.SyncReport, step int, add model.SyncCounts) error {
	ok, err := tx.AdvanceSync(ctx, next, step, add)
	if err == nil && !ok {
		return errLostRace
	}
	return err
}

// insertRefusal keeps the refusals in line order.
func insertRefusal(rs []model.SyncRefusal, r model.SyncRefusal) []model.SyncRefusal {
	i, _ := slices.BinarySearchFunc(rs, r.Line, func(a model.SyncRefusal, line int) int { return a.Line - line })
	return slices.Insert(rs, i, r)
}

func count(c *model.SyncCounts, res registration.Registered) {
	switch {
	case res.Created:
		c.Created++
	case res.EndDateChanged || res.InformedChanged:
		c.Updated++
	default:
		c.Unchanged++
	}
}

// event is one batch as an event: its e-mails are held for the end of the
// synchronisation (finish), each professional's then going as one.
func (s *Service) event(syncID int64, dry bool) usecase.Event {
	ev := mailEvent()
	ev.Hold = func(ctx context.Context, tx *storage.Tx, email string, m model.Message) error {
		if dry {
			return nil
		}
		return tx.HoldSyncMail(ctx, syncID, m.ID, email)
	}
	return ev
}

// mailEvent orders a synchronisation's e-mails as one registration's: the
// match first. Nobody saw the answer line by line, so all is mailed.
func mailEvent() usecase.Event { return usecase.Event{Lead: []string{registration.KindMatch}} }
