package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/bench"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// benchGenerate builds a synthetic region or country straight into a database.
func benchGenerate(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("bench generate")
	dbPath := dbFlag(fs)
	keysPath := keysFlag(fs)
	youth := fs.Int("youth", 100_000, "youths (0–23) in the population register")
	regs := fs.Int("registrations", 20_000, "active registrations")
	orgs := fs.Int("orgs", 500, "organisations (two professionals each)")
	tokens := fs.Int("tokens", 64, "API tokens to create for the load harness")
	tokensOut := fs.String("tokens-out", "bench-tokens.json", "file to write the tokens to")
	cov := fs.String("covenant", env("COVENANT", "brabant"), "covenant preset or rules file")
	cache := fs.Int("cache-mib", 256, "SQLite page cache while loading, in MiB")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *youth < 1 || *regs < 0 || *orgs < 1 {
		return errors.New("--youth and --orgs must be at least 1, --registrations at least 0")
	}
	rules, err := covenant.Open(*cov)
	if err != nil {
		return err
	}
	db, err := storage.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	keys, err := loadKeys(ctx, db, *keysPath)
	if err != nil {
		return err
	}
	g, err := bench.Generate(ctx, db, keys, rules, bench.Options{Youth: *youth, Registrations: *regs, Orgs: *orgs, Tokens: *tokens, Seed: 1, Progress: out, CacheMiB: *cache})
	if err != nil {
		return err
	}
	if err := bench.WriteTokens(*tokensOut, g.Tokens); err != nil {
		return err
	}
	fmt.Fprintf(out, "%d personen (%d ouderkoppelingen), %d organisaties, %d medewerkers, %d jeugdigen met %d registraties, %d matches, %d coördinaties in %s: %.0f rijen/s\n",
		g.Persons, g.ParentLinks, g.Orgs, g.Professionals, g.Youths, g.Registrations, g.Matches, g.Coordinations, g.Elapsed.Round(time.Millisecond), g.RowsPerSecond())
	fmt.Fprintf(out, "geschiedenis: %d registraties en %d coördinaties beëindigd, %d contacten met signaalgevers, %d afspraken, %d overdrachten, %d escalaties\n",
		g.EndedRegistrations, g.EndedCoordinations, g.Contacts, g.Agreements, g.Handovers, g.Escalations)
	fmt.Fprintf(out, "tokens in %s\n", *tokensOut)
	return nil
}

// benchLoad drives a running server and prints throughput and latency per
// operation next to the database's raw write rate.
func benchLoad(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("bench load")
	target := fs.String("url", "http://127.0.0.1:8080", "server to drive (loopback only)")
	load := addLoadFlags(fs)
	dbPath := fs.String("db", env("DB", ""), "the server's database, to measure its raw write rate first (optional)")
	if err := parse(fs, args); err != nil {
		return err
	}
	opt, err := load.options(*target)
	if err != nil {
		return err
	}
	var ref *bench.Reference
	if *dbPath != "" {
		r, err := measureReference(ctx, *dbPath, 2000)
		if err != nil {
			return err
		}
		ref = &r
	}
	res, err := bench.Load(ctx, opt)
	if err != nil {
		return err
	}
	PrintLoad(out, res, ref, opt.Clients)
	return nil
}

// report is what a measurement found; the server's start-up and memory
// only when bench run started it.
type report struct {
	load     bench.LoadResult
	ref      *bench.Reference
	clients  int
	ready    time.Duration
	memory   *bench.Memory
	markdown bool

	commits, changes float64 // the server's group commits, when known
}

// PrintLoad writes the measured table.
func PrintLoad(out io.Writer, res bench.LoadResult, ref *bench.Reference, clients int) {
	report{load: res, ref: ref, clients: clients}.print(out)
}

func (r report) print(out io.Writer) {
	res := r.load
	row := "%-12s %8s %7s %9s %9s %9s %9s %9s\n"
	if r.markdown {
		row = "| %s | %s | %s | %s | %s | %s | %s | %s |\n"
	}
	fmt.Fprintf(out, "%d clients, %s, %d cores\n\n", r.clients, res.Elapsed.Round(time.Millisecond), runtime.NumCPU())
	fmt.Fprintf(out, row, "operatie", "aantal", "fouten", "per s", "p50", "p95", "p99", "max")
	if r.markdown {
		fmt.Fprintln(out, "|---|--:|--:|--:|--:|--:|--:|--:|")
	}
	for _, o := range res.Ops {
		fmt.Fprintf(out, row, o.Name, strconv.Itoa(o.Count), strconv.Itoa(o.Errors), fmt.Sprintf("%.0f", res.PerSecond(o.Name)),
			ms(o.P50), ms(o.P95), ms(o.P99), ms(o.Max))
	}
	fmt.Fprintln(out)
	for e, n := range res.Errors {
		fmt.Fprintf(out, "fout %q: %d keer\n", e, n)
	}
	if r.ready > 0 {
		fmt.Fprintf(out, "opstarten tot gereed: %s\n", r.ready.Round(time.Millisecond))
	}
	if r.memory != nil {
		fmt.Fprintf(out, "geheugen server: piek %s, aan het eind %s, waarvan eigen (geen bestandspagina's) %s\n",
			mib(r.memory.Peak), mib(r.memory.Current), mib(r.memory.Anon))
	}
	if r.commits > 0 {
		fmt.Fprintf(out, "groepscommits: %.0f wijzigingen in %.0f commits, %.1f per commit\n", r.changes, r.commits, r.changes/r.commits)
	}
	if r.ref != nil {
		writes := res.PerSecond(bench.OpRegister) + res.PerSecond(bench.OpRepeat) + res.PerSecond(bench.OpEnd)
		fmt.Fprintf(out, "database zelf: %.0f duurzame commits/s (1 rij), %.0f rijen/s in één transactie\n", r.ref.SingleCommitsPerSecond, r.ref.BatchedRowsPerSecond)
		fmt.Fprintf(out, "schrijvende verzoeken %.0f/s = %.2f × de duurzame commits van de database\n", writes, writes/r.ref.SingleCommitsPerSecond)
	}
}

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d.Microseconds())/1000) }

