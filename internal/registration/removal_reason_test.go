package registration_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// A registration made in error is removed only with a reason from the fixed
// list; the reason is in the audit trail, and a missing or unknown one
// removes nothing.
func TestRemovalInErrorNeedsAReasonFromTheList(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	reg := env.Register(t, school, population.BSNTeen, model.KindSignaal).Registration
	ctx := t.Context()
	db := testenv.RawDB(t, env)

	testenv.AssertInvalid(t, env.Registry.Registrations.RemoveInError(ctx, school, reg.ID, ""), "reden", "Kies waarom")
	testenv.AssertInvalid(t, env.Registry.Registrations.RemoveInError(ctx, school, reg.ID, "geen-zin"), "reden", "Onbekende reden")
	if n := testenv.CountWhere(t, db, `SELECT count(*) FROM registrations WHERE id = $1`, reg.ID); n != 1 {
		t.Fatal("a removal without a valid reason removed the registration")
	}
	if err := env.Registry.Registrations.RemoveInError(ctx, school, reg.ID, model.RemovalDuplicate); err != nil {
		t.Fatal(err)
	}
	if n := testenv.CountWhere(t, db, `SELECT count(*) FROM registrations WHERE id = $1`, reg.ID); n != 0 {
		t.Fatal("the registration is still held")
	}
	if n := testenv.CountWhere(t, db, `SELECT count(*) FROM audit_log WHERE action = 'remove' AND object_id = $1 AND purpose LIKE $2`,
		testenv.Itoa(reg.ID), "%reden: dubbel"); n != 1 {
		t.Errorf("%d audit records of the removal with its reason, want 1", n)
	}
}
