// Package ratelimit slows callers down with token buckets kept in memory, one
// bucket per key (an API token, a client address).
//
// golang.org/x/time/rate does the counting: each key gets its own
// *rate.Limiter. This package exists for what that library leaves to its
// caller: the map from key to limiter, bounded memory, and a clock that tests
// can set (every call passes an explicit time, so the injected now drives it).
//
// Each instance of Jeugdketen counts on its own: with several instances behind
// a load balancer a caller may reach a multiple of the rate. That is by design
// (issue 5 allows it): the limits are there to stop a runaway client system and
// to make guessing tokens slow, not to meter use exactly, and counting per
// instance needs no shared state and no database write per request.
//
// Memory stays bounded: a bucket that has been idle long enough to be full
// again is the same as no bucket, so it is dropped; and the number of buckets
// is capped.
package ratelimit

import (
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// DefaultMaxKeys caps the number of buckets a limiter holds.
const DefaultMaxKeys = 100_000

// Limiter allows each key burst requests at once and rate requests per second
// after that. A nil *Limiter allows everything.
type Limiter struct {
	limit   rate.Limit
	burst   int
	maxKeys int
	now     func() time.Time

	// mu guards the map and makes a check and its wait one consistent step;
	// each rate.Limiter also locks itself, which is cheap when uncontended.
	mu      sync.Mutex
	buckets map[string]*rate.Limiter
	swept   time.Time
}

// New returns a limiter of rate requests per second with bursts of burst.
func New(perSecond float64, burst int) *Limiter {
	return &Limiter{
		limit: rate.Limit(perSecond), burst: max(burst, 1), maxKeys: DefaultMaxKeys, now: time.Now,
		buckets: map[string]*rate.Limiter{},
	}
}

// Allow takes one request from key's bucket. When the bucket is empty it
// takes nothing and returns false and how long until a request is allowed.
func (l *Limiter) Allow(key string) (bool, time.Duration) {
	if l == nil {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.sweep(now)
	b, ok := l.buckets[key]
	if !ok {
		l.makeRoom()
		b = rate.NewLimiter(l.limit, l.burst)
		l.buckets[key] = b
	}
	if !b.AllowN(now, 1) {
		return false, l.wait(b, now)
	}
	return true, 0
}

// Blocked reports, without taking anything, whether key's bucket is empty,
// and if so how long until a request is allowed.
func (l *Limiter) Blocked(key string) (bool, time.Duration) {
	if l == nil {
		return false, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		return false, 0
	}
	now := l.now()
	if b.TokensAt(now) < 1 {
		return true, l.wait(b, now)
	}
	return false, 0
}

// Len is the number of buckets held.
func (l *Limiter) Len() int {
	if l == nil {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}

// wait is how long until b holds a whole token again. It rounds up, where
// rate's own Reservation.Delay rounds down: a client that waits exactly the
// figure it was given (Retry-After) must not be refused by a nanosecond.
func (l *Limiter) wait(b *rate.Limiter, now time.Time) time.Duration {
	missing := 1 - b.TokensAt(now)
	return time.Duration(math.Ceil(missing / float64(l.limit) * float64(time.Second)))
}

// fillTime is how long an empty bucket takes to become full.
func (l *Limiter) fillTime() time.Duration {
	return time.Duration(float64(l.burst) / float64(l.limit) * float64(time.Second))
}

// sweep drops the buckets that are full again, at most once per fill time,
// so its cost is spread over the requests of that period.
func (l *Limiter) sweep(now time.Time) {
	if now.Sub(l.swept) < l.fillTime() {
		return
	}
	l.swept = now
	for key, b := range l.buckets {
		if b.TokensAt(now) >= float64(l.burst) {
			delete(l.buckets, key)
		}
	}
}

// makeRoom drops an arbitrary bucket when the limiter is full. Many callers
// at once (say, addresses from a large IPv6 range) could otherwise grow the
// map without end; forgetting one caller's count is the lesser harm.
func (l *Limiter) makeRoom() {
	if len(l.buckets) < l.maxKeys {
		return
	}
	for key := range l.buckets {
		delete(l.buckets, key)
		return
	}
}
