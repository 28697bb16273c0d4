package registry_test

import (
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registry"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// careCase is a youth (BSNChild, 9) with a school that signalled and a
// youth-care provider that registered care: the provider coordinates by
// the brabant covenant's oldest-registration rule, assigned, not accepted.
type careCase struct {
	env    *testenv.Env
	school registry.Actor
	jh     registry.Actor
	ref    string
	youth  int64
}

func newCareCase(t *testing.T) careCase {
	t.Helper()
	env := testenv.New(t)
	c := careCase{env: env}
	c.school = env.Pro(t, env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs))
	c.jh = env.Pro(t, env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp))
	env.Register(t, c.school, population.BSNChild, model.KindSignaal)
	r := env.Register(t, c.jh, population.BSNChild, model.KindKetenregistratie)
	if r.Coordinator == nil || r.Coordinator.Organisation.ID != c.jh.Organisation.ID {
		t.Fatalf("coordinator = %+v, want Jeugdhulp Brabant", r.Coordinator)
	}
	c.ref, c.youth = r.Youth.Reference, r.Youth.ID
	return c
}

// join registers another organisation a minute later, so that it joins
// after everything before it.
func (c careCase) join(t *testing.T, name string, typ model.OrgType, kind model.Kind) registry.Actor {
	t.Helper()
	c.env.Clock.Advance(time.Minute)
	a := c.env.Pro(t, c.env.Org(t, name, typ))
	c.env.Register(t, a, population.BSNChild, kind)
	return a
}

// accept accepts the coordination as a, naming a, and fails on error.
func (c careCase) accept(t *testing.T, a registry.Actor) *registry.Coordinator {
	t.Helper()
	v, err := c.env.Registry.AcceptCoordination(ctx, a, c.ref, "")
	if err != nil {
		t.Fatalf("accept by %s: %v", a.Organisation.Name, err)
	}
	return v
}

// current is the youth's running coordination; ok false when there is none.
func current(t *testing.T, env *testenv.Env, youth int64) (model.Coordination, bool) {
	t.Helper()
	var c model.Coordination
	var found bool
	err := env.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		c, err = tx.CurrentCoordination(ctx, youth)
		if err == storage.ErrNotFound {
			return nil
		}
		found = err == nil
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return c, found
}

func mustCurrent(t *testing.T, env *testenv.Env, youth int64) model.Coordination {
	t.Helper()
	c, ok := current(t, env, youth)
	if !ok {
		t.Fatal("no running coordination")
	}
	return c
}

func coordinationHistory(t *testing.T, env *testenv.Env, youth int64) []model.Coordination {
	t.Helper()
	var out []model.Coordination
	if err := env.DB.View(ctx, func(tx *storage.Tx) (err error) {
		out, err = tx.CoordinationHistory(ctx, youth)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// wantCode fails unless err carries the application error code.
func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if model.ErrorCode(err) != code {
		t.Fatalf("error = %v, want %s", err, code)
	}
}

// handoverOutcomes lists the outcomes of a youth's handovers, oldest first
// ("" while open).
func handoverOutcomes(t *testing.T, env *testenv.Env, youth int64) []string {
	t.Helper()
	rows, err := rawDB(t, env).Query(`SELECT coalesce(outcome, '') FROM handovers WHERE youth_id = $1 ORDER BY id`, youth)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			t.Fatal(err)
		}
		out = append(out, o)
	}
	return out
}
