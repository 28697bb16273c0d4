package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/population"
)

// lockedBuffer collects a command's output while it runs in a goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func jk(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := run(context.Background(), args, &out)
	return out.String(), err
}

func mustJK(t *testing.T, args ...string) string {
	t.Helper()
	out, err := jk(t, args...)
	if err != nil {
		t.Fatalf("jeugdketen %s: %v", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(out)
}

func TestOperatorSetsUpARegionFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	db, keys := "--db="+filepath.Join(dir, "j.db"), "--keys="+filepath.Join(dir, "j.keys")
	mustJK(t, "keys", "generate", keys)
	if _, err := jk(t, "keys", "generate", keys); err == nil {
		t.Fatal("keys generate overwrote an existing key file")
	}
	mustJK(t, "migrate", db)
	org := mustJK(t, "org", "add", db, "--name", "GGD JGZ", "--type", "jgz", "--municipality", "Eindhoven")
	if org != "1" {
		t.Fatalf("org add printed %q, want the id 1", org)
	}
	if _, err := jk(t, "org", "add", db, "--name", "X", "--type", "bakker", "--municipality", "Eindhoven"); err == nil || !strings.Contains(err.Error(), "type") {
		t.Fatalf("unknown type accepted or not named: %v", err)
	}
	mustJK(t, "user", "add", db, "--org", org, "--name", "Anouk Peters", "--email", "a.peters@ggd.example", "--phone", "040-1234567")
	if _, err := jk(t, "user", "add", db, "--org", org, "--name", "Anouk Peters", "--email", "a.peters@ggd.example", "--phone", "040-1234567"); err == nil {
		t.Fatal("a second professional with the same e-mail was accepted")
	}
	token := mustJK(t, "token", "create", db, "--email", "a.peters@ggd.example")
	if !strings.HasPrefix(token, "jk_") {
		t.Fatalf("token create printed %q", token)
	}
	if _, err := jk(t, "token", "create", db); err == nil {
		t.Fatal("token create without --email or --org succeeded")
	}
	if got := mustJK(t, "audit", "verify", db); !strings.Contains(got, "intact") {
		t.Fatalf("audit verify: %q", got)
	}
}

func TestImportPopulationReadsPlainCSVAndRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	db, keys := "--db="+filepath.Join(dir, "j.db"), "--keys="+filepath.Join(dir, "j.keys")
	mustJK(t, "keys", "generate", keys)
	good := filepath.Join(dir, "brp.csv")
	os.WriteFile(good, []byte("bsn;voornamen;voorvoegsel;geslachtsnaam;geboortedatum;geslacht;gemeentecode;postcode;huisnummer\n111222333;Sam;de;Vries;2015-04-01;M;0772;5611AB;12\n"), 0o600)
	if got := mustJK(t, "import", "population", db, keys, good); !strings.Contains(got, "1 persons imported") {
		t.Fatalf("import printed %q", got)
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("bsn;voornamen;voorvoegsel;geslachtsnaam;geboortedatum;geslacht;gemeentecode;postcode;huisnummer\n123456789;Sam;;Vries;2015-04-01;M;0772;;\n"), 0o600)
	if _, err := jk(t, "import", "population", db, keys, bad); err == nil || !strings.Contains(err.Error(), "regel 2") {
		t.Fatalf("bad BSN not refused with its line: %v", err)
	}
	other := "--keys=" + filepath.Join(dir, "other.keys")
	mustJK(t, "keys", "generate", other)
	if _, err := jk(t, "import", "population", db, other, good); err == nil || !strings.Contains(err.Error(), "does not belong") {
		t.Fatalf("wrong key file accepted: %v", err)
	}
}

func TestRulesShowExplainsTheCovenantInDutch(t *testing.T) {
	got := mustJK(t, "rules", "show", "--covenant", "brabant")
	if !strings.Contains(got, "Regel 1") || !strings.Contains(got, "gi") {
		t.Fatalf("rules show printed %q", got)
	}
	if _, err := jk(t, "rules", "show", "--covenant", "utrecht"); err == nil {
		t.Fatal("unknown covenant accepted")
	}
	if _, err := jk(t, "frobnicate"); err == nil {
		t.Fatal("unknown command accepted")
	}
}

