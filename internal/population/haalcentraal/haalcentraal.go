// Package haalcentraal asks the population register (BRP) itself, through
// the BRP API Personen of RvIG (Haal Centraal "BRP bevragen", version 2),
// instead of the region's local copy. It implements the registry's
// PopulationRegister and finds the persons living at an address. It asks
// only the fields it needs, and turns every failure of the register into a
// Dutch application error: a person the register does not know is bad input
// on the field burgerservicenummer, a register that cannot be reached is
// EUNAVAILABLE, and a request the register refuses is an internal error
// that names the register. The registry looks a person up before its
// transaction starts, so a failure stores nothing.
package haalcentraal

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// DefaultTimeout bounds one request to the register.
const DefaultTimeout = 10 * time.Second

// Config says where the register is and how to identify to it.
type Config struct {
	// URL is the API's base address, without /personen:
	// https://proefomgeving.haalcentraal.nl/haalcentraal/api/brp.
	URL string
	// APIKey is sent in the X-API-KEY header when set.
	APIKey string
	// CertFile and KeyFile hold the client certificate for mutual TLS, in
	// PEM; both or neither.
	CertFile, KeyFile string
	// CAFile holds the certificates (PEM) that may sign the register's
	// certificate; empty: the system's.
	CAFile string
	// Timeout bounds one request; 0: DefaultTimeout.
	Timeout time.Duration
	// Log receives what went wrong in detail; nil: slog.Default().
	Log *slog.Logger
}

// Client asks the BRP API Personen.
type Client struct {
	url    string
	apiKey string
	http   *http.Client
	log    *slog.Logger
}

