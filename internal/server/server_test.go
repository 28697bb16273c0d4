package server

import (
	"crypto/tls"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/mailcatcher"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// startServer runs a server on loopback for env, with cfg's other fields.
func startServer(t *testing.T, env *testenv.Env, cfg Config) string {
	t.Helper()
	rules, err := covenant.Preset("brabant")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Addr, cfg.DB, cfg.Keys, cfg.Covenant, cfg.Now = "127.0.0.1:0", env.DB, env.Keys, rules, env.Clock.Now
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	srv, err := Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return "http://" + srv.Addr()
}

func get(t *testing.T, url string) *http.Response {
	t.Helper()
	c := &http.Client{Timeout: 10 * time.Second}
	res, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res
}

func TestEveryAnswerCarriesTheSecurityHeaders(t *testing.T) {
	t.Parallel()
	base := startServer(t, testenv.New(t), Config{})
	want := map[string]string{
		"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
		"X-Frame-Options":         "DENY",
	}
	for _, path := range []string{"/", "/healthz", "/api/v1/openapi.json", "/api/v1/berichten", "/bestaat-niet"} {
		res := get(t, base+path)
		for name, value := range want {
			if got := res.Header.Get(name); got != value {
				t.Errorf("GET %s (%d): %s = %q, want %q", path, res.StatusCode, name, got, value)
			}
		}
		if got := res.Header.Get("Strict-Transport-Security"); got != "" {
			t.Errorf("GET %s over plain HTTP with an http base URL: HSTS %q, want none", path, got)
		}
	}
}

func TestHSTSOnlyWhenReachedOverTLS(t *testing.T) {
	t.Parallel()
	const hsts = "max-age=31536000; includeSubDomains"
	base := startServer(t, testenv.New(t), Config{BaseURL: "https://verwijsindex.regio.example"})
	if got := get(t, base+"/healthz").Header.Get("Strict-Transport-Security"); got != hsts {
		t.Errorf("behind a TLS proxy (https base URL): HSTS %q, want %q", got, hsts)
	}

	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	h := securityHeaders(ok, false)
	req := httptest.NewRequest("GET", "/", nil)
	req.TLS = &tls.ConnectionState{}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if got := rec.Header().Get("Strict-Transport-Security"); got != hsts {
		t.Errorf("request over TLS: HSTS %q, want %q", got, hsts)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if got := rec.Header().Get("Strict-Transport-Security"); got != "" {
		t.Errorf("plain request, http base URL: HSTS %q, want none", got)
	}
}

// The demo's mail catcher styles its pages inline and says so in its own
// policy; the server's stricter default must not replace it.
func TestAHandlersOwnPolicyIsKept(t *testing.T) {
	t.Parallel()
	catcher, err := mailcatcher.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { catcher.Close() })
	base := startServer(t, testenv.New(t), Config{Mount: func(mux *http.ServeMux) {
		mux.Handle("/demo/mail/", http.StripPrefix("/demo/mail", catcher.Handler()))
	}})
	res, err := http.Get(base + "/demo/mail/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	csp := res.Header.Get("Content-Security-Policy")
	if res.StatusCode != http.StatusOK || !strings.Contains(string(page), "<style>") {
		t.Fatalf("mail catcher page: %d, styled %v", res.StatusCode, strings.Contains(string(page), "<style>"))
	}
	if !strings.Contains(csp, "style-src 'unsafe-inline'") || strings.Contains(csp, "script-src 'self'") {
		t.Errorf("mail catcher page has policy %q; want its own, which allows its inline style", csp)
	}
	if res.Header.Get("X-Frame-Options") != "DENY" || res.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Error("the other security headers are missing on the mail catcher page")
	}
}

func TestDefaultLimitsAreOn(t *testing.T) {
	l := limits(Config{})
	if l.PerToken == nil || l.BadToken == nil {
		t.Fatal("a server configured without limits has none; the defaults must apply")
	}
	for range DefaultAPIRate * 2 {
		if ok, _ := l.PerToken.Allow("1"); !ok {
			t.Fatal("the default burst of twice the rate is refused")
		}
	}
	if ok, _ := l.PerToken.Allow("1"); ok {
		t.Fatal("a request past the default burst is allowed")
	}
	for range DefaultBadTokens {
		l.BadToken.Allow("192.0.2.1")
	}
	if blocked, wait := l.BadToken.Blocked("192.0.2.1"); !blocked || wait > 6*time.Second+time.Millisecond {
		t.Fatalf("after %d bad tokens: blocked %v for %v; want blocked until one more is allowed (6 s)", DefaultBadTokens, blocked, wait)
	}
	if off := limits(Config{APIRate: -1, BadTokens: -1}); off.PerToken != nil || off.BadToken != nil {
		t.Fatal("negative limits do not switch the limits off")
	}
}

// Behind a proxy the caller's address is the last X-Forwarded-For entry, so
// one caller's bad tokens do not block everyone behind the same proxy.
func TestTrustProxyCountsEachClientAddress(t *testing.T) {
	t.Parallel()
	env := testenv.New(t)
	for _, trust := range []bool{true, false} {
		base := startServer(t, env, Config{TrustProxy: trust, BadTokens: 2})
		call := func(forwardedFor string) int {
			req, _ := http.NewRequest("GET", base+"/api/v1/berichten", nil)
			req.Header.Set("Authorization", "Bearer jk_fout")
			req.Header.Set("X-Forwarded-For", forwardedFor)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			return res.StatusCode
		}
		call("198.51.100.7, 192.0.2.1")
		call("198.51.100.8, 192.0.2.1")
		// A spoofed first entry does not give the guesser a new address.
		got := call("198.51.100.9, 192.0.2.1")
		if got != http.StatusTooManyRequests {
			t.Errorf("trust %v: third bad token from one address: %d, want 429", trust, got)
		}
		got = call("192.0.2.2")
		if want := map[bool]int{true: http.StatusUnauthorized, false: http.StatusTooManyRequests}[trust]; got != want {
			t.Errorf("trust %v: first bad token from another client: %d, want %d", trust, got, want)
		}
	}
}

func TestOversizedRequestsAreRefusedBeforeAnyHandlerReadsThem(t *testing.T) {
	base := startServer(t, testenv.New(t), Config{})
	big := strings.Repeat("x", MaxRequestBody+1)
	for _, path := range []string{"/inloggen", "/api/v1/registraties"} {
		res, err := http.Post(base+path, "application/x-www-form-urlencoded", strings.NewReader(big))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("POST %s with %d bytes: status %d, want 413", path, len(big), res.StatusCode)
		}
	}
}
