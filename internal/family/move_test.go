package family_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// changed returns RvIG's test set with the record of bsn changed.
func changed(t *testing.T, bsn string, change func(*population.Record)) []population.Record {
	t.Helper()
	records := population.TestPersons()
	for i := range records {
		if records[i].Person.BSN == bsn {
			change(&records[i])
			return records
		}
	}
	t.Fatalf("%s not in the test set", bsn)
	return nil
}

// movedTo puts a record at another address in another municipality.
func movedTo(municipality, postcode string, number int) func(*population.Record) {
	return func(r *population.Record) {
		r.Person.Municipality, r.Person.Postcode = municipality, postcode
		r.Address = population.Address{Street: "Nieuwe Straat", Number: number, Town: "Elders"}
		r.Person.HouseNumber = r.Address.HouseNumber()
	}
}

// Jason (BSNTeen) lives in 0518 's-Gravenhage, 3596CZ 80; his parents in
// 0599 Rotterdam, 3014ZX 26.
var jasonMoves = movedTo("0599", "3014ZX", 26)

// moveToSiblingsAddressInStub serves the test set with bsn living at the
// siblings' address, without parents in common with them.
func moveToSiblingsAddressInStub(t *testing.T, env *testenv.Env, bsn string) {
	t.Helper()
	testenv.BRPStub(t, env, changed(t, bsn, func(r *population.Record) {
		movedTo("0599", "3032CG", 651)(r)
		r.ParentBSNs = nil
	}))
}

func sweep(t *testing.T, env *testenv.Env) {
	t.Helper()
	if _, err := env.Registry.SweepDeadlines(ctx); err != nil {
		t.Fatal(err)
	}
}

func assertMovedMessages(t *testing.T, env *testenv.Env, who usecase.Actor, ref string, want int) {
	t.Helper()
	got := testenv.MessagesOfKind(env.Inbox(t, who), family.KindMoved)
	if len(got) != want {
		t.Fatalf("%s has %d move messages, want %d: %+v", who.Professional.Name, len(got), want, got)
	}
	for _, m := range got {
		if wantSubject := "Jeugdige " + ref + " is verhuisd naar gemeente 0599"; m.Subject != wantSubject {
			t.Errorf("subject %q, want %q", m.Subject, wantSubject)
		}
		if !strings.Contains(m.Body, "0599") || !strings.Contains(m.Body, "0518") {
			t.Errorf("the body does not name the new and old municipality:\n%s", m.Body)
		}
		for _, secret := range []string{"3014", "3596", "Nieuwe Straat", "Elders", "Jason", "Mastenbroek", population.BSNTeen} {
			if strings.Contains(m.Subject+m.Body, secret) {
				t.Errorf("the move message names %q:\n%s\n%s", secret, m.Subject, m.Body)
			}
		}
	}
}

func TestMoveSeenOnARegistrationIsToldOnceToThoseInvolved(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	police := env.Pro(t, env.Org(t, "Politie", model.TypePolitie))
	ref := coordinated(t, env, school, jh, population.BSNTeen).Youth.Reference

	if err := storage.NewLocalRegister(env.DB, env.Keys).Import(ctx, changed(t, population.BSNTeen, jasonMoves), env.Clock.Now()); err != nil {
		t.Fatal(err)
	}
	r := env.Register(t, police, population.BSNTeen, model.KindSignaal)
	if r.Youth.Person.Municipality != "0599" || r.Youth.Person.Postcode != "3014ZX" {
		t.Errorf("after the registration the youth is stored in %s at %s, want 0599 at 3014ZX", r.Youth.Person.Municipality, r.Youth.Person.Postcode)
	}
	assertMovedMessages(t, env, school, ref, 1)
	assertMovedMessages(t, env, jh, ref, 1)
	assertMovedMessages(t, env, police, ref, 0) // it registered at the new address

	// Later lookups that show the same municipality tell nobody again.
	env.Register(t, env.Pro(t, env.Org(t, "GGZ", model.TypeGGZ)), population.BSNTeen, model.KindKetenregistratie)
	sweep(t, env)
	assertMovedMessages(t, env, school, ref, 1)
	assertMovedMessages(t, env, jh, ref, 1)
}

