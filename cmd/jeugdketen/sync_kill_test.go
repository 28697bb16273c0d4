package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// The synchronisation that is killed: a care provider's complete list of
// syncLines youths, of whom a school registered the first syncMatched (so
// the list makes matches), while syncAbsent registrations of the care
// provider are not on it (so the list ends them).
const (
	syncLines   = 3000
	syncMatched = 300
	syncAbsent  = 40
)

// TestSynchronisationKilledHalfwayIsCompletedByTheSameRequest starts the
// real server, sends a large complete list, kills the server with SIGKILL
// while the list is being applied, starts it again and sends the same list
// again; the end state must be that of a region where nothing was killed:
// the same registrations, endings, matches, coordinations and messages,
// and the same counts in the answer.
func TestSynchronisationKilledHalfwayIsCompletedByTheSameRequest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and synchronises 3,000 lines twice")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	bin := filepath.Join(t.TempDir(), "jeugdketen")
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	youths := syntheticYouths(syncLines+syncAbsent, time.Now())

	calm := newSyncRegion(t, ctx, bin, youths)
	want := calm.sync(t, ctx)
	if want.status != http.StatusCreated {
		t.Fatalf("the uninterrupted synchronisation: %d %s", want.status, want.body)
	}

	cut := newSyncRegion(t, ctx, bin, youths)
	sent := make(chan struct{})
	go func() { defer close(sent); cut.sync(t, ctx) }() // answered by a dead server: no answer
	done := cut.waitLinesDone(t, ctx, syncLines/3)
	cut.server.kill(t)
	<-sent
	after := scalar(t, cut.raw, `SELECT done_lines FROM sync_reports`)
	if after >= syncLines {
		t.Fatalf("the synchronisation was done (%d lines) before the kill: the test proves nothing", after)
	}
	if n := scalar(t, cut.raw, `SELECT count(*) FROM registrations WHERE end_reason = 'koppeling'`); n != 0 {
		t.Fatalf("%d registrations ended by a list killed at line %d", n, after)
	}
	t.Logf("killed with %d of %d lines applied (%d seen before the kill)", after, syncLines, done)
	cut.server.start(t)
	cut.server.waitReady(t, ctx)
	got := cut.sync(t, ctx)
	if got.status != http.StatusCreated {
		t.Fatalf("the same request after the kill: %d %s", got.status, got.body)
	}
	if g, w := counts(t, got.body), counts(t, want.body); g != w {
		t.Errorf("counts after the kill %s, uninterrupted %s", g, w)
	}
	for _, q := range []string{
		`SELECT id, youth_id, organisation_id, professional_id, kind, ended_at IS NULL, end_reason FROM registrations ORDER BY id`,
		`SELECT youth_id, organisation_a, organisation_b, registration_id FROM matches ORDER BY id`,
		`SELECT youth_id, organisation_id, rule, ended_at IS NULL FROM coordinations ORDER BY id`,
		`SELECT professional_id, youth_id, kind, replace(subject, (SELECT reference FROM youths y WHERE y.id = messages.youth_id), 'J-…') FROM messages ORDER BY id`, // references are random
		`SELECT count(*) FROM sync_mail`,
		`SELECT action, object_type, object_id FROM audit_log WHERE object_type <> 'synchronisatie' ORDER BY id`,
	} {
		if a, b := rows(t, calm.raw, q), rows(t, cut.raw, q); !slices.Equal(a, b) {
			i := firstDiff(a, b)
			t.Errorf("%s: %d rows uninterrupted, %d after the kill; first difference at %d: %q / %q", q, len(a), len(b), i, at(a, i), at(b, i))
		}
	}
	if m := scalar(t, cut.raw, `SELECT count(*) FROM messages WHERE mail_id IS NULL AND read_at IS NULL`); m != 0 {
		t.Errorf("%d messages without an e-mail after the synchronisation was completed", m)
	}
}

type syncRegion struct {
	r      *burstRegion
	raw    *sql.DB
	server *instance
	care   burstOrg
	client string // the care provider's client system token
	body   []byte
}

