// Package testenv builds a real Jeugdketen for tests: a SQLite database in a
// temporary folder, fresh keys, the RvIG test persons as population register,
// the brabant covenant and a clock the test sets. Only tests import it.
package testenv

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/region"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/registry"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Clock is a settable time source.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Set moves the clock.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// Advance moves the clock forward.
func (c *Clock) Advance(d time.Duration) { c.Set(c.Now().Add(d)) }

// Env is one test's Jeugdketen.
type Env struct {
	DB       *storage.DB
	Path     string
	Keys     *secret.Keys
	Clock    *Clock
	Registry *registry.Service
	Region   *region.Service
	n        int
}

// Start is the moment every Env's clock starts: 23 November 2026, 10:00 in
// the Netherlands, the day population.TestDay's ages hold.
var Start = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

var (
	personsOnce sync.Once
	persons     []population.Record
)

// PostgresVar names the environment variable that, when set to the URL of a
// PostgreSQL server (with the right to create databases), makes every test
// database a fresh PostgreSQL database on it instead of a SQLite file.
// scripts/test starts such a server and runs the suites a second time.
const PostgresVar = "JEUGDKETEN_TEST_POSTGRES"

// Postgres reports whether tests run on PostgreSQL.
func Postgres() bool { return os.Getenv(PostgresVar) != "" }

// MustOpenDB opens a fresh, migrated database: a SQLite file in a temporary
// folder, or a new PostgreSQL database when PostgresVar is set. It returns the
// database and its address (file path or URL).
func MustOpenDB(t testing.TB) (*storage.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	if Postgres() {
		path = createPostgresDB(t)
	}
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// EmptyDatabase returns the address of a new, empty database that is not
// migrated yet (a SQLite file path or a PostgreSQL URL, as MustOpenDB would
// use), for tests of the migrations themselves.
func EmptyDatabase(t testing.TB) string {
	t.Helper()
	if Postgres() {
		return createPostgresDB(t)
	}
	return filepath.Join(t.TempDir(), "empty.db")
}

// New makes an Env with the population register loaded.
func New(t testing.TB) *Env {
	t.Helper()
	db, path := MustOpenDB(t)
	keys, _, err := secret.Generate()
	if err != nil {
		t.Fatal(err)
	}
	personsOnce.Do(func() { persons = population.TestPersons() })
	clock := &Clock{now: Start}
	if err := storage.NewLocalRegister(db, keys).Import(context.Background(), persons, Start); err != nil {
		t.Fatal(err)
	}
	rules, err := covenant.Preset("brabant")
	if err != nil {
		t.Fatal(err)
	}
	return &Env{
		DB: db, Path: path, Keys: keys, Clock: clock,
		Registry: registry.New(&usecase.Service{
			DB: db, Keys: keys, Covenant: rules, Clock: clock.Now, BaseURL: "https://jeugdketen.test",
			Population: storage.NewLocalRegister(db, keys),
		}),
		Region: &region.Service{DB: db, Now: clock.Now},
	}
}

var testActor = audit.Actor{Role: "beheerder", Source: "test"}

// Org adds an organisation of the given type with its default role.
func (e *Env) Org(t testing.TB, name string, typ model.OrgType) model.Organisation {
	t.Helper()
	o, err := e.Region.CreateOrganisation(context.Background(), testActor, model.Organisation{Name: name, Type: typ, Municipality: "Eindhoven"})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// Pro adds a professional to org and returns them as an actor.
func (e *Env) Pro(t testing.TB, org model.Organisation) usecase.Actor {
	t.Helper()
	e.n++
	p, err := e.Region.CreateProfessional(context.Background(), testActor, model.Professional{
		OrganisationID: org.ID, Name: fmt.Sprintf("Medewerker %d", e.n),
		Email: fmt.Sprintf("medewerker%d@org%d.example", e.n, org.ID), Phone: fmt.Sprintf("040-123%04d", e.n),
	})
	if err != nil {
		t.Fatal(err)
	}
	return usecase.Actor{Professional: p, Organisation: org, Source: "test"}
}

// Admin adds a regional administrator to org.
func (e *Env) Admin(t testing.TB, org model.Organisation) usecase.Actor {
	t.Helper()
	e.n++
	p, err := e.Region.CreateProfessional(context.Background(), testActor, model.Professional{
		OrganisationID: org.ID, Name: fmt.Sprintf("Beheerder %d", e.n), Admin: true,
		Email: fmt.Sprintf("beheerder%d@org%d.example", e.n, org.ID), Phone: fmt.Sprintf("040-987%04d", e.n),
	})
	if err != nil {
		t.Fatal(err)
	}
	return usecase.Actor{Professional: p, Organisation: org, Source: "test"}
}

// Monitor adds a municipality's monitoring account to org: figures only.
func (e *Env) Monitor(t testing.TB, org model.Organisation) usecase.Actor {
	t.Helper()
	e.n++
	p, err := e.Region.CreateProfessional(context.Background(), testActor, model.Professional{
		OrganisationID: org.ID, Name: fmt.Sprintf("Monitor %d", e.n), Monitoring: true,
		Email: fmt.Sprintf("monitor%d@org%d.example", e.n, org.ID), Phone: fmt.Sprintf("040-555%04d", e.n),
	})
	if err != nil {
		t.Fatal(err)
	}
	return usecase.Actor{Professional: p, Organisation: org, Source: "test"}
}

// Register registers and fails the test on error.
func (e *Env) Register(t testing.TB, a usecase.Actor, bsn string, kind model.Kind) registration.Registered {
	t.Helper()
	r, err := e.Registry.Registrations.Register(context.Background(), a, registration.Registering{BSN: bsn, Kind: kind})
	if err != nil {
		t.Fatalf("register %s by %s: %v", bsn, a.Organisation.Name, err)
	}
	return r
}

// Inbox returns an actor's messages.
func (e *Env) Inbox(t testing.TB, a usecase.Actor) []model.Message {
	t.Helper()
	msgs, err := e.Registry.Inbox(context.Background(), a, 1000)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]model.Message, len(msgs))
	for i, m := range msgs {
		out[i] = m.Message
	}
	return out
}

// createPostgresDB makes an empty database on the test server, dropped again
// when the test ends.
func createPostgresDB(t testing.TB) string {
	t.Helper()
	base := os.Getenv(PostgresVar)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "jk_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop test database: %v", err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// OpenRaw opens the database at path directly, beside the application, as
// someone with a copy of it (or a test that inspects rows) would.
func OpenRaw(t testing.TB, path string) *sql.DB {
	t.Helper()
	driver, dsn := "sqlite", "file:"+path+"?_pragma=busy_timeout(5000)"
	if Postgres() {
		driver, dsn = "pgx", path
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