func TestMoveSeenOnTheRefreshIsToldToTheInvolvedAndTheCoordinatorOnce(t *testing.T) {
	env := testenv.New(t)
	testenv.BRPStub(t, env, population.TestPersons())
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	jhOrg := env.Org(t, "Jeugdhulp", model.TypeJeugdhulp)
	jh, coordinator := env.Pro(t, jhOrg), env.Pro(t, jhOrg)
	r := coordinated(t, env, school, jh, population.BSNTeen)
	ref := r.Youth.Reference
	// The coordination is accepted by a colleague who holds no registration.
	raw := testenv.RawDB(t, env)
	if _, err := raw.Exec(`UPDATE coordinations SET status = 'geaccepteerd', professional_id = $1, decided_at = $2, decided_by = $1 WHERE youth_id = $3 AND ended_at IS NULL`,
		coordinator.Professional.ID, env.Clock.Now().UnixMilli(), r.Youth.ID); err != nil {
		t.Fatal(err)
	}

	sweep(t, env) // the register says what is stored: nothing happens
	assertMovedMessages(t, env, school, ref, 0)

	testenv.BRPStub(t, env, changed(t, population.BSNTeen, jasonMoves))
	sweep(t, env)
	for _, who := range []usecase.Actor{school, jh, coordinator} {
		assertMovedMessages(t, env, who, ref, 1)
	}
	p, err := env.Registry.YouthByReference(ctx, school, ref)
	if err != nil {
		t.Fatal(err)
	}
	if p.Youth.Person.Municipality != "0599" || p.Youth.Person.Postcode != "3014ZX" || p.Youth.Person.HouseNumber != "26" {
		t.Errorf("after the refresh the youth is stored as %+v, want 0599, 3014ZX 26", p.Youth.Person)
	}
	var addressHash []byte
	if err := raw.QueryRow(`SELECT address_hash FROM youths WHERE id = $1`, r.Youth.ID).Scan(&addressHash); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(addressHash, storage.AddressKey(env.Keys, "3014ZX", "26")) {
		t.Error("the refresh did not store the new address hash")
	}
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM audit_log WHERE action = 'update' AND object_type = 'jeugdige' AND actor_role = 'systeem' AND youth_reference = $1`, ref); n != 1 {
		t.Errorf("%d audit records of the refresh, want 1", n)
	}

	sweep(t, env)
	for _, who := range []usecase.Actor{school, jh, coordinator} {
		assertMovedMessages(t, env, who, ref, 1)
	}
}

func TestRefreshWithTheRegisterDownChangesNothing(t *testing.T) {
	env := testenv.New(t)
	srv := testenv.BRPStub(t, env, population.TestPersons())
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	r := coordinated(t, env, school, jh, population.BSNTeen)
	srv.Close()

	raw := testenv.RawDB(t, env)
	tables := []string{"youths", "registrations", "coordinations", "messages", "outbox", "audit_log"}
	before := map[string]int{}
	for _, tb := range tables {
		before[tb] = testenv.Count(t, raw, tb)
	}
	var person []byte
	raw.QueryRow(`SELECT person FROM youths WHERE id = $1`, r.Youth.ID).Scan(&person)

	if _, err := env.Registry.SweepDeadlines(ctx); err != nil {
		t.Fatalf("the sweep failed with the register down: %v", err)
	}
	if _, err := env.Registry.SweepAll(ctx); err != nil {
		t.Fatalf("every sweep failed with the register down: %v", err)
	}
	for _, tb := range tables {
		if n := testenv.Count(t, raw, tb); n != before[tb] {
			t.Errorf("%s: %d rows after the refresh with the register down, %d before", tb, n, before[tb])
		}
	}
	var after []byte
	raw.QueryRow(`SELECT person FROM youths WHERE id = $1`, r.Youth.ID).Scan(&after)
	if !bytes.Equal(person, after) {
		t.Error("the youth's snapshot changed with the register down")
	}
}

func TestRefreshLooksUpABoundedBatchOfYouthsPerRun(t *testing.T) {
	family.SetRefreshBatch(t, 1)
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	jason := env.Register(t, school, population.BSNTeen, model.KindSignaal).Youth
	vincent := env.Register(t, school, population.BSNChild, model.KindSignaal).Youth
	records := changed(t, population.BSNTeen, jasonMoves)
	for i := range records {
		if records[i].Person.BSN == population.BSNChild {
			movedTo("0599", "3011AA", 1)(&records[i])
		}
	}
	if err := storage.NewLocalRegister(env.DB, env.Keys).Import(ctx, records, env.Clock.Now()); err != nil {
		t.Fatal(err)
	}
	told := func() map[int64]int {
		out := map[int64]int{}
		for _, m := range testenv.MessagesOfKind(env.Inbox(t, school), family.KindMoved) {
			out[m.YouthID]++
		}
		return out
	}
	for i, want := range []map[int64]int{
		{jason.ID: 1},
		{jason.ID: 1, vincent.ID: 1},
		{jason.ID: 1, vincent.ID: 1},
	} {
		sweep(t, env)
		got := told()
		if len(got) != len(want) || got[jason.ID] != want[jason.ID] || got[vincent.ID] != want[vincent.ID] {
			t.Fatalf("after sweep %d: move messages per youth %v, want %v", i+1, got, want)
		}
	}
}

// Any lookup of a known youth shows a move, also a client system resending a
// registration that exists already: it stores no registration, but keeps
// the register's snapshot and tells the organisation once.
func TestAResentRegistrationAlsoReportsAMove(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	ref := env.Register(t, school, population.BSNTeen, model.KindSignaal).Youth.Reference
	if err := storage.NewLocalRegister(env.DB, env.Keys).Import(ctx, changed(t, population.BSNTeen, jasonMoves), env.Clock.Now()); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if r := env.Register(t, school, population.BSNTeen, model.KindSignaal); r.Created {
			t.Fatal("the resend made a new registration")
		}
	}
	assertMovedMessages(t, env, school, ref, 1)
	var municipality string
	env.DB.View(ctx, func(tx *storage.Tx) error {
		y, err := tx.YouthByReference(ctx, ref)
		municipality = y.Municipality
		return err
	})
	if municipality != "0599" {
		t.Errorf("stored municipality %s, want 0599", municipality)
	}
}

// downRegister is a population register that cannot be reached.
type downRegister struct{ lookups int }

func (d *downRegister) Lookup(context.Context, string) (model.Person, error) {
	d.lookups++
	return model.Person{}, model.Errorf(model.EUNAVAILABLE, "De basisregistratie personen (BRP) is nu niet bereikbaar.")
}

// During an outage each run waits for the register once, not once per youth,
// and the next run tries the next youth, so every youth comes round again.
func TestAnUnreachableRegisterCostsTheRefreshOneLookupPerRun(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	for _, bsn := range []string{population.BSNTeen, population.BSNChild, population.BSNSibling1} {
		env.Register(t, school, bsn, model.KindSignaal)
	}
	down := &downRegister{}
	env.Registry.Population = down
	for run := 1; run <= 3; run++ {
		sweep(t, env)
		if down.lookups != run {
			t.Fatalf("after %d runs with the register down: %d lookups, want %d", run, down.lookups, run)
		}
	}
	// The register is back: the run after the outage goes on from where it was.
	env.Registry.Population = storage.NewLocalRegister(env.DB, env.Keys)
	if err := storage.NewLocalRegister(env.DB, env.Keys).Import(ctx, changed(t, population.BSNTeen, jasonMoves), env.Clock.Now()); err != nil {
		t.Fatal(err)
	}
	sweep(t, env)
	if got := testenv.MessagesOfKind(env.Inbox(t, school), family.KindMoved); len(got) != 1 {
		t.Errorf("%d move messages after the register came back, want 1", len(got))
	}
}