func newSyncRegion(t *testing.T, ctx context.Context, bin string, youths []burstYouth) *syncRegion {
	r := &burstRegion{dir: t.TempDir(), bin: bin, youths: youths}
	r.db, r.keys = filepath.Join(r.dir, "j.db"), filepath.Join(r.dir, "keys.json")
	r.cli(t, ctx, "keys", "generate", "--keys", r.keys)
	csv := filepath.Join(r.dir, "brp.csv")
	if err := os.WriteFile(csv, populationCSV(youths), 0o600); err != nil {
		t.Fatal(err)
	}
	r.cli(t, ctx, "import", "population", "--db", r.db, "--keys", r.keys, csv)
	orgs := map[string]burstOrg{}
	for i, typ := range []string{"onderwijs", "jeugdhulp"} {
		id := r.cli(t, ctx, "org", "add", "--db", r.db, "--name", "Organisatie "+typ, "--type", typ, "--municipality", "Eindhoven")
		o := burstOrg{email: "medewerker@" + typ + ".example"}
		fmt.Sscan(id, &o.id)
		r.cli(t, ctx, "user", "add", "--db", r.db, "--org", id, "--name", fmt.Sprintf("Medewerker %d", i+1), "--email", o.email, "--phone", fmt.Sprintf("040-55500%02d", i+1))
		o.token = r.cli(t, ctx, "token", "create", "--db", r.db, "--email", o.email)
		orgs[typ] = o
	}
	s := &syncRegion{r: r, care: orgs["jeugdhulp"]}
	s.client = r.cli(t, ctx, "token", "create", "--db", r.db, "--org", fmt.Sprint(s.care.id), "--scope", "synchronisatie")
	addr := freeAddr(t)
	s.server = startInstance(t, r, "sync", addr, []string{"serve", "--addr", addr, "--db", r.db, "--keys", r.keys, "--covenant", "brabant"})
	s.server.waitReady(t, ctx)
	s.raw = testenv.OpenRaw(t, r.db)

	// Before the list: the school's signals (the list matches them) and the
	// care provider's registrations the list lacks (it ends them).
	for _, y := range youths[:syncMatched] {
		s.post(t, ctx, "/api/v1/registraties", orgs["onderwijs"].token, map[string]string{"burgerservicenummer": y.bsn, "soort": "signaal"}, http.StatusCreated)
	}
	for _, y := range youths[syncLines:] {
		s.post(t, ctx, "/api/v1/registraties", s.care.token, map[string]string{"burgerservicenummer": y.bsn, "soort": "ketenregistratie"}, http.StatusCreated)
	}
	lines := make([]map[string]string, syncLines)
	for i, y := range youths[:syncLines] {
		lines[i] = map[string]string{"burgerservicenummer": y.bsn, "soort": "ketenregistratie", "medewerker": s.care.email}
	}
	s.body, _ = json.Marshal(map[string]any{"volledig": true, "aantalRegels": syncLines, "regels": lines})
	return s
}

func (s *syncRegion) post(t *testing.T, ctx context.Context, path, token string, body any, want int) {
	t.Helper()
	data, _ := json.Marshal(body)
	if res := s.send(ctx, path, token, data); res.status != want {
		t.Fatalf("POST %s: %d %s", path, res.status, res.body)
	}
}

type answer struct {
	status int
	body   []byte
}

func (s *syncRegion) send(ctx context.Context, path, token string, data []byte) answer {
	req, _ := http.NewRequestWithContext(ctx, "POST", s.server.base()+path, bytes.NewReader(data))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return answer{status: 0, body: []byte(err.Error())}
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return answer{res.StatusCode, b}
}

func (s *syncRegion) sync(t *testing.T, ctx context.Context) answer {
	return s.send(ctx, "/api/v1/synchronisaties", s.client, s.body)
}

// waitLinesDone waits until at least n lines of the synchronisation have
// committed, and returns how many.
func (s *syncRegion) waitLinesDone(t *testing.T, ctx context.Context, n int) int {
	t.Helper()
	for ctx.Err() == nil {
		var done int
		if err := s.raw.QueryRow(`SELECT done_lines FROM sync_reports`).Scan(&done); err == nil && done >= n {
			return done
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("the synchronisation did not get going")
	return 0
}

func counts(t *testing.T, body []byte) string {
	t.Helper()
	var v struct{ Aantallen map[string]int }
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("answer %s: %v", body, err)
	}
	return fmt.Sprint(v.Aantallen)
}

func scalar(t *testing.T, db *sql.DB, q string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func rows(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rs, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rs.Close()
	cols, _ := rs.Columns()
	var out []string
	for rs.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = v.String
		}
		out = append(out, strings.Join(parts, "|"))
	}
	return out
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func at(rows []string, i int) string {
	if i < len(rows) {
		return rows[i]
	}
	return ""
}
