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

// Two counts slow guessing down, and they do different things.
//
// The account's count comes first: while an account is locked nobody logs in
// to it, from anywhere, so its password and its codes are not guessed.
//
// The address's count is against one address trying many accounts. It never
// locks anyone out: colleagues may share an office's address, and one of them
// (or a stranger on the same network) must not keep the others out. While an
// address is locked ("suspect") the login only stops telling: the password
// step answers alike whether the password was right or not, and only a right
// password together with a right second factor logs in. A failure there is
// not told apart from any other, and ends the attempt. So a guesser at a
// suspect address learns nothing from a right password alone, while a
// colleague who knows both gets in as always.
var (
	// accountPolicy protects one account against guessing its password or code.
	accountPolicy = throttlePolicy{free: 5, base: time.Minute, max: time.Hour, forget: 24 * time.Hour}
	// addressPolicy marks an address suspect after many failures on any accounts.
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

// lockedAccount returns an ETOOMANY error, with the wait, while the account
// key is locked.
func lockedAccount(ctx context.Context, tx *storage.Tx, now time.Time, account string) error {
	t, err := tx.Throttle(ctx, account)
	if err != nil {
		return err
	}
	if wait := t.LockedUntil.Sub(now); wait > 0 {
		mins := int(math.Ceil(wait.Minutes()))
		return model.Errorf(model.ETOOMANY, "Te veel mislukte pogingen. Probeer het over %s opnieuw.", minutes(mins))
	}
	return nil
}

// suspect reports whether an address key is locked: logins from there must
// then prove both steps before anything is told.
func suspect(ctx context.Context, tx *storage.Tx, now time.Time, addr string) (bool, error) {
	t, err := tx.Throttle(ctx, addr)
	return err == nil && now.Before(t.LockedUntil), err
}

func minutes(n int) string {
	if n == 1 {
		return "1 minuut"
	}
	return fmt.Sprintf("%d minuten", n)
}

// countFailure counts one failure under the account and one under the
// address; an empty key is not counted.
func countFailure(ctx context.Context, tx *storage.Tx, now time.Time, account, addr string) error {
	for _, x := range []struct {
		key string
		pol throttlePolicy
	}{{account, accountPolicy}, {addr, addressPolicy}} {
		if x.key == "" {
			continue
		}
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