func TestDemoStartsARegionThatAnswersAndSendsMail(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server")
	}
	base, dir, out := startDemo(t)
	var info struct {
		Professionals []struct {
			Email, Token string
			Admin        bool `json:"regiobeheerder"`
		} `json:"medewerkers"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "demo.json"))
	if err != nil || json.Unmarshal(data, &info) != nil || len(info.Professionals) < 24 {
		t.Fatalf("demo.json: %v, %d professionals", err, len(info.Professionals))
	}
	if !strings.Contains(out.String(), population.BSNTeen) || !strings.Contains(out.String(), info.Professionals[0].Token) {
		t.Fatal("demo does not print the test youths and the tokens")
	}
	// The first story's mails reach the mail catcher.
	var mails []json.RawMessage
	for deadline := time.Now().Add(10 * time.Second); len(mails) < 5 && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		resp, err := http.Get(base + "/demo/mail/mails.json")
		if err != nil {
			t.Fatal(err)
		}
		json.NewDecoder(resp.Body).Decode(&mails)
		resp.Body.Close()
	}
	if len(mails) < 5 {
		t.Fatalf("%d demo mails arrived, want at least 5", len(mails))
	}
	demoProviderLogin(t, base, info.Professionals)
}

// demoProviderLogin: a GGD professional logs in through the demo's own
// identity provider, naming themselves on its page (issue 21).
func demoProviderLogin(t *testing.T, base string, pros []struct {
	Email, Token string
	Admin        bool `json:"regiobeheerder"`
}) {
	t.Helper()
	var email string
	for _, p := range pros {
		if strings.Contains(p.Email, "ggd") {
			email = p.Email
			break
		}
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.PostForm(base+"/inloggen", url.Values{"email": {email}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	ask := resp.Request.URL // the provider's page that asks who logs in
	if resp.StatusCode != http.StatusOK || !strings.HasSuffix(ask.Path, "/oidc/authorize") {
		t.Fatalf("the GGD's address led to %s (%d), want the demo provider's page", ask, resp.StatusCode)
	}
	q := ask.Query()
	q.Set("jk_email", email)
	q.Set("jk_mfa", "1")
	ask.RawQuery = q.Encode()
	resp, err = c.Get(ask.String())
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "Uitloggen") {
		t.Fatalf("after the demo provider the browser is at %s (%d), not logged in", resp.Request.URL, resp.StatusCode)
	}
}

func TestBackupMakesAConsistentCopyThatOpens(t *testing.T) {
	dir := t.TempDir()
	db := "--db=" + filepath.Join(dir, "j.db")
	mustJK(t, "org", "add", db, "--name", "GGD JGZ", "--type", "jgz", "--municipality", "Eindhoven")
	copyPath := filepath.Join(dir, "copy.db")
	mustJK(t, "backup", db, "--out", copyPath)
	if got := mustJK(t, "org", "add", "--db="+copyPath, "--name", "AMW", "--type", "amw", "--municipality", "Eindhoven"); got != "2" {
		t.Fatalf("the copy does not hold the first organisation: next id %q", got)
	}
	if _, err := jk(t, "backup", db, "--out", copyPath); err == nil {
		t.Fatal("backup overwrote an existing file")
	}
}

// startDemo runs the demo command on a free loopback port in a fresh folder
// until the test ends; it returns the demo's address, its folder and what it
// printed.
func startDemo(t *testing.T) (base, dir string, out *lockedBuffer) {
	t.Helper()
	dir = t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	out = &lockedBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"demo", "--dir", dir, "--addr", "127.0.0.1:0"}, out) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("demo ended with %v", err)
		}
	})
	// The demo makes a year of monitoring history before it listens: under
	// the race detector on a busy 2-core machine that takes a while.
	addr := regexp.MustCompile(`draait op (http://127\.0\.0\.1:\d+)`)
	for deadline := time.Now().Add(180 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		t.Fatalf("demo printed no address:\n%s", out.String())
	}
	return base, dir, out
}
