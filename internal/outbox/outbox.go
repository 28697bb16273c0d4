// Package outbox is what the two outbox workers share, the mail (package
// notify) and the webhooks (package webhook): the loop of rounds they run
// in the background and the back-off between attempts of one delivery.
package outbox

import (
	"context"
	"time"
)

// Backoff is the wait before attempt n+1: 10 s, 20 s, 40 s … at most an
// hour. A delivery is never given up on while the failure may pass; the
// caller counts the attempts of the current run of failures, so after a
// success the next failure waits 10 s again.
func Backoff(attempt int) time.Duration {
	d := 10 * time.Second
	for i := 1; i < attempt && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}

// Run calls round every interval until ctx ends. A round that delivered
// something without error is followed at once by the next, so a backlog
// drains without waiting; an idle or failed round waits the interval.
// A failure is handed to failed, unless it came from ctx ending.
func Run(ctx context.Context, interval time.Duration, round func(context.Context) (int, error), failed func(error)) {
	run(ctx, interval, round, failed, time.After)
}

// run is Run with the clock's wait as a parameter, so a test can step the
// loop without sleeping.
func run(ctx context.Context, interval time.Duration, round func(context.Context) (int, error), failed func(error), after func(time.Duration) <-chan time.Time) {
	for ctx.Err() == nil {
		n, err := round(ctx)
		if err != nil && ctx.Err() == nil {
			failed(err)
		}
		if n > 0 && err == nil {
			continue
		}
		select {
		case <-ctx.Done():
		case <-after(interval):
		}
	}
}
