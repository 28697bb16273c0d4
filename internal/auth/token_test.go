package auth_test

import (
	"context"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// A token's last use is kept to the minute, and within that minute an API
// call writes nothing: a read must not wait for the one writer.
func TestTokenUseIsRecordedOnceAMinuteWithoutWritingInBetween(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	plain, hash := auth.NewToken()
	if err := f.env.DB.Update(ctx, func(tx *storage.Tx) error {
		_, err := tx.CreateToken(ctx, hash, f.pro.Professional.ID, 0, f.env.Clock.Now())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	lastUsed := func() *time.Time {
		var tok storage.Token
		f.env.DB.View(ctx, func(tx *storage.Tx) error {
			var err error
			tok, err = tx.TokenByHash(ctx, hash)
			return err
		})
		return tok.LastUsedAt
	}
	call := func() {
		t.Helper()
		if _, err := (auth.Tokens{DB: f.env.DB}).Authenticate(ctx, plain, f.env.Clock.Now()); err != nil {
			t.Fatal(err)
		}
	}
	call()
	first := lastUsed()
	if first == nil || !first.Equal(f.env.Clock.Now()) {
		t.Fatalf("last use %v after the first call at %v", first, f.env.Clock.Now())
	}
	commits := f.env.DB.GroupStats().Commits
	f.env.Clock.Advance(30 * time.Second)
	call()
	call()
	if got := lastUsed(); !got.Equal(*first) {
		t.Errorf("last use moved to %v within the minute", got)
	}
	if !testenv.Postgres() && f.env.DB.GroupStats().Commits != commits {
		t.Errorf("calls within the minute wrote %d transactions", f.env.DB.GroupStats().Commits-commits)
	}
	f.env.Clock.Advance(31 * time.Second)
	call()
	if got := lastUsed(); got == nil || !got.Equal(f.env.Clock.Now()) {
		t.Errorf("last use %v after a call a minute later, at %v", got, f.env.Clock.Now())
	}
}
