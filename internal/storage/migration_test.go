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

// TestPrivacyMigrationKeepsExistingRegistrationsAndTheirMatches fills a
// database at the first migration, as a region running the earlier version
// has it, and opens it with the current code.
func TestPrivacyMigrationKeepsExistingRegistrationsAndTheirMatches(t *testing.T) {
	ctx := context.Background()
	path := testenv.EmptyDatabase(t)
	raw := testenv.OpenRaw(t, path)
	migrateBefore(t, raw, "0002")
	created := time.Date(2026, 2, 3, 10, 0, 0, 0, time.UTC).UnixMilli()
	for _, q := range []string{
		`INSERT INTO organisations (id, name, type, role, municipality, created_at) VALUES (1, 'School', 'onderwijs', 'signaalgever', 'Eindhoven', 0), (2, 'SMW', 'smw', 'zorgaanbieder', 'Eindhoven', 0)`,
		`INSERT INTO professionals (id, organisation_id, name, email, phone, created_at) VALUES (1, 1, 'Jan', 'jan@school.example', '040-1234567', 0), (2, 2, 'Fatima', 'fatima@smw.example', '040-7654321', 0)`,
		`INSERT INTO youths (id, bsn_hash, reference, person, municipality, created_at) VALUES (1, 'h', 'J-AAAAAAAA', 'p', '0772', 0)`,
		`INSERT INTO registrations (id, youth_id, organisation_id, professional_id, kind, created_at) VALUES (1, 1, 1, 1, 'signaal', $1)`,
		`INSERT INTO registrations (id, youth_id, organisation_id, professional_id, kind, created_at, ended_at, end_reason) VALUES (2, 1, 2, 2, 'ketenregistratie', $1, $1, 'organisatie')`,
		`INSERT INTO matches (youth_id, organisation_a, organisation_b, registration_id, created_at) VALUES (1, 1, 2, 2, $1)`,
		`INSERT INTO coordinations (youth_id, organisation_id, rule, reason, started_at) VALUES (1, 2, 'smw', 'SMW', $1)`,
		`INSERT INTO messages (id, professional_id, youth_id, kind, subject, body, event_key, created_at) VALUES (1, 1, 1, 'match', 's', 'b', 'match:2', $1)`,
		`INSERT INTO outbox (message_id, recipient, next_attempt_at) VALUES (1, 'jan@school.example', $1)`,
	} {
		var args []any
		if strings.Contains(q, "$1") {
			args = append(args, created)
		}
		if _, err := raw.Exec(q, args...); err != nil {
			t.Fatalf("%.60s…: %v", q, err)
		}
	}
	if testenv.Postgres() { // rows inserted with explicit ids: move the identities on, as the earlier version's own inserts would have
		for _, table := range []string{"organisations", "professionals", "youths", "registrations", "messages"} {
			if _, err := raw.Exec(`SELECT setval(pg_get_serial_sequence('` + table + `', 'id'), (SELECT max(id) FROM ` + table + `))`); err != nil {
				t.Fatal(err)
			}
		}
	}

	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatalf("migrating a filled database: %v", err)
	}
	defer db.Close()
	err = db.Update(ctx, func(tx *storage.Tx) error {
		r, err := tx.Registration(ctx, 1)
		if err != nil {
			return err
		}
		if r.ExpiresOn.Format("2006-01-02") != "2028-02-02" || r.ParentsInformed != model.InformedNotYet || r.YouthInformed != model.InformedNotYet || r.RenewedAt != nil {
			t.Errorf("existing registration after the migration = %+v; want a term until 2028-02-02 and nothing recorded about informing", r)
		}
		if n, err := tx.MatchCount(ctx, 1); err != nil || n != 1 {
			t.Errorf("matches after the migration: %d, %v; want the one match kept", n, err)
		}
		ended, err := tx.EndRegistration(ctx, 1, time.Now(), model.EndExpired, 0)
		if err != nil || !ended {
			t.Errorf("ending with reason verlopen after the migration: %v, %v", ended, err)
		}
		// A deleted registration's id is never handed out again.
		if err := tx.DeleteRegistration(ctx, 2); err != nil {
			return err
		}
		next := model.Registration{YouthID: 1, OrganisationID: 2, ProfessionalID: 2, Kind: model.KindKetenregistratie, CreatedAt: time.Now(),
			ParentsInformed: model.InformedYes, YouthInformed: model.InformedNotApplicable, ExpiresOn: time.Now()}
		if err := tx.CreateRegistration(ctx, &next); err != nil {
			return err
		}
		if next.ID <= 2 {
			t.Errorf("a new registration got id %d, the id of a deleted one", next.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
