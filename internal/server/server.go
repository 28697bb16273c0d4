// Package server wires Jeugdketen together: database, keys, population
// register, covenant, use cases, the HTTP API and the background workers
// (outbox delivery and the expiry sweep). serve and demo both run it.
package server

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/netip"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/api"
	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/metrics"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/notify"
	"github.com/jeugdketen/jeugdketen/internal/ratelimit"
	"github.com/jeugdketen/jeugdketen/internal/region"
	"github.com/jeugdketen/jeugdketen/internal/registry"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
	"github.com/jeugdketen/jeugdketen/internal/web"
	"github.com/jeugdketen/jeugdketen/internal/webhook"
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
	MaxDuration   model.Period // a registration's term before it must be renewed; zero: registry.DefaultMaxDuration
	ArchiveYears  int          // years an ended registration is kept; zero: registry.DefaultArchiveYears
	AuditYears    int          // years audit records are kept; zero: registry.DefaultAuditYears
	Now           func() time.Time
	MailInterval  time.Duration // default 2 s
	MailLease     time.Duration // how long an instance holds mail it takes; default 2 min
	WebhookLease  time.Duration // how long an instance holds a webhook it delivers; default 2 min
	SweepInterval time.Duration // default 1 h
	Log           *slog.Logger
	Mount         func(mux *http.ServeMux) // extra routes, such as the demo's mail catcher
	MailView      string                   // path of the demo's sent-mail view, linked for the administrator
	// MetricsToken is what a scraper sends as "Authorization: Bearer …" for
	// /metrics; empty: /metrics is not served. The figures hold no personal
	// data, but they do tell how busy the chain is.
	MetricsToken string
	Argon2       auth.Argon2 // password hashing cost; zero: auth.DefaultArgon2

	// InstitutionAddresses are addresses of institutions, "postcode
	// huisnummer", that never count as a family address (registry.Service).
	InstitutionAddresses []string
	// ShelterAddresses are shelter addresses, written the same way: a youth
	// there is shielded as one with a secret address (registry.Service).
	ShelterAddresses []string

	// Population is the population register to look youths up in, such as
	// the BRP API (package haalcentraal); nil: the local table.
	Population usecase.PopulationRegister

	// Rate limits, counted per instance (see package ratelimit).
	APIRate  float64 // API requests per second per token; 0: DefaultAPIRate; negative: no limit
	APIBurst int     // API requests at once per token; 0: twice the rate
	// BadTokens is how many requests with an invalid token a client address
	// may make per minute; 0: DefaultBadTokens; negative: no limit.
	BadTokens int
	// TrustProxy takes the client address from the last X-Forwarded-For entry,
	// for a server behind a reverse proxy that sets it. Without it every
	// caller would share the proxy's address in the limits and the audit trail.
	TrustProxy bool
	// RequireBirthDate makes the API ask the birth date with every
	// registration, as the web form does, so that a typo in a client
	// system's BSN finds no other child.
	RequireBirthDate bool
}

// Default rate limits.
const (
	DefaultAPIRate   = 50
	DefaultBadTokens = 10
)

