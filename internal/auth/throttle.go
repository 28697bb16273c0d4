package auth

import (
	"context"
	"encoding/base64"
	"fmt"
	"math"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// throttlePolicy slows down guessing: after free failures under one key each
// further failure locks the key for base, doubling up to max. Failures older
// than forget are forgotten.
type throttlePolicy struct {
	free      int
	base, max time.Duration
	forget    time.Duration
}

var (
	// accountPolicy protects one account against guessing its password or code.
	accountPolicy = throttlePolicy{free: 5, base: time.Minute, max: time.Hour, forget: 24 * time.Hour}
	// addressPolicy protects all accounts against one address trying many;
	// looser, since colleagues may share an office's address.
	addressPolicy = throttlePolicy{free: 20, base: time.Minute, max: time.Hour, forget: 24 * time.Hour}
)

func (pol throttlePolicy) fail(t storage.Throttle, now time.Time) storage.Throttle {
	if now.Sub(t.LastFailureAt) > pol.forget {
		t.Failures = 0
	}
	t.Failures++
	t.LastFailureAt = now
	if over := t.Failures - pol.free; over >= 0 {
		lock := pol.max
		if over < 30 {
			lock = min(pol.base*time.Duration(1<<over), pol.max)
		}
		t.LockedUntil = now.Add(lock)
	}
	return t
}

// accountKey counts failures for an e-mail address under its keyed hash, for
// addresses that have no account too: the lock then looks the same for both.
func (p *People) accountKey(email string) string {
	return "account:" + base64.RawURLEncoding.EncodeToString(p.Keys.Hash("login", normalizeEmail(email)))
}

func addressKey(addr string) string { return "adres:" + addr }

// locked returns an ETOOMANY error while either key is locked.
func locked(ctx context.Context, tx *storage.Tx, now time.Time, keys ...string) error {
	for _, k := range keys {
		t, err := tx.Throttle(ctx, k)
		if err != nil {
			return err
		}
		if wait := t.LockedUntil.Sub(now); wait > 0 {
			mins := int(math.Ceil(wait.Minutes()))
			return model.Errorf(model.ETOOMANY, "Te veel mislukte pogingen. Probeer het over %s opnieuw.", minutes(mins))
		}
	}
	return nil
}

func minutes(n int) string {
	if n == 1 {
		return "1 minuut"
	}
	return fmt.Sprintf("%d minuten", n)
}

// recordFailure counts a failure under the account and the address.
func (p *People) recordFailure(ctx context.Context, tx *storage.Tx, now time.Time, account, addr string) error {
	for _, x := range []struct {
		key string
		pol throttlePolicy
	}{{account, accountPolicy}, {addr, addressPolicy}} {
		t, err := tx.Throttle(ctx, x.key)
		if err != nil {
			return err
		}
		if err := tx.SaveThrottle(ctx, x.pol.fail(t, now)); err != nil {
			return err
		}
	}
	return nil
}
