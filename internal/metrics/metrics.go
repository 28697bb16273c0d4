// Package metrics exposes Prometheus metrics of one instance: HTTP requests by
// route and status with their durations, and the region's state read from the
// database at scrape time (active registrations, matches, running
// coordinations, e-mail waiting and refused). Counts only: no youth is identifiable.
package metrics

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Metrics is one instance's registry of metrics.
type Metrics struct {
	registry *prometheus.Registry
	requests *prometheus.HistogramVec
}

// New makes the metrics; the database gauges query db when scraped.
func New(db *storage.DB) *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "jeugdketen_http_request_duration_seconds",
			Help:    "Duration of HTTP requests by route pattern, method and status.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"route", "method", "status"}),
	}
	m.registry.MustRegister(m.requests, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.registry.MustRegister(&stateCollector{db: db})
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// Measure records every request's duration under its route pattern (never
// the path itself, which may hold a youth's reference).
func (m *Metrics) Measure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		route := r.Pattern
		if route == "" {
			route = "onbekend"
		}
		m.requests.WithLabelValues(route, r.Method, strconv.Itoa(sw.status)).Observe(time.Since(start).Seconds())
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

var (
	descRegistrations = prometheus.NewDesc("jeugdketen_registrations_active", "Active registrations.", nil, nil)
	descMatches       = prometheus.NewDesc("jeugdketen_matches_total", "Pairs of organisations matched on a youth, ever.", nil, nil)
	descCoordinations = prometheus.NewDesc("jeugdketen_coordinations_running", "Youths with a running coordinator.", nil, nil)
	descMailPending   = prometheus.NewDesc("jeugdketen_mail_pending", "E-mails waiting in the outbox to be delivered.", nil, nil)
	descMailRefused   = prometheus.NewDesc("jeugdketen_mail_undelivered", "E-mails the receiving server refused for good (SMTP 5xx), no longer tried; listed under Niet bezorgde e-mail.", nil, nil)
	descMailSent      = prometheus.NewDesc("jeugdketen_mail_sent_total", "E-mails delivered, ever.", nil, nil)
	descUp            = prometheus.NewDesc("jeugdketen_database_up", "1 when the database answered the scrape.", nil, nil)
	descCommits       = prometheus.NewDesc("jeugdketen_database_commits_total", "Write transactions committed by group commit (SQLite), ever since start.", nil, nil)
	descChanges       = prometheus.NewDesc("jeugdketen_database_changes_total", "Changes committed by group commit (SQLite); divided by the commits, how many share one.", nil, nil)
)

// stateCollector reads the region's state from the database when scraped.
type stateCollector struct{ db *storage.DB }

func (c *stateCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descRegistrations, descMatches, descCoordinations, descMailPending, descMailRefused, descMailSent, descUp, descCommits, descChanges} {
		ch <- d
	}
}

func (c *stateCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	g := c.db.GroupStats()
	ch <- prometheus.MustNewConstMetric(descCommits, prometheus.CounterValue, float64(g.Commits))
	ch <- prometheus.MustNewConstMetric(descChanges, prometheus.CounterValue, float64(g.Changes))
	var s storage.State
	err := c.db.View(ctx, func(tx *storage.Tx) error {
		var err error
		s, err = tx.State(ctx)
		return err
	})
	if err != nil {
		ch <- prometheus.MustNewConstMetric(descUp, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(descUp, prometheus.GaugeValue, 1)
	ch <- prometheus.MustNewConstMetric(descRegistrations, prometheus.GaugeValue, float64(s.ActiveRegistrations))
	ch <- prometheus.MustNewConstMetric(descMatches, prometheus.CounterValue, float64(s.Matches))
	ch <- prometheus.MustNewConstMetric(descCoordinations, prometheus.GaugeValue, float64(s.RunningCoordinations))
	ch <- prometheus.MustNewConstMetric(descMailPending, prometheus.GaugeValue, float64(s.MailPending))
	ch <- prometheus.MustNewConstMetric(descMailRefused, prometheus.GaugeValue, float64(s.MailUndelivered))
	ch <- prometheus.MustNewConstMetric(descMailSent, prometheus.CounterValue, float64(s.MailSent))
}