// Server is a running instance.
type Server struct {
	Registry *registry.Service
	Region   *region.Service
	People   *auth.People
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
	reg := registry.New(&usecase.Service{
		DB: cfg.DB, Keys: cfg.Keys, Covenant: cfg.Covenant, Clock: cfg.Now, AgeLimit: cfg.AgeLimit, BaseURL: cfg.BaseURL,
		Population:  storage.NewLocalRegister(cfg.DB, cfg.Keys),
		MaxDuration: cfg.MaxDuration, ArchiveYears: cfg.ArchiveYears, AuditYears: cfg.AuditYears,
		InstitutionAddresses: cfg.InstitutionAddresses, ShelterAddresses: cfg.ShelterAddresses,
	})
	if cfg.Population != nil {
		reg.Population = cfg.Population
	}
	adm := &region.Service{DB: cfg.DB, Now: cfg.Now}
	people := &auth.People{DB: cfg.DB, Keys: cfg.Keys, Now: cfg.Now, Argon2: cfg.Argon2,
		RedirectURL: strings.TrimRight(cfg.BaseURL, "/") + "/inloggen/oidc/terug"}
	pages, err := web.New(web.Handler{
		Registry: reg, Region: adm, People: people, Covenant: cfg.Covenant, Log: cfg.Log,
		Secure: strings.HasPrefix(strings.ToLower(cfg.BaseURL), "https://"), MailView: cfg.MailView,
	})
	if err != nil {
		ln.Close()
		return nil, err
	}
	mux := http.NewServeMux()
	(&api.Handler{Tokens: auth.Tokens{DB: cfg.DB}, Registry: reg, Region: adm, Now: cfg.Now, Log: cfg.Log, Limits: limits(cfg), RequireBirthDate: cfg.RequireBirthDate}).Routes(mux)
	measure := metrics.New(cfg.DB)
	if cfg.MetricsToken != "" {
		mux.Handle("GET /metrics", bearer(cfg.MetricsToken, measure.Handler()))
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if err := cfg.DB.View(r.Context(), func(tx *storage.Tx) error { _, err := tx.Setting(r.Context(), "keys"); return err }); err != nil {
			http.Error(w, "database niet bereikbaar", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
	pages.Routes(mux)
	if cfg.Mount != nil {
		cfg.Mount(mux)
	}
	s := &Server{Registry: reg, Region: adm, People: people, addr: addr}
	s.http = &http.Server{
		Handler:           handler(cfg, measure.Measure(mux)),
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
	for _, w := range cfg.Covenant.Warnings {
		cfg.Log.Warn("covenant: "+w, "covenant", cfg.Covenant.Name)
	}
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
		reg.RunSweeps(ctx, owner, sweep, cfg.Log)
	}()
	// Webhooks need no SMTP server: they run on every instance, one holder per webhook.
	hooks := &webhook.Worker{DB: cfg.DB, Feed: reg.Feed, Owner: owner, Now: cfg.Now, Lease: cfg.WebhookLease, Log: cfg.Log}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		hooks.Run(ctx, time.Second)
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

// handler wraps the routes in what every request gets.
func handler(cfg Config, mux http.Handler) http.Handler {
	h := securityHeaders(limitBody(mux), strings.HasPrefix(strings.ToLower(cfg.BaseURL), "https://"))
	if cfg.TrustProxy {
		h = forwardedFor(h)
	}
	return h
}

func limits(cfg Config) api.Limits {
	var l api.Limits
	if rate := cmp.Or(cfg.APIRate, DefaultAPIRate); rate > 0 {
		l.PerToken = ratelimit.New(rate, cmp.Or(cfg.APIBurst, int(math.Ceil(2*rate))))
	}
	if n := cmp.Or(cfg.BadTokens, DefaultBadTokens); n > 0 {
		l.BadToken = ratelimit.New(float64(n)/60, n)
	}
	return l
}

// contentSecurityPolicy allows scripts, styles and forms only from this
// server, never inline, and no framing. A handler may set its own policy
// (the demo's mail catcher needs inline style): securityHeaders sets its
// headers before the handler runs, so the handler's value wins.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"frame-ancestors 'none'; form-action 'self'; base-uri 'none'"

// securityHeaders sets the hardening headers on every answer. HSTS only where
// the browser reached us over TLS: directly, or through a proxy when the
// public address (BaseURL) is https.
func securityHeaders(next http.Handler, https bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		if https || r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		next.ServeHTTP(w, r)
	})
}

// forwardedFor sets the request's remote address to the last entry of
// X-Forwarded-For: the address our own proxy saw. Earlier entries come from
// the client and prove nothing.
func forwardedFor(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		values := r.Header.Values("X-Forwarded-For")
		if len(values) > 0 {
			entries := strings.Split(values[len(values)-1], ",")
			if ip, err := netip.ParseAddr(strings.TrimSpace(entries[len(entries)-1])); err == nil {
				r2 := r.Clone(r.Context())
				r2.RemoteAddr = netip.AddrPortFrom(ip.Unmap(), 0).String()
				r = r2
			}
		}
		next.ServeHTTP(w, r)
	})
}

// MaxRequestBody bounds every request body; forms and API calls are tiny
// (the API allows itself less still).
const MaxRequestBody = 1 << 20

// boundsItsOwnBody: a client system's list of up to 100,000 lines (issue
// 16), in the API or as a CSV file in the web application, is far larger;
// those handlers bound the body themselves, and answer it in their own form.
var boundsItsOwnBody = map[string]bool{"/api/v1/synchronisaties": true, "/registraties/uploaden": true, "/registraties/uploaden/bevestigen": true}

func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && boundsItsOwnBody[r.URL.Path] {
			next.ServeHTTP(w, r)
			return
		}
		if r.ContentLength > MaxRequestBody {
			http.Error(w, "Het verzoek is te groot.", http.StatusRequestEntityTooLarge)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, MaxRequestBody)
		next.ServeHTTP(w, r)
	})
}