// New checks the configuration and reads the certificates.
func New(cfg Config) (*Client, error) {
	if !strings.HasPrefix(cfg.URL, "https://") && !strings.HasPrefix(cfg.URL, "http://") {
		return nil, fmt.Errorf("haalcentraal: the BRP address %q must start with https:// (http:// only for a stand-in)", cfg.URL)
	}
	tlsConfig, err := clientTLS(cfg)
	if err != nil {
		return nil, err
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = tlsConfig
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	log := cfg.Log
	if log == nil {
		log = slog.Default()
	}
	return &Client{
		url:    strings.TrimSuffix(cfg.URL, "/") + "/personen",
		apiKey: cfg.APIKey,
		http: &http.Client{
			Transport: transport,
			Timeout:   timeout,
			// A redirect would send the query, with its BSNs, elsewhere.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		log: log,
	}, nil
}

func clientTLS(cfg Config) (*tls.Config, error) {
	c := &tls.Config{MinVersion: tls.VersionTLS12}
	if (cfg.CertFile == "") != (cfg.KeyFile == "") {
		return nil, errors.New("haalcentraal: give both the client certificate and its key, or neither")
	}
	if cfg.CertFile != "" {
		cert, err := tls.LoadX509KeyPair(cfg.CertFile, cfg.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("haalcentraal: unable to read the client certificate: %w", err)
		}
		c.Certificates = []tls.Certificate{cert}
	}
	if cfg.CAFile != "" {
		pem, err := os.ReadFile(cfg.CAFile)
		if err != nil {
			return nil, fmt.Errorf("haalcentraal: unable to read the CA file: %w", err)
		}
		c.RootCAs = x509.NewCertPool()
		if !c.RootCAs.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("haalcentraal: no certificates in the CA file %s", cfg.CAFile)
		}
	}
	return c, nil
}

// Dutch messages for the people who see the register's failures.
const (
	msgUnavailable = "De basisregistratie personen (BRP) is nu niet bereikbaar; probeer het over enkele minuten opnieuw. Er is niets opgeslagen."
	msgRefused     = "De basisregistratie personen (BRP) weigerde de vraag van de verwijsindex; dit ligt aan de koppeling, niet aan uw invoer. Er is niets opgeslagen. Meld het aan de regiobeheerder."
	msgNoAccess    = "De verwijsindex kreeg geen toegang tot de basisregistratie personen (BRP): de sleutel of het certificaat van de koppeling werd geweigerd. Er is niets opgeslagen. Meld het aan de regiobeheerder."
	msgUnreadable  = "De basisregistratie personen (BRP) gaf een antwoord dat de verwijsindex niet kan lezen. Er is niets opgeslagen. Meld het aan de regiobeheerder als het blijft gebeuren."
)

// post sends a query and decodes the answer into out. Every error it
// returns is, or wraps, a model error with a Dutch message; the wrapping
// adds what the log needs.
func (c *Client) post(ctx context.Context, query map[string]any, out any) error {
	body, err := json.Marshal(query)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Accept", "application/json")
	if c.apiKey != "" {
		req.Header.Set("X-API-KEY", c.apiKey)
	}
	res, err := c.http.Do(req)
	if err != nil {
		if errors.Is(ctx.Err(), context.Canceled) {
			return ctx.Err() // the caller went away; nobody reads a message
		}
		c.log.Warn("population register unreachable", "url", c.url, "error", err)
		return fmt.Errorf("haalcentraal: %w: %w", &model.Error{Code: model.EUNAVAILABLE, Message: msgUnavailable}, err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(io.LimitReader(res.Body, 8<<20))
	if err != nil {
		c.log.Warn("population register answer cut off", "url", c.url, "status", res.StatusCode, "error", err)
		return fmt.Errorf("haalcentraal: reading the answer: %w: %w", &model.Error{Code: model.EUNAVAILABLE, Message: msgUnavailable}, err)
	}
	if res.StatusCode == http.StatusOK {
		if err := json.Unmarshal(data, out); err != nil {
			c.log.Error("population register answer unreadable", "url", c.url, "content_type", res.Header.Get("Content-Type"), "error", err)
			return fmt.Errorf("haalcentraal: decoding the answer: %w: %w", &model.Error{Code: model.EINTERNAL, Message: msgUnreadable}, err)
		}
		return nil
	}
	return c.failure(res, data)
}

// problem is the register's error answer (Foutbericht).
type problem struct {
	Title         string `json:"title"`
	Code          string `json:"code"`
	Detail        string `json:"detail"`
	InvalidParams []struct {
		Name   string `json:"name"`
		Code   string `json:"code"`
		Reason string `json:"reason"`
	} `json:"invalidParams"`
}

// failure turns an error answer into the application's error. The
// register's problem (title, code, invalid parameters: never a BSN) goes
// into the log and the wrapped error.
func (c *Client) failure(res *http.Response, data []byte) error {
	var p problem
	json.Unmarshal(data, &p)
	what := fmt.Sprintf("the register answered %d %s (%s)", res.StatusCode, p.Code, p.Title)
	for _, ip := range p.InvalidParams {
		what += fmt.Sprintf("; %s %s: %s", ip.Name, ip.Code, ip.Reason)
	}
	s := res.StatusCode
	switch {
	case s >= 500, s == http.StatusTooManyRequests, s == http.StatusRequestTimeout:
		c.log.Warn("population register unavailable", "url", c.url, "status", s, "problem", p.Code)
		return fmt.Errorf("haalcentraal: %s: %w", what, &model.Error{Code: model.EUNAVAILABLE, Message: msgUnavailable})
	case s == http.StatusUnauthorized, s == http.StatusForbidden:
		c.log.Error("population register refused access; check the API key and client certificate", "url", c.url, "status", s, "problem", p.Code)
		return fmt.Errorf("haalcentraal: %s: %w", what, &model.Error{Code: model.EINTERNAL, Message: msgNoAccess})
	default:
		c.log.Error("population register refused the request", "url", c.url, "status", s, "problem", what)
		return fmt.Errorf("haalcentraal: %s: %w", what, &model.Error{Code: model.EINTERNAL, Message: msgRefused})
	}
}