func parseMix(s string) (map[string]int, error) {
	if s == "" {
		return nil, nil
	}
	out := map[string]int{}
	for _, part := range strings.Split(s, ",") {
		name, val, ok := strings.Cut(strings.TrimSpace(part), "=")
		n, err := strconv.Atoi(val)
		if !ok || err != nil || n < 0 {
			return nil, fmt.Errorf("--mix: %q is not name=share", part)
		}
		if _, known := bench.DefaultMix[name]; !known {
			return nil, fmt.Errorf("--mix: unknown operation %q (registreren, herhalen, beeindigen, berichten, jeugdige)", name)
		}
		out[name] = n
	}
	return out, nil
}

// benchRun measures the whole: the database's raw write rate, then a server
// of this binary started on the database (start-up to ready), driven by the
// load harness, and its memory at the end.
func benchRun(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("bench run")
	dbPath := dbFlag(fs)
	keysPath := keysFlag(fs)
	load := addLoadFlags(fs)
	commits := fs.Int("reference-commits", 2000, "single-row commits for the database's raw write rate")
	cov := fs.String("covenant", env("COVENANT", "brabant"), "covenant preset or rules file, as given to bench generate")
	serverLog := fs.String("server-log", "bench-server.log", "file for the server's log")
	markdown := fs.Bool("markdown", false, "print the table as Markdown, for docs/performance.md")
	if err := parse(fs, args); err != nil {
		return err
	}
	opt, err := load.options("") // bad tokens or mix are refused before anything starts
	if err != nil {
		return err
	}
	ref, err := measureReference(ctx, *dbPath, *commits)
	if err != nil {
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	logFile, err := os.Create(*serverLog)
	if err != nil {
		return err
	}
	defer logFile.Close()
	srv, err := bench.StartServer(ctx, exe, []string{"--db", *dbPath, "--keys", *keysPath, "--covenant", *cov, "--api-rate", "0"}, logFile)
	if err != nil {
		return fmt.Errorf("%w (log: %s)", err, *serverLog)
	}
	opt.URL = srv.URL
	res, err := bench.Load(ctx, opt)
	mem, memErr := srv.Memory()
	groupCommits, _ := srv.Metric("jeugdketen_database_commits_total")
	changes, _ := srv.Metric("jeugdketen_database_changes_total")
	stopErr := srv.Stop()
	if err != nil {
		return err
	}
	if memErr != nil {
		return memErr
	}
	report{load: res, ref: &ref, clients: opt.Clients, ready: srv.Ready, memory: &mem, markdown: *markdown, commits: groupCommits, changes: changes}.print(out)
	if stopErr != nil {
		fmt.Fprintf(out, "de server stopte niet netjes: %v (log: %s)\n", stopErr, *serverLog)
	}
	return nil
}

// loadFlags are the flags bench load and bench run share.
type loadFlags struct {
	tokens, mix              *string
	clients, requests, youth *int
	duration                 *time.Duration
}

func addLoadFlags(fs *flag.FlagSet) loadFlags {
	return loadFlags{
		tokens:   fs.String("tokens", "bench-tokens.json", "tokens written by bench generate"),
		clients:  fs.Int("clients", 64, "concurrent clients"),
		duration: fs.Duration("duration", 30*time.Second, "how long to run"),
		requests: fs.Int("requests", 0, "stop after this many requests (0: only the duration)"),
		youth:    fs.Int("youth", 100_000, "--youth given to bench generate"),
		mix:      fs.String("mix", "", "operation shares, e.g. registreren=50,herhalen=10,beeindigen=5,berichten=20,jeugdige=15"),
	}
}

// options reads the tokens and the mix: the harness's options for the server at url.
func (f loadFlags) options(url string) (bench.LoadOptions, error) {
	tokens, err := bench.ReadTokens(*f.tokens)
	if err != nil {
		return bench.LoadOptions{}, err
	}
	shares, err := parseMix(*f.mix)
	if err != nil {
		return bench.LoadOptions{}, err
	}
	return bench.LoadOptions{URL: url, Tokens: tokens, Clients: *f.clients, Duration: *f.duration, Requests: *f.requests,
		Youth: *f.youth, Mix: shares, Seed: uint64(time.Now().UnixNano())}, nil
}

// measureReference measures the raw write rate of the database at dbPath.
func measureReference(ctx context.Context, dbPath string, commits int) (bench.Reference, error) {
	db, err := storage.Open(ctx, dbPath)
	if err != nil {
		return bench.Reference{}, err
	}
	defer db.Close()
	return bench.MeasureReference(ctx, db, commits)
}
