// Package oidcstub is an organisation's OpenID Connect provider for the demo
// and the tests: oauth2-proxy's mockoidc (a real provider: discovery, the
// authorisation code flow with PKCE, RS256-signed ID tokens and its published
// keys) on loopback, with users that carry the claims Jeugdketen reads (an
// e-mail address, amr and acr). It is no provider for production.
package oidcstub

import (
	"encoding/json"
	"html/template"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/oauth2-proxy/mockoidc"
)

// Provider is a running provider.
type Provider struct {
	mock *mockoidc.MockOIDC
	mu   sync.Mutex
	last string // the last redirect back to the client, with code and state
}

// User is who the provider logs in next.
type User struct {
	Subject string
	Email   string
	AMR     []string // RFC 8176 methods, such as "pwd" and "mfa"
	ACR     string
	// Audience replaces the client id in the ID token's aud: a token made
	// for another client, which Jeugdketen must refuse.
	Audience string
}

// Start runs a provider on a free loopback port. With interactive, the
// authorisation endpoint first shows a small page that asks who logs in
// (the demo); without, it logs in the queued users (the tests).
func Start(interactive bool) (*Provider, error) {
	m, err := mockoidc.NewServer(nil)
	if err != nil {
		return nil, err
	}
	p := &Provider{mock: m}
	if err := m.AddMiddleware(p.record); err != nil {
		return nil, err
	}
	if interactive {
		if err := m.AddMiddleware(p.askWho); err != nil {
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	if err := m.Start(ln, nil); err != nil {
		ln.Close()
		return nil, err
	}
	return p, nil
}

// Close stops the provider.
func (p *Provider) Close() error { return p.mock.Shutdown() }

// Issuer is the provider's issuer URL.
func (p *Provider) Issuer() string { return p.mock.Issuer() }

// ClientID and ClientSecret are what the provider gave Jeugdketen.
func (p *Provider) ClientID() string     { return p.mock.ClientID }
func (p *Provider) ClientSecret() string { return p.mock.ClientSecret }

// Queue makes u the one the next authorisation logs in.
func (p *Provider) Queue(u User) { p.mock.QueueUser(u) }

// SetClock makes the provider issue its next tokens as if it were t: a
// test's clock, or one far enough back that the token has expired.
func (p *Provider) SetClock(t time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.mock.FastForward(t.Sub(p.mock.Now()))
}

// LastRedirect is the last answer the provider sent a browser back with: a
// test sends it again to replay the state.
func (p *Provider) LastRedirect() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last
}

// record keeps the redirect of each authorisation.
func (p *Provider) record(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		if loc := w.Header().Get("Location"); r.URL.Path == mockoidc.AuthorizationEndpoint && loc != "" {
			p.mu.Lock()
			p.last = loc
			p.mu.Unlock()
		}
	})
}

// ID is the subject.
func (u User) ID() string { return u.Subject }

// Userinfo answers the userinfo endpoint.
func (u User) Userinfo([]string) ([]byte, error) {
	return json.Marshal(map[string]any{"sub": u.Subject, "email": u.Email})
}

type claims struct {
	*mockoidc.IDTokenClaims
	Email         string   `json:"email,omitempty"`
	EmailVerified bool     `json:"email_verified"`
	AMR           []string `json:"amr,omitempty"`
	ACR           string   `json:"acr,omitempty"`
}

// Claims are the ID token's claims.
func (u User) Claims(_ []string, base *mockoidc.IDTokenClaims) (jwt.Claims, error) {
	if u.Audience != "" {
		base.Audience = jwt.ClaimStrings{u.Audience}
	}
	return &claims{IDTokenClaims: base, Email: u.Email, EmailVerified: true, AMR: u.AMR, ACR: u.ACR}, nil
}

var askPage = template.Must(template.New("ask").Parse(`<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inloggen bij uw organisatie (demo)</title></head>
<body style="font-family: sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem">
<main>
<h1>Inloggen bij uw organisatie</h1>
<p>Dit is de demo-identity provider van uw organisatie. Een echte vraagt hier uw wachtwoord en uw tweede factor.</p>
<form method="get" action="{{.Action}}">
{{range $k, $v := .Params}}{{range $v}}<input type="hidden" name="{{$k}}" value="{{.}}">{{end}}{{end}}
<p><label for="jk_email">E-mailadres</label><br><input id="jk_email" name="jk_email" type="email" autocomplete="username" value="{{.Email}}" required></p>
<p><input id="jk_mfa" name="jk_mfa" type="checkbox" value="1" checked> <label for="jk_mfa">Met tweede factor (amr: mfa)</label></p>
<p><button type="submit">Inloggen</button></p>
</form>
</main></body></html>`))

// askWho shows the demo's login page at the authorisation endpoint, and
// queues the user it names when the form comes back.
func (p *Provider) askWho(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != mockoidc.AuthorizationEndpoint {
			next.ServeHTTP(w, r)
			return
		}
		q := r.URL.Query()
		email := strings.ToLower(strings.TrimSpace(q.Get("jk_email")))
		if email == "" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			askPage.Execute(w, map[string]any{"Action": r.URL.Path, "Params": q, "Email": q.Get("login_hint")})
			return
		}
		amr := []string{"pwd"}
		if q.Get("jk_mfa") != "" {
			amr = append(amr, "mfa")
		}
		p.Queue(User{Subject: "demo-" + email, Email: email, AMR: amr})
		next.ServeHTTP(w, r)
	})
}
