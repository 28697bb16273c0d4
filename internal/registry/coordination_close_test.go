package registry_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registry"
)

func TestClosingEndsCoordinationAndEveryRegistrationAtOnce(t *testing.T) {
	c := newCareCase(t)
	ggz := c.join(t, "GGZ Oost", model.TypeGGZ, model.KindKetenregistratie)
	c.env.Register(t, c.jh, "999996629", model.KindSignaal)
	c.accept(t, c.jh)
	before := map[registry.Actor]int{}
	for _, who := range []registry.Actor{c.school, c.jh, ggz} {
		before[who] = len(c.env.Inbox(t, who))
	}

	closed, err := c.env.Registry.CloseCoordination(ctx, c.jh, c.ref, true)
	if err != nil {
		t.Fatal(err)
	}
	if closed.Registrations != 4 {
		t.Errorf("closing ended %d registrations, want all 4", closed.Registrations)
	}
	db := rawDB(t, c.env)
	if n := countWhere(t, db, `SELECT count(*) FROM registrations WHERE youth_id = $1 AND ended_at IS NULL`, c.youth); n != 0 {
		t.Errorf("%d registrations still active", n)
	}
	if n := countWhere(t, db, `SELECT count(*) FROM registrations WHERE youth_id = $1 AND end_reason = 'afgesloten' AND ended_by = $2`, c.youth, c.jh.Professional.ID); n != 4 {
		t.Errorf("%d registrations ended 'afgesloten' by the coordinator, want 4", n)
	}
	if got, ok := current(t, c.env, c.youth); ok {
		t.Fatalf("coordination %+v still runs", got)
	}
	h := coordinationHistory(t, c.env, c.youth)
	if len(h) != 1 || h[0].EndReason != model.EndByClosing || h[0].EndedBy != c.jh.Professional.ID {
		t.Fatalf("history %+v, want one coordination ended afgesloten by the coordinator (no covenant decision in between)", h)
	}
	for _, who := range []registry.Actor{c.school, c.jh, ggz} {
		inbox := c.env.Inbox(t, who)
		closedMsgs := messagesOfKind(inbox, registry.KindCoordinationClosed)
		if len(closedMsgs) != 1 || len(inbox)-before[who] != 1 {
			t.Errorf("%s got %d new messages (%d closing), want exactly the one closing message", who.Organisation.Name, len(inbox)-before[who], len(closedMsgs))
		}
	}
	if n := countWhere(t, db, `SELECT count(*) FROM audit_log WHERE youth_reference = $1 AND action = 'end'`, c.ref); n != 5 {
		t.Errorf("%d end records in the audit trail, want 4 registrations and the coordination", n)
	}
	_, err = c.env.Registry.YouthByReference(ctx, c.jh, c.ref)
	wantCode(t, err, model.ENOTFOUND)
}

func TestOnlyTheAcceptedCoordinatorClosesAndOnlyWhenConfirmed(t *testing.T) {
	c := newCareCase(t)
	_, err := c.env.Registry.CloseCoordination(ctx, c.jh, c.ref, true)
	wantCode(t, err, model.ECONFLICT) // not accepted yet
	c.accept(t, c.jh)
	_, err = c.env.Registry.CloseCoordination(ctx, c.school, c.ref, true)
	wantCode(t, err, model.EFORBIDDEN)
	_, err = c.env.Registry.CloseCoordination(ctx, c.jh, c.ref, false)
	assertInvalid(t, err, "bevestigd", "Bevestig")
	if n := countWhere(t, rawDB(t, c.env), `SELECT count(*) FROM registrations WHERE youth_id = $1 AND ended_at IS NULL`, c.youth); n != 2 {
		t.Errorf("%d registrations active after refused closings, want 2", n)
	}
	if _, ok := current(t, c.env, c.youth); !ok {
		t.Error("a refused closing ended the coordination")
	}
}

func TestEveryCoordinationChangeIsAudited(t *testing.T) {
	c, ggz := proposed(t)
	if _, err := c.env.Registry.DeclineHandover(ctx, ggz, c.ref); err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, c.env)
	for _, q := range []struct {
		what string
		by   int64
	}{
		{`object_type = 'coordinatie' AND action = 'update'`, c.jh.Professional.ID}, // accepted
		{`object_type = 'overdracht' AND action = 'create'`, c.jh.Professional.ID},  // proposed
		{`object_type = 'overdracht' AND action = 'update'`, ggz.Professional.ID},   // declined
	} {
		if n := countWhere(t, db, `SELECT count(*) FROM audit_log WHERE youth_reference = $1 AND professional_id = $2 AND `+q.what, c.ref, q.by); n != 1 {
			t.Errorf("%s by %d: %d audit records, want 1", q.what, q.by, n)
		}
	}
}
