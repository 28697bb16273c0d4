package storage

import (
	"context"
	"database/sql"
	"strings"
	"sync"
)

// statementCache keeps SQLite's prepared statements. SQLite compiles a
// statement every time it runs unless it is kept, and compiling the joins of
// a registration costs more than running them. A statement is prepared once
// per connection and reused by every later transaction on it.
//
// A statement is first seen inside a transaction, which holds the only write
// connection; it is prepared for keeps only after that transaction ends, so
// preparing never waits for the connection the caller itself holds.
//
// Only statements with parameters are kept: running a kept statement while
// an earlier run of it is still being read fails loudly in SQLite (binding a
// busy statement), where a statement without parameters would quietly go on
// with the earlier rows.
type statementCache struct {
	pool   *sql.DB
	mu     sync.Mutex
	byText map[string]*sql.Stmt
	wanted map[string]bool
}

// maxStatements bounds the cache; the code has far fewer distinct statements.
const maxStatements = 1000

func newStatementCache(pool *sql.DB) *statementCache {
	return &statementCache{pool: pool, byText: map[string]*sql.Stmt{}, wanted: map[string]bool{}}
}

// get returns the kept statement for query, or nil (and notes it is wanted).
func (c *statementCache) get(query string) *sql.Stmt {
	if c == nil || !strings.Contains(query, "$") {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s := c.byText[query]; s != nil {
		return s
	}
	if len(c.byText)+len(c.wanted) < maxStatements {
		c.wanted[query] = true
	}
	return nil
}

// prepareWanted prepares the statements seen since the last call. Called
// when no transaction of the caller holds a connection.
func (c *statementCache) prepareWanted(ctx context.Context) {
	if c == nil {
		return
	}
	c.mu.Lock()
	if len(c.wanted) == 0 {
		c.mu.Unlock()
		return
	}
	queries := make([]string, 0, len(c.wanted))
	for q := range c.wanted {
		queries = append(queries, q)
	}
	clear(c.wanted)
	c.mu.Unlock()
	for _, q := range queries {
		s, err := c.pool.PrepareContext(ctx, q)
		if err != nil {
			continue // it runs unprepared, as before; the error shows when it does
		}
		c.mu.Lock()
		if c.byText[q] == nil {
			c.byText[q] = s
			s = nil
		}
		c.mu.Unlock()
		if s != nil {
			s.Close()
		}
	}
}

func (c *statementCache) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.byText {
		s.Close()
	}
	clear(c.byText)
}
