package coordination_test

import (
	"context"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

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

// handoverOutcomes lists the outcomes of a youth's handovers, oldest first
// ("" while open).
func handoverOutcomes(t *testing.T, env *testenv.Env, youth int64) []string {
	t.Helper()
	rows, err := testenv.RawDB(t, env).Query(`SELECT coalesce(outcome, '') FROM handovers WHERE youth_id = $1 ORDER BY id`, youth)
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

// ctx is the context of every call in these tests.
var ctx = context.Background()
