// Package server wires Jeugdketen together: database, keys, population
// register, covenant, use cases, the HTTP API and the background workers
// (outbox delivery and the expiry sweep). serve and demo both run it.
package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/api"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/notify"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/region"
	"github.com/jeugdketen/jeugdketen/internal/registry"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Config is what an instance needs; flags and JEUGDKETEN_* variables fill it.
type Config struct {
	Addr          string // "127.0.0.1:8080"
	DB            *storage.DB
	Keys          *secret.Keys
	Covenant      *covenant.Covenant
	SMTP          string // smtp://host:port?from=…; empty: e-mail stays queued
	BaseURL       string // for links in e-mails; default http://Addr
	AgeLimit      int
	Now           func() time.Time
	MailInterval  time.Duration // default 2 s
	MailLease     time.Duration // how long an instance holds mail it takes; default 2 min
	SweepInterval time.Duration // default 1 h
	Log           *slog.Logger
	Mount         func(mux *http.ServeMux) // extra routes, such as the demo's mail catcher
}

// Server is a running instance.
type Server struct {
	Registry *registry.Service
	Region   *region.Service
	addr     string
	http     *http.Server
	cancel   context.CancelFunc
	wg       sync.WaitGroup
}

// Start listens on cfg.Addr and runs the workers until Close.
func Start(cfg Config) (*Server, error) {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("server: unable to listen on %s: %w", cfg.Addr, err)
	}
	addr := ln.Addr().String()
	if cfg.BaseURL == "" {
		cfg.BaseURL = "http://" + addr
	}
	reg := &registry.Service{
		DB: cfg.DB, Keys: cfg.Keys, Covenant: cfg.Covenant, Now: cfg.Now, AgeLimit: cfg.AgeLimit, BaseURL: cfg.BaseURL,
		Population: &population.Local{DB: cfg.DB, Keys: cfg.Keys},
	}
	adm := &region.Service{DB: cfg.DB, Now: cfg.Now}
	mux := http.NewServeMux()
	(&api.Handler{DB: cfg.DB, Registry: reg, Region: adm, Now: cfg.Now, Log: cfg.Log}).Routes(mux)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if err := cfg.DB.View(r.Context(), func(tx *storage.Tx) error { _, err := tx.Setting(r.Context(), "keys"); return err }); err != nil {
			http.Error(w, "database niet bereikbaar", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /{$}", home)
	if cfg.Mount != nil {
		cfg.Mount(mux)
	}
	s := &Server{Registry: reg, Region: adm, addr: addr}
	s.http = &http.Server{
		Handler:           securityHeaders(mux),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(cfg.Log.Handler(), slog.LevelWarn),
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	owner := instanceName()
	if err := s.startWorkers(ctx, cfg, reg, owner); err != nil {
		cancel()
		ln.Close()
		return nil, err
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		if err := s.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			cfg.Log.Error("http server stopped", "error", err)
		}
	}()
	cfg.Log.Info("jeugdketen listening", "addr", addr, "instance", owner, "covenant", cfg.Covenant.Name)
	return s, nil
}

func (s *Server) startWorkers(ctx context.Context, cfg Config, reg *registry.Service, owner string) error {
	sweep := cfg.SweepInterval
	if sweep == 0 {
		sweep = time.Hour
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		reg.RunSweeps(ctx, owner, sweep, func(msg string, args ...any) { cfg.Log.Info(msg, args...) })
	}()
	if cfg.SMTP == "" {
		cfg.Log.Warn("no SMTP server configured (--smtp): messages appear in the inbox, e-mail stays queued")
		return nil
	}
	sender, err := notify.ParseSMTP(cfg.SMTP)
	if err != nil {
		return err
	}
	interval := cfg.MailInterval
	if interval == 0 {
		interval = 2 * time.Second
	}
	w := &notify.Worker{DB: cfg.DB, Sender: sender, Owner: owner, Now: cfg.Now, Lease: cfg.MailLease, Log: cfg.Log}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		w.Run(ctx, interval)
	}()
	return nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() string { return s.addr }

// Close stops accepting requests, lets running ones finish and stops the workers.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := s.http.Shutdown(ctx)
	s.cancel()
	s.wg.Wait()
	return err
}

func instanceName() string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	rand.Read(b)
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b))
}

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'")
		next.ServeHTTP(w, r)
	})
}

func home(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, `<!doctype html><html lang="nl"><meta charset="utf-8"><title>Jeugdketen</title>
<h1>Jeugdketen – verwijsindex voor de jeugdketen</h1>
<p>Deze server biedt de REST API voor koppelingen en hulpverleners: zie <a href="/api/v1/openapi.json">het OpenAPI-document</a>.</p>
<p>In de demo staan de verstuurde e-mails op <a href="/demo/mail/">/demo/mail/</a>.</p>
</html>`)
}
