package storage_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestPanicInATransactionRollsBackAndFreesTheWriter(t *testing.T) {
	db, _ := testenv.MustOpenDB(t)
	ctx := context.Background()
	func() {
		defer func() { recover() }()
		db.Update(ctx, func(tx *storage.Tx) error {
			o := model.Organisation{Name: "Half", Type: model.TypeJGZ, Role: model.RoleZorgaanbieder, Municipality: "Eindhoven", Active: true}
			tx.CreateOrganisation(ctx, &o, time.Now())
			panic("boom")
		})
	}()
	done := make(chan error, 1)
	go func() {
		done <- db.Update(ctx, func(tx *storage.Tx) error {
			list, err := tx.Organisations(ctx)
			if err == nil && len(list) != 0 {
				t.Errorf("the panicking transaction was committed: %+v", list)
			}
			return err
		})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the write connection is still held after a panic")
	}
}

func TestMigrationsApplyOnceAndReopenKeepsData(t *testing.T) {
	db, path := testenv.MustOpenDB(t)
	ctx := context.Background()
	o := model.Organisation{Name: "GGD", Type: model.TypeJGZ, Role: model.RoleZorgaanbieder, Municipality: "Eindhoven", Active: true}
	if err := db.Update(ctx, func(tx *storage.Tx) error { return tx.CreateOrganisation(ctx, &o, time.Now()) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	again, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	again.View(ctx, func(tx *storage.Tx) error {
		got, err := tx.Organisation(ctx, o.ID)
		if err != nil || got.Name != "GGD" {
			t.Fatalf("after reopening: %+v, %v", got, err)
		}
		return nil
	})
}

// TestSchemaRefusesWhatTheDomainForbids protects the fixed lists of codes
// and formats the migrations enforce, on whichever engine the suite runs: a
// bug in the code above them must not be able to store a kind, status or
// reason the domain does not know. Each refusal first runs its insert with an
// allowed value, so a refusal can only come from the one value that differs,
// not from a missing parent row or a column the statement got wrong. Every
// insert is rolled back, so that no case's row meets another's in a unique
// index.
func TestSchemaRefusesWhatTheDomainForbids(t *testing.T) {
	db, path := testenv.MustOpenDB(t)
	ctx := context.Background()
	bad := model.Organisation{Name: "X", Type: "bakker", Role: model.RoleZorgaanbieder, Municipality: "Eindhoven", Active: true}
	err := db.Update(ctx, func(tx *storage.Tx) error { return tx.CreateOrganisation(ctx, &bad, time.Now()) })
	if !isCheckViolation(err) {
		t.Errorf("creating an organisation of the unknown type bakker: %v; want a check constraint violation", err)
	}

	raw := testenv.OpenRaw(t, path)
	id := func(query string, args ...any) int64 {
		t.Helper()
		var n int64
		if err := raw.QueryRow(query, args...).Scan(&n); err != nil {
			t.Fatalf("%.60s…: %v", query, err)
		}
		return n
	}
	org := id(`INSERT INTO organisations (name, type, role, municipality, created_at) VALUES ('SMW', 'smw', 'zorgaanbieder', 'Eindhoven', 0) RETURNING id`)
	pro := id(`INSERT INTO professionals (organisation_id, name, email, phone, created_at) VALUES ($1, 'Fatima', 'fatima@smw.example', '040-7654321', 0) RETURNING id`, org)
	youth := id(`INSERT INTO youths (bsn_hash, reference, person, municipality, created_at) VALUES ($1, 'J-AAAAAAAA', $2, '0772', 0) RETURNING id`, []byte("h"), []byte("p"))
	reg := id(`INSERT INTO registrations (youth_id, organisation_id, professional_id, kind, created_at, expires_on) VALUES ($1, $2, $3, 'signaal', 0, '2028-01-01') RETURNING id`, youth, org, pro)
	// The parent coordination and escalation have ended, so that the allowed
	// inserts below do not meet the one-running-per-youth indexes.
	coord := id(`INSERT INTO coordinations (youth_id, organisation_id, rule, reason, started_at, ended_at, end_reason) VALUES ($1, $2, 'smw', 'SMW', 0, 1, 'afgesloten') RETURNING id`, youth, org)
	esc := id(`INSERT INTO escalations (youth_id, coordination_id, authority, started_by, started_at, ended_at, outcome) VALUES ($1, $2, 'wethouder', $3, 0, 1, 'ingetrokken') RETURNING id`, youth, coord, pro)

	// In each query $1 is the value under test.
	for _, c := range []struct {
		rule, query string
		allowed     any
		forbidden   any
		args        []any
	}{
		{"an organisation is a signaller or a care provider",
			`INSERT INTO organisations (name, type, role, municipality, created_at) VALUES ('Y', 'jgz', $1, 'Eindhoven', 0)`,
			"signaalgever", "toeschouwer", nil},
		{"a registration is a signal or a chain registration",
			`INSERT INTO registrations (youth_id, organisation_id, professional_id, kind, created_at, expires_on) VALUES ($2, $3, $4, $1, 0, '2028-01-01')`,
			"ketenregistratie", "melding", []any{youth, org, pro}},
		{"whether the parents were informed is a fixed code",
			`INSERT INTO registrations (youth_id, organisation_id, professional_id, kind, created_at, expires_on, parents_informed) VALUES ($2, $3, $4, 'ketenregistratie', 0, '2028-01-01', $1)`,
			"niet-informeren-veiligheid", "misschien", []any{youth, org, pro}},
		{"a registration ends for a known reason",
			`INSERT INTO registrations (youth_id, organisation_id, professional_id, kind, created_at, expires_on, ended_at, end_reason) VALUES ($2, $3, $4, 'signaal', 0, '2028-01-01', 1, $1)`,
			"afgesloten", "verveeld", []any{youth, org, pro}},
		{"a registration's term ends on a calendar day",
			`INSERT INTO registrations (youth_id, organisation_id, professional_id, kind, created_at, expires_on) VALUES ($2, $3, $4, 'ketenregistratie', 0, $1)`,
			"2028-01-31", "31-01-2028", []any{youth, org, pro}},
		{"a coordination is assigned, accepted or not needed",
			`INSERT INTO coordinations (youth_id, organisation_id, rule, reason, started_at, status) VALUES ($2, $3, 'smw', 'SMW', 0, $1)`,
			"geaccepteerd", "wachtend", []any{youth, org}},
		{"coordination is not needed only for a fixed reason",
			`INSERT INTO coordinations (youth_id, organisation_id, rule, reason, started_at, status, not_needed_reason) VALUES ($2, $3, 'smw', 'SMW', 0, 'niet-nodig', $1)`,
			"adequate-hulp", "geen-zin", []any{youth, org}},
		{"a coordination ends for a known reason",
			`INSERT INTO coordinations (youth_id, organisation_id, rule, reason, started_at, ended_at, end_reason) VALUES ($2, $3, 'smw', 'SMW', 0, 1, $1)`,
			"overdracht", "opgegeven", []any{youth, org}},
		{"a handover is decided with a known outcome",
			`INSERT INTO handovers (coordination_id, youth_id, to_organisation_id, proposed_by, proposed_at, outcome, decided_at) VALUES ($2, $3, $4, $5, 0, $1, 1)`,
			"geweigerd", "genegeerd", []any{coord, youth, org, pro}},
		{"an agreement is open, done or not kept",
			`INSERT INTO agreements (youth_id, coordination_id, action, professional_id, start_on, end_on, status, created_by, created_at) VALUES ($2, $3, 'gesprek', $4, '2027-01-01', '2027-02-01', $1, $4, 0)`,
			"gedaan", "half", []any{youth, coord, pro}},
		{"a signaller contact is a contact or a talk about a wrong signal",
			`INSERT INTO signaller_contacts (coordination_id, youth_id, registration_id, kind, contacted_on, recorded_by, recorded_at) VALUES ($2, $3, $4, $1, '2027-01-01', $5, 0)`,
			"overleg-onterecht", "e-mail", []any{coord, youth, reg, pro}},
		{"the override authority is the GI or the alderman",
			`INSERT INTO escalations (youth_id, coordination_id, authority, started_by, started_at) VALUES ($2, $3, $1, $4, 0)`,
			"wethouder", "burgemeester", []any{youth, coord, pro}},
		{"an escalation has seven steps",
			`INSERT INTO escalation_steps (escalation_id, step) VALUES ($2, $1)`,
			7, 8, []any{esc}},
		{"an objection is upheld or rejected",
			`INSERT INTO objections (youth_reference, municipality, received_on, recorded_at, recorded_by, outcome, decided_on, decided_at) VALUES ('J-AAAAAAAA', 'Eindhoven', '2027-01-01', 0, $2, $1, '2027-02-01', 1)`,
			"afgewezen", "geseponeerd", []any{pro}},
		{"a relation is of a known kind",
			`INSERT INTO relations (youth_id, person_hash, person, kind, organisation_id, professional_id, created_at) VALUES ($2, $3, $3, $1, $4, $5, 0)`,
			"broer-zus", "buurman", []any{youth, []byte("q"), org, pro}},
		{"a session is half or fully logged in",
			`INSERT INTO sessions (id_hash, professional_id, stage, created_at, last_seen_at, expires_at) VALUES ($2, $3, $1, 0, 0, 1)`,
			"wachtwoord", "bijna", []any{[]byte("s"), pro}},
		{"a password is stored only as an argon2id hash",
			`INSERT INTO credentials (professional_id, password_hash, updated_at) VALUES ($2, $1, 0)`,
			"$argon2id$v=19$m=65536,t=1,p=4$c2FsdA$aGFzaA", "hunter2", []any{pro}},
	} {
		t.Run(c.rule, func(t *testing.T) {
			try := func(value any) error {
				tx, err := raw.Begin()
				if err != nil {
					t.Fatal(err)
				}
				defer tx.Rollback()
				_, err = tx.Exec(c.query, append([]any{value}, c.args...)...)
				return err
			}
			if err := try(c.allowed); err != nil {
				t.Fatalf("the allowed value %v was refused: %v", c.allowed, err)
			}
			if err := try(c.forbidden); !isCheckViolation(err) {
				t.Errorf("storing %v: %v; want a check constraint violation", c.forbidden, err)
			}
		})
	}
}

// isCheckViolation reports whether err is a CHECK constraint refusing a row:
// "CHECK constraint failed" on SQLite, "violates check constraint" on
// PostgreSQL.
func isCheckViolation(err error) bool {
	return err != nil && strings.Contains(strings.ToLower(err.Error()), "check constraint")
}
