package ratelimit

import (
	"strconv"
	"sync"
	"testing"
	"time"
)

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newAt(rate float64, burst int) (*Limiter, *fakeClock) {
	c := &fakeClock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	l := New(rate, burst)
	l.now = c.now
	return l, c
}

func TestBurstThenRateAndTheWaitUntilTheNextRequest(t *testing.T) {
	l, c := newAt(2, 3) // 2 per second, 3 at once
	for i := range 3 {
		if ok, _ := l.Allow("a"); !ok {
			t.Fatalf("request %d of the burst refused", i+1)
		}
	}
	ok, wait := l.Allow("a")
	if ok || wait != 500*time.Millisecond {
		t.Fatalf("request past the burst: allowed %v, wait %v; want refused, 500ms", ok, wait)
	}
	if blocked, w := l.Blocked("a"); !blocked || w != wait {
		t.Fatalf("Blocked = %v, %v; want true, %v", blocked, w, wait)
	}
	c.advance(500 * time.Millisecond)
	if ok, _ := l.Allow("a"); !ok {
		t.Fatal("refused after the wait it named")
	}
	if ok, _ := l.Allow("a"); ok {
		t.Fatal("a second request allowed where only one had refilled")
	}
}

func TestKeysHaveTheirOwnBuckets(t *testing.T) {
	l, _ := newAt(1, 1)
	l.Allow("a")
	if ok, _ := l.Allow("a"); ok {
		t.Fatal("second request of a allowed")
	}
	if ok, _ := l.Allow("b"); !ok {
		t.Fatal("b refused because a used its bucket")
	}
}

func TestBlockedTakesNothing(t *testing.T) {
	l, _ := newAt(1, 2)
	for range 10 {
		if blocked, _ := l.Blocked("a"); blocked {
			t.Fatal("an unused key is blocked")
		}
	}
	if l.Len() != 0 {
		t.Fatalf("Blocked made %d buckets; it must not hold memory for keys never counted", l.Len())
	}
	l.Allow("a")
	l.Allow("a")
	if blocked, _ := l.Blocked("a"); !blocked {
		t.Fatal("an empty bucket is not blocked")
	}
}

func TestIdleBucketsAreForgotten(t *testing.T) {
	l, c := newAt(10, 10) // full again one second after emptying
	for i := range 1000 {
		l.Allow("caller-" + strconv.Itoa(i))
	}
	if l.Len() != 1000 {
		t.Fatalf("%d buckets, want 1000", l.Len())
	}
	c.advance(2 * time.Second)
	l.Allow("late")
	if l.Len() != 1 {
		t.Fatalf("%d buckets after everyone was idle past the fill time, want only the new one", l.Len())
	}
}

func TestTheNumberOfBucketsIsCapped(t *testing.T) {
	l, _ := newAt(1, 10)
	l.maxKeys = 100
	for i := range 10_000 {
		l.Allow("addr-" + strconv.Itoa(i))
	}
	if l.Len() > 100 {
		t.Fatalf("%d buckets, want at most 100", l.Len())
	}
}

func TestNilLimiterAllowsEverything(t *testing.T) {
	var l *Limiter
	if ok, _ := l.Allow("a"); !ok {
		t.Fatal("nil limiter refused")
	}
	if blocked, _ := l.Blocked("a"); blocked {
		t.Fatal("nil limiter blocked")
	}
}

func TestConcurrentUseIsSafeAndExact(t *testing.T) {
	l := New(0.001, 50) // practically no refill during the test
	var wg sync.WaitGroup
	var mu sync.Mutex
	allowed := 0
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if ok, _ := l.Allow("shared"); ok {
					mu.Lock()
					allowed++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if allowed != 50 {
		t.Fatalf("%d of 160 concurrent requests allowed, want the burst of 50", allowed)
	}
}

// The wait is sent as Retry-After. Rounded down (as rate's own Reservation
// delay is), it is a nanosecond short at some rates, among them those below,
// and a client waiting exactly that long is refused.
func TestWaitingTheNamedDelayIsEnough(t *testing.T) {
	for _, perSecond := range []float64{10.0 / 60, 40.0 / 37, 10.0 / 13, 5.0 / 13, 100.0 / 111, 200.0 / 67} {
		l, c := newAt(perSecond, 1)
		l.Allow("a")
		for i := range 50 {
			ok, wait := l.Allow("a")
			if ok || wait <= 0 {
				t.Fatalf("rate %v, round %d: allowed %v, wait %v; want refused with a wait", perSecond, i, ok, wait)
			}
			c.advance(wait)
			if ok, _ := l.Allow("a"); !ok {
				t.Fatalf("rate %v, round %d: refused after waiting the %v it named", perSecond, i, wait)
			}
		}
	}
}

func TestBucketsNotYetFullAreKept(t *testing.T) {
	l, c := newAt(1, 10) // full again ten seconds after emptying
	l.Allow("other")     // the first sweep; the next is due in ten seconds
	c.advance(5 * time.Second)
	for range 10 {
		l.Allow("busy")
	}
	c.advance(5 * time.Second)
	l.Allow("other") // sweeps: "busy" has only 5 of 10 tokens back
	if l.Len() != 2 {
		t.Fatalf("%d buckets, want busy (not yet full) and other", l.Len())
	}
	for range 5 {
		if ok, _ := l.Allow("busy"); !ok {
			t.Fatal("busy lost the tokens it had back")
		}
	}
	if ok, _ := l.Allow("busy"); ok {
		t.Fatal("busy got a full bucket: its count was forgotten while it was not yet full")
	}
}
