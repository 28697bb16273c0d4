package outbox_test

import (
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/outbox"
)

func TestBackoffStartsAtTenSecondsAndDoublesToAnHour(t *testing.T) {
	want := []time.Duration{10 * time.Second, 20 * time.Second, 40 * time.Second, 80 * time.Second, 160 * time.Second}
	for i, d := range want {
		if got := outbox.Backoff(i + 1); got != d {
			t.Errorf("Backoff(%d) = %v, want %v", i+1, got, d)
		}
	}
	for n := 2; n <= 100; n++ {
		prev, got := outbox.Backoff(n-1), outbox.Backoff(n)
		if got != min(2*prev, time.Hour) {
			t.Errorf("Backoff(%d) = %v after %v, want it doubled up to an hour", n, got, prev)
		}
	}
}

func TestBackoffIsCappedAtAnHourHoweverManyAttempts(t *testing.T) {
	for _, n := range []int{10, 11, 100, 1 << 30} {
		if got := outbox.Backoff(n); got != time.Hour {
			t.Errorf("Backoff(%d) = %v, want 1h", n, got)
		}
	}
}

// The workers reset their count of attempts when a delivery succeeds; the
// first failure after that, and a count that was never raised, wait the
// shortest time again.
func TestBackoffStartsOverAfterTheCountIsReset(t *testing.T) {
	for _, n := range []int{-1, 0, 1} {
		if got := outbox.Backoff(n); got != 10*time.Second {
			t.Errorf("Backoff(%d) = %v, want 10s", n, got)
		}
	}
}
