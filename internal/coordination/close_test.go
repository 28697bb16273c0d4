package coordination_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

func TestClosingEndsCoordinationAndEveryRegistrationAtOnce(t *testing.T) {
	c := testenv.NewCareCase(t)
	ggz := c.Join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)
	c.Env.Register(t, c.JH, "999996629", model.KindSignaal)
	c.Accept(t, c.JH)
	before := map[usecase.Actor]int{}
	for _, who := range []usecase.Actor{c.School, c.JH, ggz} {
		before[who] = len(c.Env.Inbox(t, who))
	}

	closed, err := c.Env.Registry.Coordinations.CloseCoordination(ctx, c.JH, c.Ref, true)
	if err != nil {
		t.Fatal(err)
	}
	if closed.Registrations != 4 {
		t.Errorf("closing ended %d registrations, want all 4", closed.Registrations)
	}
	db := testenv.RawDB(t, c.Env)
	if n := testenv.CountWhere(t, db, `SELECT count(*) FROM registrations WHERE youth_id = $1 AND ended_at IS NULL`, c.Youth); n != 0 {
		t.Errorf("%d registrations still active", n)
	}
	if n := testenv.CountWhere(t, db, `SELECT count(*) FROM registrations WHERE youth_id = $1 AND end_reason = 'afgesloten' AND ended_by = $2`, c.Youth, c.JH.Professional.ID); n != 4 {
		t.Errorf("%d registrations ended 'afgesloten' by the coordinator, want 4", n)
	}
	if got, ok := testenv.Current(t, c.Env, c.Youth); ok {
		t.Fatalf("coordination %+v still runs", got)
	}
	h := coordinationHistory(t, c.Env, c.Youth)
	if len(h) != 1 || h[0].EndReason != model.EndByClosing || h[0].EndedBy != c.JH.Professional.ID {
		t.Fatalf("history %+v, want one coordination ended afgesloten by the coordinator (no covenant decision in between)", h)
	}
	for _, who := range []usecase.Actor{c.School, c.JH, ggz} {
		inbox := c.Env.Inbox(t, who)
		closedMsgs := testenv.MessagesOfKind(inbox, coordination.KindCoordinationClosed)
		if len(closedMsgs) != 1 || len(inbox)-before[who] != 1 {
			t.Errorf("%s got %d new messages (%d closing), want exactly the one closing message", who.Organisation.Name, len(inbox)-before[who], len(closedMsgs))
		}
	}
	if n := testenv.CountWhere(t, db, `SELECT count(*) FROM audit_log WHERE youth_reference = $1 AND action = 'end'`, c.Ref); n != 5 {
		t.Errorf("%d end records in the audit trail, want 4 registrations and the coordination", n)
	}
	_, err = c.Env.Registry.YouthByReference(ctx, c.JH, c.Ref)
	testenv.WantCode(t, err, model.ENOTFOUND)
}

func TestOnlyTheAcceptedCoordinatorClosesAndOnlyWhenConfirmed(t *testing.T) {
	c := testenv.NewCareCase(t)
	_, err := c.Env.Registry.Coordinations.CloseCoordination(ctx, c.JH, c.Ref, true)
	testenv.WantCode(t, err, model.ECONFLICT) // not accepted yet
	c.Accept(t, c.JH)
	_, err = c.Env.Registry.Coordinations.CloseCoordination(ctx, c.School, c.Ref, true)
	testenv.WantCode(t, err, model.EFORBIDDEN)
	_, err = c.Env.Registry.Coordinations.CloseCoordination(ctx, c.JH, c.Ref, false)
	testenv.AssertInvalid(t, err, "bevestigd", "Bevestig")
	if n := testenv.CountWhere(t, testenv.RawDB(t, c.Env), `SELECT count(*) FROM registrations WHERE youth_id = $1 AND ended_at IS NULL`, c.Youth); n != 2 {
		t.Errorf("%d registrations active after refused closings, want 2", n)
	}
	if _, ok := testenv.Current(t, c.Env, c.Youth); !ok {
		t.Error("a refused closing ended the coordination")
	}
}

func TestEveryCoordinationChangeIsAudited(t *testing.T) {
	c, ggz := proposed(t)
	if _, err := c.Env.Registry.Coordinations.DeclineHandover(ctx, ggz, c.Ref); err != nil {
		t.Fatal(err)
	}
	db := testenv.RawDB(t, c.Env)
	for _, q := range []struct {
		what string
		by   int64
	}{
		{`object_type = 'coordinatie' AND action = 'update'`, c.JH.Professional.ID}, // accepted
		{`object_type = 'overdracht' AND action = 'create'`, c.JH.Professional.ID},  // proposed
		{`object_type = 'overdracht' AND action = 'update'`, ggz.Professional.ID},   // declined
	} {
		if n := testenv.CountWhere(t, db, `SELECT count(*) FROM audit_log WHERE youth_reference = $1 AND professional_id = $2 AND `+q.what, c.Ref, q.by); n != 1 {
			t.Errorf("%s by %d: %d audit records, want 1", q.what, q.by, n)
		}
	}
}
