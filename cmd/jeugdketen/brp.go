package main

import (
	"flag"
	"log/slog"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/population/haalcentraal"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// brpConfig is how serve reaches the population register's API, when it
// does instead of using the local table.
type brpConfig struct {
	url, apiKey, cert, key, ca *string
	timeout                    *time.Duration
}

func brpFlags(fs *flag.FlagSet) brpConfig {
	return brpConfig{
		url:     fs.String("brp", env("BRP", ""), "base URL of the BRP API Personen (Haal Centraal), e.g. https://proefomgeving.haalcentraal.nl/haalcentraal/api/brp; look youths up there instead of in the imported table (JEUGDKETEN_BRP)"),
		apiKey:  fs.String("brp-api-key", env("BRP_API_KEY", ""), "API key for the BRP, sent as X-API-KEY; prefer the variable, flags show in ps (JEUGDKETEN_BRP_API_KEY)"),
		cert:    fs.String("brp-cert", env("BRP_CERT", ""), "client certificate (PEM) for mutual TLS with the BRP (JEUGDKETEN_BRP_CERT)"),
		key:     fs.String("brp-key", env("BRP_KEY", ""), "private key (PEM) of the client certificate (JEUGDKETEN_BRP_KEY)"),
		ca:      fs.String("brp-ca", env("BRP_CA", ""), "CA certificates (PEM) that sign the BRP's certificate; default: the system's (JEUGDKETEN_BRP_CA)"),
		timeout: fs.Duration("brp-timeout", envDuration("BRP_TIMEOUT", haalcentraal.DefaultTimeout), "how long to wait for the BRP per request (JEUGDKETEN_BRP_TIMEOUT)"),
	}
}

// register is the BRP client, or nil (the local table) without --brp.
func (c brpConfig) register(log *slog.Logger) (usecase.PopulationRegister, error) {
	if *c.url == "" {
		return nil, nil
	}
	client, err := haalcentraal.New(haalcentraal.Config{
		URL: *c.url, APIKey: *c.apiKey, CertFile: *c.cert, KeyFile: *c.key, CAFile: *c.ca, Timeout: *c.timeout, Log: log,
	})
	if err != nil {
		return nil, err
	}
	log.Info("population register: BRP API", "url", *c.url, "mutual_tls", *c.cert != "")
	return client, nil
}
