package registration_test

import (
	"bytes"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestRegistrationIsOneTransaction(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	smw := env.Pro(t, env.Org(t, "SMW", model.TypeSMW))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	raw := testenv.RawDB(t, env)
	tables := []string{"youths", "registrations", "matches", "coordinations", "messages", "outbox", "audit_log"}
	before := map[string]int{}
	for _, tb := range tables {
		before[tb] = testenv.Count(t, raw, tb)
	}
	// The last step of a registration is queueing its messages; make it fail.
	failing := `CREATE TRIGGER fail_messages BEFORE INSERT ON messages BEGIN SELECT RAISE(ABORT, 'mail down'); END`
	if testenv.Postgres() {
		raw.Exec(`CREATE FUNCTION mail_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'mail down'; END $$`)
		failing = `CREATE TRIGGER fail_messages BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION mail_down()`
	}
	if _, err := raw.Exec(failing); err != nil {
		t.Fatal(err)
	}

	_, err := env.Registry.Registrations.Register(ctx, smw, registration.Registering{BSN: population.BSNTeen, Kind: model.KindKetenregistratie})
	if err == nil {
		t.Fatal("registration succeeded although its messages could not be stored")
	}
	for _, tb := range tables {
		if n := testenv.Count(t, raw, tb); n != before[tb] {
			t.Errorf("%s: %d rows after a failed registration, %d before", tb, n, before[tb])
		}
	}
}

func TestAuditTrailRecordsChangesAndReadsAndCatchesTampering(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	smw := env.Pro(t, env.Org(t, "SMW", model.TypeSMW))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	r := env.Register(t, smw, population.BSNTeen, model.KindKetenregistratie)
	if _, err := env.Registry.YouthByReference(ctx, smw, r.Youth.Reference); err != nil {
		t.Fatal(err)
	}
	raw := testenv.RawDB(t, env)
	var reads int
	raw.QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'read' AND youth_reference = $1 AND professional_id = $2`, r.Youth.Reference, smw.Professional.ID).Scan(&reads)
	if reads != 1 {
		t.Fatalf("%d read records for the youth page, want 1", reads)
	}
	n, broken, err := audit.Verify(ctx, env.DB)
	if err != nil || broken != nil || n < 5 {
		t.Fatalf("verify of an intact log: %d records, broken %+v, %v", n, broken, err)
	}
	if _, err := raw.Exec(`UPDATE audit_log SET outcome = 'geweigerd' WHERE id = 3`); err == nil {
		t.Fatal("the audit log accepted an update")
	}
	// Someone with the file drops the guard and changes a record.
	unguard := `DROP TRIGGER audit_log_no_update`
	if testenv.Postgres() {
		unguard += ` ON audit_log`
	}
	if _, err := raw.Exec(unguard); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE audit_log SET professional_id = 999 WHERE id = 3`); err != nil {
		t.Fatal(err)
	}
	_, broken, err = audit.Verify(ctx, env.DB)
	if err != nil || broken == nil || broken.ID != 3 {
		t.Fatalf("tampered record 3 not found: %+v, %v", broken, err)
	}
	// Removing a record breaks the chain at the next one.
	raw.Exec(`UPDATE audit_log SET professional_id = (SELECT professional_id FROM audit_log WHERE id = 4) WHERE id = 3`)
	if _, err := raw.Exec(`DELETE FROM audit_log WHERE id = 3`); err != nil {
		t.Fatal(err)
	}
	if _, broken, _ = audit.Verify(ctx, env.DB); broken == nil || broken.ID != 4 {
		t.Fatalf("removed record 3 not found: %+v", broken)
	}
}

// byteaHex is a bytea value in pg_dump's COPY text: \\x and its hex digits.
var byteaHex = regexp.MustCompile(`\\{1,2}x(?:[0-9a-f]{2})+`)

// databaseCopy returns what a copy of the database holds: the SQLite file, its
// write-ahead log and an online backup, or a pg_dump of the PostgreSQL database.
func databaseCopy(t *testing.T, env *testenv.Env) []byte {
	t.Helper()
	if testenv.Postgres() {
		bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_dump")
		if len(bins) == 0 {
			t.Fatal("pg_dump not found")
		}
		out, err := exec.Command(bins[len(bins)-1], "--dbname="+env.Path).Output()
		if err != nil {
			t.Fatalf("pg_dump: %v", err)
		}
		// pg_dump writes bytea (hashes, ciphertext) as hex, where a run of
		// digits such as a birth date turns up by chance now and then. The
		// bytes themselves are what a reader of the dump would have.
		if !byteaHex.Match(out) {
			t.Fatal("no bytea value found in the dump: the scan would not see the hashes and ciphertext")
		}
		return byteaHex.ReplaceAllFunc(out, func(m []byte) []byte {
			raw, err := hex.DecodeString(string(m[bytes.IndexByte(m, 'x')+1:]))
			if err != nil {
				return m
			}
			return raw
		})
	}
	backup := env.Path + ".copy"
	if err := env.DB.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	var files []byte
	for _, f := range []string{env.Path, env.Path + "-wal", backup} {
		data, err := os.ReadFile(f)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		files = append(files, data...)
	}
	return files
}

func TestDatabaseFileRevealsNoPersonalDataOfYouths(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	smw := env.Pro(t, env.Org(t, "SMW", model.TypeSMW))
	gi := env.Pro(t, env.Org(t, "GI", model.TypeGI))
	subjects := []string{population.BSNTeen, population.BSNChild, population.BSNSibling1}
	for _, bsn := range subjects {
		env.Register(t, school, bsn, model.KindSignaal)
		env.Register(t, smw, bsn, model.KindKetenregistratie)
	}
	env.Register(t, gi, population.BSNTeen, model.KindKetenregistratie)
	files := databaseCopy(t, env)
	if !bytes.Contains(files, []byte(smw.Professional.Email)) {
		t.Fatal("the scan does not see the database's contents")
	}
	var checked int
	for _, rec := range population.TestPersons() {
		p := rec.Person
		secrets := []string{p.BSN, p.BirthDate.Format("2006-01-02"), p.BirthDate.Format("20060102")}
		if len(p.FamilyName) > 5 { // short names also occur as parts of other words
			secrets = append(secrets, p.FamilyName)
		}
		for _, s := range secrets {
			if bytes.Contains(files, []byte(s)) {
				t.Errorf("database file contains %q of test person %s", s, strings.TrimSpace(p.FullName()))
			}
		}
		checked++
	}
	if checked < 500 {
		t.Fatalf("only %d test persons checked", checked)
	}
}
