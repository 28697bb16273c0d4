// Command jeugdketen runs a region's youth-care referral index: the server
// (serve), a ready-made demo region (demo) and the operator's commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

type command struct {
	summary string
	run     func(ctx context.Context, args []string, out io.Writer) error
}

var commands = map[string]command{
	"serve":             {"run the server (API, e-mail, sweeps)", serve},
	"demo":              {"run a demo region on a fresh SQLite database", runDemo},
	"migrate":           {"create or upgrade the database schema", migrate},
	"import population": {"import a population register file (RvIG GBA-V test set or plain CSV)", importPopulation},
	"org add":           {"add an organisation; prints its id", orgAdd},
	"user add":          {"add a professional to an organisation", userAdd},
	"token create":      {"create an API token for a professional or a client system; prints it", tokenCreate},
	"keys generate":     {"write a new key file", keysGenerate},
	"keys rotate":       {"move the data to a new key file (--new-keys); stop every instance first", keysRotate},
	"bench generate":    {"generate a synthetic region or country for benchmarks", benchGenerate},
	"bench load":        {"drive a running server on loopback and print throughput and latency", benchLoad},
	"bench run":         {"measure it all: raw database rate, start-up, load on a server of this binary, memory", benchRun},
	"bench sync":        {"measure one synchronisation of many lines against the same registrations one by one, on a server of this binary", benchSync},
	"bench monitoring":  {"time making the monitoring months and reading the figures on a generated data set", benchMonitoring},
	"backup":            {"write a consistent copy of a SQLite database while it runs", backup},
	"audit verify":      {"check the hash chain of the audit trail", auditVerify},
	"rules show":        {"show a covenant's rules in Dutch", rulesShow},
	"brp-stub":          {"serve the BRP API Personen from RvIG's test set, for serve --brp", brpStub},
	"user password":     {"give a professional a new random password; prints it once", userPassword},
	"totp":              {"print the current second-factor code for a TOTP secret (demo logins)", totpCode},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	stopProfile, err := startProfile()
	if err == nil {
		err = run(ctx, os.Args[1:], os.Stdout)
		stopProfile()
	}
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "jeugdketen:", err)
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage()
		return nil
	}
	for n := 2; n >= 1; n-- {
		if len(args) >= n {
			if c, ok := commands[strings.Join(args[:n], " ")]; ok {
				return c.run(ctx, args[n:], out)
			}
		}
	}
	usage()
	return fmt.Errorf("unknown command %q", strings.Join(args, " "))
}

func usage() {
	fmt.Fprintln(os.Stderr, "Usage: jeugdketen <command> [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(os.Stderr, "  %-18s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(os.Stderr, "\nEvery command takes --db (or JEUGDKETEN_DB). Run a command with -h for its flags.")
}
