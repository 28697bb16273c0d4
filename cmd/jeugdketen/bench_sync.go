package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/bench"
)

// benchSync measures a client system's synchronisation (issue 16): a
// server of this binary started on the generated database takes one list
// of --lines lines, then --one-by-one other registrations sent one by one,
// and the rates of both are printed with their ratio.
func benchSync(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("bench sync")
	dbPath := dbFlag(fs)
	keysPath := keysFlag(fs)
	tokens := fs.String("tokens", "bench-tokens.json", "tokens written by bench generate")
	youth := fs.Int("youth", 100_000, "--youth given to bench generate")
	lines := fs.Int("lines", 100_000, "lines in the one synchronisation")
	oneByOne := fs.Int("one-by-one", 5000, "registrations sent one by one afterwards, about other youths")
	clients := fs.Int("clients", 1, "clients sending the one-by-one registrations at once")
	cov := fs.String("covenant", env("COVENANT", "brabant"), "covenant preset or rules file, as given to bench generate")
	serverLog := fs.String("server-log", "bench-server.log", "file for the server's log")
	pprof := fs.String("pprof", "", "serve the server's profiler on this loopback address while it runs")
	if err := parse(fs, args); err != nil {
		return err
	}
	toks, err := bench.ReadTokens(*tokens)
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
	serve := []string{"--db", *dbPath, "--keys", *keysPath, "--covenant", *cov, "--api-rate", "0"}
	if *pprof != "" {
		serve = append(serve, "--pprof", *pprof)
	}
	srv, err := bench.StartServer(ctx, exe, serve, logFile)
	if err != nil {
		return fmt.Errorf("%w (log: %s)", err, *serverLog)
	}
	res, err := bench.MeasureSync(ctx, bench.SyncOptions{URL: srv.URL, Tokens: toks, Youth: *youth, Lines: *lines, OneByOne: *oneByOne, Clients: *clients, CPU: srv.CPU})
	mem, _ := srv.Memory()
	stopErr := srv.Stop()
	if err != nil {
		return err
	}
	c := res.Counts
	fmt.Fprintf(out, "synchronisatie: %d regels in %s = %.0f regels/s (%d aangemaakt, %d ongewijzigd, %d bijgewerkt, %d geweigerd)\n",
		res.Lines, res.SyncElapsed.Round(time.Millisecond), res.SyncRate(), c.Created, c.Unchanged, c.Updated, c.Refused)
	fmt.Fprintf(out, "een voor een:   %d registraties (%d fouten) door %d client(s) in %s = %.0f registraties/s\n",
		res.OneByOne, res.OneByOneErrors, res.Clients, res.OneByOneElapsed.Round(time.Millisecond), res.OneByOneRate())
	fmt.Fprintf(out, "verhouding:     %.1f × zo snel als een voor een\n", res.SyncRate()/res.OneByOneRate())
	if res.SyncCPU > 0 && res.OneByOneCPU > 0 {
		perSync := res.SyncCPU.Seconds() * 1000 / float64(res.Lines)
		perOne := res.OneByOneCPU.Seconds() * 1000 / float64(res.OneByOne)
		fmt.Fprintf(out, "processortijd server: %.2f ms per regel gesynchroniseerd, %.2f ms per registratie een voor een (%.1f ×)\n", perSync, perOne, perOne/perSync)
	}
	fmt.Fprintf(out, "geheugen server: piek %s\n", mib(mem.Peak))
	if stopErr != nil {
		fmt.Fprintf(out, "de server stopte niet netjes: %v (log: %s)\n", stopErr, *serverLog)
	}
	return nil
}
