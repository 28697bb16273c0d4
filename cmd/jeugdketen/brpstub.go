package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/population/brpstub"
)

// brpStub serves the BRP API Personen from RvIG's test set (or a register
// file), so that serve --brp can be tried and tested without the register.
func brpStub(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("brp-stub")
	addr := fs.String("addr", env("BRP_STUB_ADDR", "127.0.0.1:8081"), "address to listen on (JEUGDKETEN_BRP_STUB_ADDR)")
	apiKey := fs.String("api-key", env("BRP_STUB_API_KEY", ""), "require this key in the X-API-KEY header (JEUGDKETEN_BRP_STUB_API_KEY)")
	file := fs.String("file", "", "register file to serve (GBA-V or plain CSV); default: RvIG's test set, built in")
	if err := parse(fs, args); err != nil {
		return err
	}
	records := population.TestPersons()
	if *file != "" {
		var err error
		if records, _, err = population.ReadFile(*file); err != nil {
			return err
		}
	}
	stub, err := brpstub.New(records)
	if err != nil {
		return err
	}
	stub.APIKey = *apiKey
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("brp-stub: unable to listen on %s: %w", *addr, err)
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	srv := &http.Server{Handler: stub, ReadHeaderTimeout: 10 * time.Second, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	base := "http://" + ln.Addr().String() + brpstub.BasePath
	fmt.Fprintf(out, "BRP API Personen stand-in with %d persons: POST %s/personen\n", stub.Len(), base)
	fmt.Fprintf(out, "use it with: jeugdketen serve --brp %s", base)
	if *apiKey != "" {
		fmt.Fprint(out, " (and JEUGDKETEN_BRP_API_KEY set to the key)")
	}
	fmt.Fprintln(out)
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
