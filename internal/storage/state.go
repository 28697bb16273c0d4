package storage

import (
	"context"
	"fmt"
)

// State is the region's size in numbers, for metrics and health.
type State struct {
	ActiveRegistrations  int64
	Matches              int64
	RunningCoordinations int64
	MailPending          int64 // still to deliver
	MailUndelivered      int64 // refused for good by the receiving server
	MailSent             int64
}

// State counts what the region holds now.
func (tx *Tx) State(ctx context.Context) (State, error) {
	var s State
	err := tx.queryRow(ctx, `
		SELECT
			(SELECT count(*) FROM registrations WHERE ended_at IS NULL),
			(SELECT count(*) FROM matches),
			(SELECT count(*) FROM coordinations WHERE ended_at IS NULL),
			(SELECT count(*) FROM outbox WHERE sent_at IS NULL AND undelivered_at IS NULL),
			(SELECT count(*) FROM outbox WHERE undelivered_at IS NOT NULL),
			(SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL)`).
		Scan(&s.ActiveRegistrations, &s.Matches, &s.RunningCoordinations, &s.MailPending, &s.MailUndelivered, &s.MailSent)
	if err != nil {
		return s, fmt.Errorf("store: unable to count state: %w", err)
	}
	return s, nil
}
