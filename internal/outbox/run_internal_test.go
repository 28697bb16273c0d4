package outbox

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

// script is a worker whose rounds return what the test says, in order.
type script struct {
	results []result
	rounds  int
}

type result struct {
	n   int
	err error
}

func (s *script) round(context.Context) (int, error) {
	r := s.results[s.rounds]
	s.rounds++
	return r.n, r.err
}

func TestRunGoesOnAtOnceAfterARoundThatDelivered(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s := &script{results: []result{{3, nil}, {1, nil}, {0, nil}}}
	var waitedAfter []int
	after := func(time.Duration) <-chan time.Time {
		waitedAfter = append(waitedAfter, s.rounds)
		cancel() // stop at the first wait
		return nil
	}
	run(ctx, time.Minute, s.round, func(error) {}, after)
	if s.rounds != 3 || !slices.Equal(waitedAfter, []int{3}) {
		t.Fatalf("ran %d rounds and waited after rounds %v; want 3 rounds, the first wait after the idle third", s.rounds, waitedAfter)
	}
}

func TestRunWaitsTheIntervalAfterAnIdleOrFailedRound(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	down := errors.New("server down")
	s := &script{results: []result{{0, nil}, {2, down}, {0, down}}}
	var waitedAfter []int
	var waits []time.Duration
	after := func(d time.Duration) <-chan time.Time {
		waitedAfter = append(waitedAfter, s.rounds)
		waits = append(waits, d)
		if s.rounds == len(s.results) {
			cancel()
		}
		ready := make(chan time.Time, 1)
		ready <- time.Time{}
		return ready
	}
	var failures []error
	run(ctx, 7*time.Second, s.round, func(err error) { failures = append(failures, err) }, after)
	if !slices.Equal(waitedAfter, []int{1, 2, 3}) {
		t.Errorf("waited after rounds %v, want after each of 1, 2 and 3 (idle, failed with deliveries, failed)", waitedAfter)
	}
	for _, d := range waits {
		if d != 7*time.Second {
			t.Errorf("waited %v, want the interval 7s", d)
		}
	}
	if len(failures) != 2 || failures[0] != down || failures[1] != down {
		t.Errorf("failures reported %v, want the two of rounds 2 and 3", failures)
	}
}

func TestRunStopsWhenTheContextEndsDuringTheWait(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	waiting := make(chan struct{})
	after := func(time.Duration) <-chan time.Time {
		close(waiting)
		return nil // never fires: only the context can end this wait
	}
	rounds := 0
	round := func(context.Context) (int, error) {
		rounds++
		return 0, nil
	}
	done := make(chan struct{})
	go func() {
		run(ctx, time.Hour, round, func(error) {}, after)
		close(done)
	}()
	<-waiting
	cancel()
	<-done
	if rounds != 1 {
		t.Errorf("ran %d rounds, want 1: none after the context ended", rounds)
	}
}

// A round cut short by the stop returns the context's error; that is the
// stop, not a failure to log.
func TestRunDoesNotReportARoundCutShortByTheStop(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	inRound := make(chan struct{})
	round := func(ctx context.Context) (int, error) {
		close(inRound)
		<-ctx.Done()
		return 0, ctx.Err()
	}
	var failures []error
	done := make(chan struct{})
	go func() {
		run(ctx, time.Hour, round, func(err error) { failures = append(failures, err) }, func(time.Duration) <-chan time.Time { return nil })
		close(done)
	}()
	<-inRound
	cancel()
	<-done
	if len(failures) != 0 {
		t.Errorf("reported %v, want nothing: ending the context is not a failure", failures)
	}
}

func TestRunStopsAfterABusyRoundWhenTheContextEnded(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	rounds := 0
	round := func(context.Context) (int, error) {
		rounds++
		cancel() // told to stop during a round that still delivered something
		return 1, nil
	}
	run(ctx, time.Hour, round, func(error) {}, func(time.Duration) <-chan time.Time { return nil })
	if rounds != 1 {
		t.Errorf("ran %d rounds, want 1", rounds)
	}
}
