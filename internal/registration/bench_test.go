package registration_test

import (
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// youthBSNs returns the BSNs of the test persons who are youths on the test day.
func youthBSNs() []string {
	var out []string
	for _, r := range population.TestPersons() {
		if age := model.AgeOn(r.Person.BirthDate, population.TestDay()); age >= 0 && age < 24 {
			out = append(out, r.Person.BSN)
		}
	}
	return out
}

// BenchmarkRegisterTransaction measures one whole registration: register
// lookup, youth lock, match, covenant, audit and messages, committed.
func BenchmarkRegisterTransaction(b *testing.B) {
	env := testenv.New(b)
	registrations := newRegistrations(b, env)
	i := 0
	for b.Loop() {
		a, in := registrations(i)
		if _, err := env.Registry.Registrations.Register(ctx, a, in); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// newRegistrations returns the i-th registration of a benchmark: six care
// organisations registering the test youths in turn, a signal on the first
// round and a new care registration (not a resend) on the second.
func newRegistrations(b *testing.B, env *testenv.Env) func(i int) (usecase.Actor, registration.Registering) {
	var actors []usecase.Actor
	for i, typ := range []model.OrgType{model.TypeJGZ, model.TypeSMW, model.TypeAMW, model.TypeJeugdhulp, model.TypeGGZ, model.TypeWijkteam} {
		actors = append(actors, env.Pro(b, env.Org(b, fmt.Sprint("org", i), typ)))
	}
	bsns := youthBSNs()
	return func(i int) (usecase.Actor, registration.Registering) {
		kind := model.KindSignaal
		if (i/(len(actors)*len(bsns)))%2 == 1 {
			kind = model.KindKetenregistratie
		}
		return actors[i%len(actors)], registration.Registering{BSN: bsns[(i/len(actors))%len(bsns)], Kind: kind}
	}
}

// BenchmarkInvolvements measures the match lookup: who is involved with a youth.
func BenchmarkInvolvements(b *testing.B) {
	env := testenv.New(b)
	var youthID int64
	for i, typ := range []model.OrgType{model.TypeOnderwijs, model.TypeJGZ, model.TypeSMW, model.TypeAMW, model.TypeGI} {
		r := env.Register(b, env.Pro(b, env.Org(b, fmt.Sprint("org", i), typ)), population.BSNTeen, model.KindSignaal)
		youthID = r.Youth.ID
	}
	for b.Loop() {
		err := env.DB.View(ctx, func(tx *storage.Tx) error {
			_, err := tx.Involvements(ctx, youthID)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRegisterParallel is the registration transaction with many
// professionals at once (b.RunParallel, 16 per core): on SQLite their changes
// share commits (storage/group_commit.go), so ns/op falls well below one
// durable commit. It reports how many changes shared a commit.
func BenchmarkRegisterParallel(b *testing.B) {
	env := testenv.New(b)
	registrations := newRegistrations(b, env)
	var next atomic.Int64
	before := env.DB.GroupStats()
	b.SetParallelism(16)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			a, in := registrations(int(next.Add(1)))
			if _, err := env.Registry.Registrations.Register(ctx, a, in); err != nil {
				b.Error(err)
				return
			}
		}
	})
	after := env.DB.GroupStats()
	if commits := after.Commits - before.Commits; commits > 0 {
		b.ReportMetric(float64(after.Changes-before.Changes)/float64(commits), "changes/commit")
	}
}
