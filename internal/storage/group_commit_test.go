package storage_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// Changes made at the same moment share commits on SQLite, yet each commits
// entirely or not at all, on its own: a failing or panicking change takes
// nothing else with it, and its caller gets its own error or panic.
func TestConcurrentChangesCommitOrFailOnTheirOwn(t *testing.T) {
	db, path := testenv.MustOpenDB(t)
	ctx := context.Background()
	const n = 40
	release := make(chan struct{})
	var started sync.WaitGroup
	started.Add(n)
	errs := make([]error, n)
	panics := make([]any, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { panics[i] = recover() }()
			started.Done()
			errs[i] = db.Update(ctx, func(tx *storage.Tx) error {
				if i == 0 {
					<-release // the others queue up behind this one
				}
				if err := tx.SetSetting(ctx, fmt.Sprintf("groep-%02d", i), "ja"); err != nil {
					return err
				}
				switch i % 10 {
				case 3:
					return errors.New("deze wijziging gaat niet door")
				case 7:
					panic("deze wijziging breekt af")
				}
				return nil
			})
		}()
	}
	started.Wait()
	time.Sleep(50 * time.Millisecond) // let the others reach the committer
	close(release)
	wg.Wait()

	for i := range n {
		var got string
		err := db.View(ctx, func(tx *storage.Tx) error {
			var err error
			got, err = tx.Setting(ctx, fmt.Sprintf("groep-%02d", i))
			return err
		})
		switch i % 10 {
		case 3:
			if errs[i] == nil || errs[i].Error() != "deze wijziging gaat niet door" {
				t.Errorf("change %d: error %v, want its own", i, errs[i])
			}
			if got != "" || err != nil {
				t.Errorf("change %d failed but left %q (%v)", i, got, err)
			}
		case 7:
			if p, _ := panics[i].(string); !strings.Contains(p, "deze wijziging breekt af") {
				t.Errorf("change %d: panic %v, want its own in the caller", i, panics[i])
			}
			if got != "" || err != nil {
				t.Errorf("change %d panicked but left %q (%v)", i, got, err)
			}
		default:
			if errs[i] != nil || panics[i] != nil || got != "ja" {
				t.Errorf("change %d: error %v, panic %v, stored %q; want it committed", i, errs[i], panics[i], got)
			}
		}
	}
	if testenv.Postgres() {
		return
	}
	s := db.GroupStats()
	if s.Changes < n || s.Commits >= s.Changes {
		t.Errorf("%d changes in %d commits; want changes made together to share commits", s.Changes, s.Commits)
	}
	// And it is all on disk: a fresh open sees the same.
	db.Close()
	again, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	var count int
	again.View(ctx, func(tx *storage.Tx) error {
		for i := range n {
			if v, _ := tx.Setting(ctx, fmt.Sprintf("groep-%02d", i)); v == "ja" {
				count++
			}
		}
		return nil
	})
	if want := n - 2*n/10; count != want {
		t.Errorf("after reopening %d changes are there, want %d", count, want)
	}
}

// A caller that has gone away before its change's turn does not get it
// made; one that goes away while its change runs does not undo the others.
func TestCancelledChangeIsNotMadeAndHarmsNoOther(t *testing.T) {
	db, _ := testenv.MustOpenDB(t)
	ctx := context.Background()
	release := make(chan struct{})
	running := make(chan struct{})
	first := make(chan error, 1)
	go func() {
		first <- db.Update(ctx, func(tx *storage.Tx) error {
			close(running)
			<-release
			return tx.SetSetting(ctx, "eerste", "ja")
		})
	}()
	<-running
	gone, cancel := context.WithCancel(ctx)
	second := make(chan error, 1)
	go func() {
		second <- db.Update(gone, func(tx *storage.Tx) error { return tx.SetSetting(gone, "tweede", "ja") })
	}()
	cancel()
	close(release)
	if err := <-first; err != nil {
		t.Fatalf("first change: %v", err)
	}
	if err := <-second; !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled change: %v, want context.Canceled", err)
	}

	// Cancelled in the middle of its own statements: the change may commit
	// or not, but the group's other change always does.
	mid, cancelMid := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(2)
	var otherErr error
	go func() {
		defer wg.Done()
		db.Update(mid, func(tx *storage.Tx) error {
			cancelMid()
			return tx.SetSetting(mid, "midden", "ja")
		})
	}()
	go func() {
		defer wg.Done()
		otherErr = db.Update(ctx, func(tx *storage.Tx) error { return tx.SetSetting(ctx, "ander", "ja") })
	}()
	wg.Wait()
	if otherErr != nil {
		t.Errorf("other change: %v", otherErr)
	}
	db.View(ctx, func(tx *storage.Tx) error {
		for name, want := range map[string]bool{"eerste": true, "tweede": false, "ander": true} {
			v, _ := tx.Setting(ctx, name)
			if (v == "ja") != want {
				t.Errorf("setting %s stored: %v, want %v", name, v == "ja", want)
			}
		}
		return nil
	})
}

// After Close, Update says so instead of waiting for ever.
func TestUpdateAfterCloseFails(t *testing.T) {
	db, _ := testenv.MustOpenDB(t)
	db.Close()
	err := db.Update(context.Background(), func(tx *storage.Tx) error { return nil })
	if err == nil {
		t.Fatal("Update after Close succeeded")
	}
}
