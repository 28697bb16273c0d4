package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"
)

// Group commit (SQLite). SQLite has one writer, and a durable commit waits
// for the disk; one commit per registration caps the whole region at the
// disk's commit rate. So on SQLite every DB.Update is handed to one
// committer goroutine, which runs the changes that are waiting together in
// one transaction, each inside a savepoint of its own, and commits them with
// one sync of the write-ahead log.
//
// Each change still commits entirely or not at all: a change that fails
// (or panics) is rolled back to its savepoint and its caller gets its own
// error, while the others in the group go on. Update returns only after the
// group's commit reached the disk, so a caller never acts on a change that a
// crash could still undo. When the commit itself fails, every change in the
// group is rolled back and every caller gets that error.
//
// A statement inside a group never sees its caller's cancellation: SQLite
// answers an interrupted write by rolling back the whole transaction, which
// would take the group's other changes with it. A change whose caller has
// gone away before its turn is not run at all.

// maxGroup bounds how many changes share one commit, and so how long the
// last of them waits.
const maxGroup = 64

type change struct {
	ctx  context.Context
	fn   func(*Tx) error
	done chan changeResult
}

type changeResult struct {
	err      error
	panicked any
	stack    []byte
}

// errClosed is returned by Update after Close.
var errClosed = errors.New("store: database is closed")

// startGroupCommit starts the committer; Close stops it.
func (db *DB) startGroupCommit() {
	db.changes = make(chan *change)
	db.closing = make(chan struct{})
	db.stopped = make(chan struct{})
	go db.commitGroups()
}

// submit hands a change to the committer and waits for its outcome.
func (db *DB) submit(ctx context.Context, fn func(*Tx) error) error {
	c := &change{ctx: ctx, fn: fn, done: make(chan changeResult, 1)}
	select {
	case db.changes <- c:
	case <-ctx.Done():
		return ctx.Err()
	case <-db.closing:
		return errClosed
	}
	res := <-c.done // always answered, also when the group fails
	if res.panicked != nil {
		panic(fmt.Sprintf("%v\n\nin a grouped transaction:\n%s", res.panicked, res.stack))
	}
	return res.err
}

func (db *DB) commitGroups() {
	defer close(db.stopped)
	for {
		var first *change
		select {
		case first = <-db.changes:
		case <-db.closing:
			return
		}
		db.commitGroup(first)
		db.writeStmts.prepareWanted(context.Background()) // the connection is free again
	}
}

// commitGroup runs first and whatever else is waiting, up to maxGroup, in
// one transaction.
func (db *DB) commitGroup(first *change) {
	start := time.Now()
	group := []*change{first}
	results := make([]changeResult, 0, maxGroup)
	answer := func(err error) { // the whole group failed: nothing of it commits
		for i, c := range group {
			if i < len(results) && (results[i].err != nil || results[i].panicked != nil) {
				c.done <- results[i] // its own failure says more
				continue
			}
			c.done <- changeResult{err: err}
		}
	}
	tx, err := db.write.BeginTx(context.Background(), nil)
	if err != nil {
		answer(fmt.Errorf("store: unable to begin transaction: %w", err))
		return
	}
	defer tx.Rollback() // a no-op after Commit
	for i := 0; i < len(group); i++ {
		res := db.runChange(tx, group[i])
		results = append(results, res)
		if errors.Is(res.err, errGroupLost) {
			answer(res.err)
			return
		}
		if len(group) < maxGroup {
			select {
			case c := <-db.changes:
				group = append(group, c)
			default:
			}
		}
	}
	if err := tx.Commit(); err != nil {
		answer(fmt.Errorf("store: unable to commit: %w", err))
		return
	}
	db.groups.add(len(group), time.Since(start))
	for i, c := range group {
		c.done <- results[i]
	}
}

// errGroupLost means the transaction of a group is gone: SQLite rolled it
// back by itself (a full disk, an I/O error), so no change of it commits.
var errGroupLost = errors.New("store: the transaction was rolled back")

// runChange runs one change inside a savepoint of the group's transaction.
func (db *DB) runChange(sqlTx *sql.Tx, c *change) (res changeResult) {
	if err := c.ctx.Err(); err != nil {
		return changeResult{err: err} // its caller has gone: do not start it
	}
	ctx := context.WithoutCancel(c.ctx)
	if _, err := sqlTx.ExecContext(ctx, `SAVEPOINT change`); err != nil {
		return changeResult{err: fmt.Errorf("%w: %v", errGroupLost, err)}
	}
	t := &Tx{tx: sqlTx, engine: db.engine, grouped: true, stmts: db.writeStmts}
	func() {
		defer func() {
			if p := recover(); p != nil {
				res = changeResult{panicked: p, stack: debug.Stack()}
			}
		}()
		if err := c.fn(t); err != nil {
			res.err = err
			return
		}
		res.err = t.appendQueuedAudit(ctx)
	}()
	if res.err == nil && res.panicked == nil {
		if _, err := sqlTx.ExecContext(ctx, `RELEASE change`); err != nil {
			return changeResult{err: fmt.Errorf("%w: %v", errGroupLost, err)}
		}
		return res
	}
	// Undo this change only. When SQLite has already rolled the whole
	// transaction back, the savepoint is gone and so is the group.
	if _, err := sqlTx.ExecContext(ctx, `ROLLBACK TO change`); err != nil {
		return changeResult{err: fmt.Errorf("%w: %v (after: %v)", errGroupLost, err, res.err)}
	}
	if _, err := sqlTx.ExecContext(ctx, `RELEASE change`); err != nil {
		return changeResult{err: fmt.Errorf("%w: %v", errGroupLost, err)}
	}
	return res
}

// GroupStats says how the commits were shared since the database was opened.
type GroupStats struct {
	Commits, Changes int64
	Busy             time.Duration // time spent running groups, commits included
}

type groupStats struct {
	mu sync.Mutex
	s  GroupStats
}

func (g *groupStats) add(changes int, busy time.Duration) {
	g.mu.Lock()
	g.s.Commits++
	g.s.Changes += int64(changes)
	g.s.Busy += busy
	g.mu.Unlock()
}

// GroupStats returns the group commit figures (zero on PostgreSQL, which
// commits each change by itself).
func (db *DB) GroupStats() GroupStats {
	db.groups.mu.Lock()
	defer db.groups.mu.Unlock()
	return db.groups.s
}
