package main

import (
	"context"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// The two benchmark commands as an operator runs them: generate a small
// region, then bench run starts this binary's server on it, drives it over
// loopback and reports every operation with the database's raw rate, the
// start-up time and the memory. The run is bounded by a request count.
func TestBenchGenerateAndRunThroughTheBinary(t *testing.T) {
	if testenv.Postgres() {
		t.Skip("bench run measures the embedded SQLite default")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	dir := t.TempDir()
	bin := filepath.Join(dir, "jeugdketen")
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	run := func(args ...string) string {
		out, err := exec.CommandContext(ctx, bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("jeugdketen %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	db, keys, tokens := filepath.Join(dir, "bench.db"), filepath.Join(dir, "keys"), filepath.Join(dir, "tokens.json")
	run("keys", "generate", "--keys", keys)
	gen := run("bench", "generate", "--db", db, "--keys", keys, "--youth", "5000", "--registrations", "1000", "--orgs", "40", "--tokens", "8", "--tokens-out", tokens)
	if !strings.Contains(gen, "5000 personen (10000 ouderkoppelingen), 40 organisaties") {
		t.Fatalf("bench generate said:\n%s", gen)
	}
	out := run("bench", "run", "--db", db, "--keys", keys, "--tokens", tokens, "--youth", "5000", "--clients", "4",
		"--requests", "200", "--duration", "4m", "--reference-commits", "50", "--server-log", filepath.Join(dir, "server.log"), "--markdown")
	for _, op := range []string{"registreren", "herhalen", "beeindigen", "berichten", "jeugdige"} {
		if !regexp.MustCompile(`\| ` + op + ` \| \d+ \| 0 \|`).MatchString(out) {
			t.Errorf("no error-free row for %s in:\n%s", op, out)
		}
	}
	for _, want := range []string{"opstarten tot gereed: ", "geheugen server: piek ", "duurzame commits/s", "× de duurzame commits"} {
		if !strings.Contains(out, want) {
			t.Errorf("bench run does not report %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "stopte niet netjes") {
		t.Errorf("server did not stop cleanly:\n%s", out)
	}

	// bench monitoring makes the months, then logs in on a server of the
	// binary as the administrator and a municipality's account (password
	// and TOTP) and fetches every page: each gets a row with both times
	// and its size, or the command fails.
	mon := run("bench", "monitoring", "--db", db, "--keys", keys, "--server-log", filepath.Join(dir, "monitoring-server.log"))
	pages := regexp.MustCompile(`(?m)^\| (regiobeheerder|gemeente 0772)[^|]* \| [0-9.]+ms \| [0-9.]+ms \| [1-9][0-9]* kB \|$`).FindAllString(mon, -1)
	if len(pages) != 5 {
		t.Errorf("bench monitoring timed %d pages, want the 5 it names:\n%s", len(pages), mon)
	}
}
