package testenv

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/population/brpstub"
	"github.com/jeugdketen/jeugdketen/internal/population/haalcentraal"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Helpers shared by the tests of the use-case packages (registration,
// coordination, plan, escalation, family): raw counts in the database, a
// standard case with a coordinator, and assertions on application errors.

func RawDB(t *testing.T, env *Env) *sql.DB { return OpenRaw(t, env.Path) }

func Count(t *testing.T, db *sql.DB, table string) int {
	t.Helper()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func Itoa(n int64) string { return strconv.FormatInt(n, 10) }

// WallClock returns the moment of a wall-clock time in the Netherlands.
func WallClock(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, nltime.Amsterdam)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

func CountWhere(t *testing.T, db *sql.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// BRPRegister points env's registry at a BRP API stand-in over HTTP and
// returns the stand-in, to be stopped by the test.
func BRPRegister(t *testing.T, env *Env) *httptest.Server {
	t.Helper()
	return BRPStub(t, env, population.TestPersons())
}

// BRPStub points env's registry at a BRP API stand-in serving records, over
// HTTP, and returns the stand-in, to be stopped by the test.
func BRPStub(t *testing.T, env *Env, records []population.Record) *httptest.Server {
	t.Helper()
	stub, err := brpstub.New(records)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(stub)
	t.Cleanup(srv.Close)
	client, err := haalcentraal.New(haalcentraal.Config{URL: srv.URL + brpstub.BasePath, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	env.Registry.Population = client
	return srv
}

func FirstRegistration(t *testing.T, env *Env, a usecase.Actor) int64 {
	t.Helper()
	list, err := env.Registry.Registrations.Registrations(context.Background(), a, 10)
	if err != nil || len(list) == 0 {
		t.Fatalf("registrations of %s: %v, %d", a.Organisation.Name, err, len(list))
	}
	return list[len(list)-1].Registration.ID
}

// CareCase is a youth (BSNChild, 9) with a school that signalled and a
// youth-care provider that registered care: the provider coordinates by
// the brabant covenant's oldest-registration rule, assigned, not accepted.
type CareCase struct {
	Env    *Env
	School usecase.Actor
	JH     usecase.Actor
	Ref    string
	Youth  int64
}

func NewCareCase(t *testing.T) CareCase {
	t.Helper()
	env := New(t)
	c := CareCase{Env: env}
	c.School = env.Pro(t, env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs))
	c.JH = env.Pro(t, env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp))
	env.Register(t, c.School, population.BSNChild, model.KindSignaal)
	r := env.Register(t, c.JH, population.BSNChild, model.KindKetenregistratie)
	if r.Coordinator == nil || r.Coordinator.Organisation.ID != c.JH.Organisation.ID {
		t.Fatalf("coordinator = %+v, want Jeugdhulp Brabant", r.Coordinator)
	}
	c.Ref, c.Youth = r.Youth.Reference, r.Youth.ID
	return c
}

// join registers another organisation a minute later, so that it joins
// after everything before it.
func (c CareCase) Join(t *testing.T, name string, typ model.OrgType, kind model.Kind) usecase.Actor {
	t.Helper()
	c.Env.Clock.Advance(time.Minute)
	a := c.Env.Pro(t, c.Env.Org(t, name, typ))
	c.Env.Register(t, a, population.BSNChild, kind)
	return a
}

// accept accepts the coordination as a, naming a, and fails on error.
func (c CareCase) Accept(t *testing.T, a usecase.Actor) *usecase.Coordinator {
	t.Helper()
	v, err := c.Env.Registry.Coordinations.AcceptCoordination(context.Background(), a, c.Ref, "")
	if err != nil {
		t.Fatalf("accept by %s: %v", a.Organisation.Name, err)
	}
	return v
}

// Current is the youth's running coordination; ok false when there is none.
func Current(t *testing.T, env *Env, youth int64) (model.Coordination, bool) {
	t.Helper()
	var c model.Coordination
	var found bool
	err := env.DB.View(context.Background(), func(tx *storage.Tx) error {
		var err error
		c, err = tx.CurrentCoordination(context.Background(), youth)
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

func MustCurrent(t *testing.T, env *Env, youth int64) model.Coordination {
	t.Helper()
	c, ok := Current(t, env, youth)
	if !ok {
		t.Fatal("no running coordination")
	}
	return c
}

// WantCode fails unless err carries the application error code.
func WantCode(t *testing.T, err error, code string) {
	t.Helper()
	if model.ErrorCode(err) != code {
		t.Fatalf("error = %v, want %s", err, code)
	}
}

func MessagesOfKind(msgs []model.Message, kind string) []model.Message {
	var out []model.Message
	for _, m := range msgs {
		if m.Kind == kind {
			out = append(out, m)
		}
	}
	return out
}

func AssertInvalid(t *testing.T, err error, field, reason string) {
	t.Helper()
	if model.ErrorCode(err) != model.EINVALID {
		t.Fatalf("error = %v, want EINVALID", err)
	}
	for _, p := range model.ErrorParams(err) {
		if p.Name == field && strings.Contains(p.Reason, reason) {
			return
		}
	}
	t.Fatalf("invalid params %+v do not name %q with %q", model.ErrorParams(err), field, reason)
}

func Day(s string) *time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return &d
}
