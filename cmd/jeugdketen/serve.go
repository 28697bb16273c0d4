package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"strconv"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/server"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

func serve(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("serve")
	addr := fs.String("addr", env("ADDR", "127.0.0.1:8080"), "address to listen on (JEUGDKETEN_ADDR)")
	dbPath := dbFlag(fs)
	keysPath := keysFlag(fs)
	cov := fs.String("covenant", env("COVENANT", "brabant"), "covenant preset (brabant, den-haag, almere) or rules file (JEUGDKETEN_COVENANT)")
	smtp := fs.String("smtp", env("SMTP", ""), "SMTP server, smtp://user:pass@host:587?from=verwijsindex@regio.nl (JEUGDKETEN_SMTP)")
	baseURL := fs.String("base-url", env("BASE_URL", ""), "public address used in e-mail links (JEUGDKETEN_BASE_URL)")
	webhookLease := fs.Duration("webhook-lease", envDuration("WEBHOOK_LEASE", 2*time.Minute), "how long an instance holds a webhook it delivers; a crashed instance's webhook is taken by another after this (JEUGDKETEN_WEBHOOK_LEASE)")
	mailLease := fs.Duration("mail-lease", envDuration("MAIL_LEASE", 2*time.Minute), "how long an instance holds e-mail it took; a crashed instance's mail is sent by another after this (JEUGDKETEN_MAIL_LEASE)")
	ageLimit := fs.Int("age-limit", envInt("AGE_LIMIT", usecase.DefaultAgeLimit), "age at which registrations end (JEUGDKETEN_AGE_LIMIT)")
	apiRate := fs.Float64("api-rate", envFloat("API_RATE", server.DefaultAPIRate), "API requests per second per token, bursts of twice that; counted per instance; 0: no limit (JEUGDKETEN_API_RATE)")
	trustProxy := fs.Bool("trust-proxy", env("TRUST_PROXY", "") == "true", "behind a reverse proxy: take the client address from its X-Forwarded-For, for the limits and the audit trail (JEUGDKETEN_TRUST_PROXY=true)")
	institutionsFile := fs.String("institution-addresses", env("INSTITUTION_ADDRESSES", ""), "file of institution addresses, one 'postcode huisnummer' a line (# starts a comment); children there never count as one family (JEUGDKETEN_INSTITUTION_ADDRESSES)")
	metricsToken := fs.String("metrics-token", env("METRICS_TOKEN", ""), "token a Prometheus scraper sends as 'Authorization: Bearer …' for /metrics; empty: /metrics is not served (JEUGDKETEN_METRICS_TOKEN)")
	sheltersFile := fs.String("shelter-addresses", env("SHELTER_ADDRESSES", ""), "file of shelter addresses (vrouwenopvang, crisis placement), written as --institution-addresses; a youth there gets no address view and is matched by address with nobody (JEUGDKETEN_SHELTER_ADDRESSES)")
	requireBirthDate := fs.Bool("require-birth-date", env("REQUIRE_BIRTH_DATE", "") == "true", "the API refuses a registration without geboortedatum, as the web form always does (JEUGDKETEN_REQUIRE_BIRTH_DATE=true)")
	pprofAddr := fs.String("pprof", env("PPROF", ""), "serve Go's profiler on this loopback address, e.g. 127.0.0.1:6060 (JEUGDKETEN_PPROF)")
	brp := brpFlags(fs)
	keep := addRetentionFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	institutions, err := readInstitutionAddresses(*institutionsFile)
	if err != nil {
		return err
	}
	shelters, err := readShelterAddresses(*sheltersFile)
	if err != nil {
		return err
	}
	if err := keep.check(); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if *pprofAddr != "" {
		prof, err := servePprof(*pprofAddr)
		if err != nil {
			return err
		}
		defer prof.Close()
	}
	register, err := brp.register(log)
	if err != nil {
		return err
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
	srv, err := server.Start(server.Config{
		Addr: *addr, DB: db, Keys: keys, Covenant: rules, SMTP: *smtp, BaseURL: *baseURL, AgeLimit: *ageLimit, MailLease: *mailLease, WebhookLease: *webhookLease, Log: log,
		APIRate: noLimitAtZero(*apiRate), TrustProxy: *trustProxy, Population: register, InstitutionAddresses: institutions, ShelterAddresses: shelters,
		MaxDuration: keep.maxDuration, ArchiveYears: *keep.archiveYears, AuditYears: *keep.auditYears,
		MetricsToken: *metricsToken, RequireBirthDate: *requireBirthDate,
	})
	if err != nil {
		return err
	}
	<-ctx.Done()
	log.Info("shutting down")
	return srv.Close()
}

func envDuration(name string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(env(name, "")); err == nil {
		return v
	}
	return def
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(env(name, "")); err == nil {
		return v
	}
	return def
}

func envFloat(name string, def float64) float64 {
	if v, err := strconv.ParseFloat(env(name, ""), 64); err == nil {
		return v
	}
	return def
}

// noLimitAtZero maps the flag's "0: no limit" onto server.Config, where 0
// means the default.
func noLimitAtZero(rate float64) float64 {
	if rate <= 0 {
		return -1
	}
	return rate
}
