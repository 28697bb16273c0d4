package auth

import (
	"context"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// providerLoginMaxAge is how long a login may stay at the provider.
const providerLoginMaxAge = 10 * time.Minute

var (
	// errProviderLogin is the one answer to an unknown or deactivated
	// professional, one of another organisation, and a subject that is not
	// the one bound to the account: like a wrong password it does not say
	// which, so nobody learns which addresses have an account.
	errProviderLogin = model.Errorf(model.EUNAUTHORIZED, "Het inloggen via uw organisatie is gelukt, maar daarmee komt u niet in Jeugdketen: "+
		"het e-mailadres of het account klopt niet. Vraag de regiobeheerder of u toegang heeft.")
	// ErrProviderState: the state is unknown, used before, expired or not
	// this browser's.
	ErrProviderState = model.Errorf(model.EUNAUTHORIZED, "Deze inlogpoging is verlopen of al gebruikt. Log opnieuw in.")
	errProviderToken = model.Errorf(model.EUNAUTHORIZED, "Uw organisatie bevestigde het inloggen niet op een manier die Jeugdketen kan controleren. "+
		"Log opnieuw in; lukt het weer niet, meld het dan aan de regiobeheerder.")
	errProviderDown = model.Errorf(model.EUNAVAILABLE, "De inlogpagina van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw.")
	errNoProvider   = model.Errorf(model.ENOTFOUND, "Deze organisatie logt niet in via een eigen identity provider.")
)

// ProviderStart is where to send the browser, and the state to keep in
// it (a cookie) so that the answer comes back to the browser that asked.
type ProviderStart struct {
	URL   string
	State string
}

// ProviderAnswer is what the provider sent back to the redirect URL.
type ProviderAnswer struct {
	State        string // the state parameter
	BrowserState string // the state this browser kept
	Code         string
	Error        string // the provider's error parameter, such as access_denied
	Address      string
	Source       string
}

// ProviderLogin is a login through the provider: a logged-in session when
// the provider asserted a second factor, else a halfway one for
// Jeugdketen's own code (Halfway).
type ProviderLogin struct {
	SessionID string
	Halfway   *Halfway
}

// BeginProviderLogin starts a login through an organisation's provider: the
// authorisation code flow with PKCE (S256), a state and a nonce, kept until
// the provider sends the browser back.
func (p *People) BeginProviderLogin(ctx context.Context, organisationID int64) (ProviderStart, error) {
	now := p.now()
	ip, _, err := p.activeProvider(ctx, organisationID)
	if err != nil {
		return ProviderStart{}, err
	}
	prov, err := p.provider(ctx, ip.Issuer)
	if err != nil {
		return ProviderStart{}, errProviderDown
	}
	state, nonce, verifier := randomText(), randomText(), oauth2.GenerateVerifier()
	err = p.DB.Update(ctx, func(tx *storage.Tx) error {
		return tx.CreateOIDCLogin(ctx, storage.OIDCLogin{StateHash: hashSessionID(state), OrganisationID: organisationID, Nonce: nonce,
			Verifier: p.Keys.Seal([]byte(verifier)), ExpiresAt: now.Add(providerLoginMaxAge)}, now)
	})
	if err != nil {
		return ProviderStart{}, err
	}
	conf := p.oauthConfig(ip, prov, "")
	return ProviderStart{URL: conf.AuthCodeURL(state, oidc.Nonce(nonce), oauth2.S256ChallengeOption(verifier)), State: state}, nil
}

// FinishProviderLogin completes a login the provider sent back. The state
// works once. The code is exchanged with the PKCE verifier; the ID token's
// issuer, audience, signature (the provider's published keys) and expiry
// are checked by go-oidc, the nonce here. The professional must exist,
// be active and be of the provider's organisation; the provider's subject is
// bound at the first login and must be the same at every one after.
//
// A failure is counted and recorded as a wrong password is, and a locked
// account is refused alike.
func (p *People) FinishProviderLogin(ctx context.Context, a ProviderAnswer) (ProviderLogin, error) {
	now := p.now()
	var login storage.OIDCLogin
	err := p.DB.Update(ctx, func(tx *storage.Tx) error {
		var err error
		login, err = tx.TakeOIDCLogin(ctx, hashSessionID(a.State))
		return err
	})
	if err == storage.ErrNotFound || (err == nil && !now.Before(login.ExpiresAt)) ||
		(err == nil && subtle.ConstantTimeCompare([]byte(a.State), []byte(a.BrowserState)) != 1) {
		return ProviderLogin{}, ErrProviderState
	}
	if err != nil {
		return ProviderLogin{}, err
	}
	ip, org, err := p.activeProvider(ctx, login.OrganisationID)
	if err != nil {
		return ProviderLogin{}, err
	}
	via := "inloggen via " + org.Name + " (" + ip.Issuer + ")"
	claims, why := p.exchange(ctx, ip, login, a)
	if why != "" {
		if why == "onbereikbaar" {
			return ProviderLogin{}, errProviderDown
		}
		err := p.DB.Update(ctx, func(tx *storage.Tx) error {
			audit.Write(ctx, tx, now, audit.Entry{Actor: audit.Actor{OrganisationID: org.ID, Role: "onbekend", Source: a.Source},
				Action: audit.ActionLogin, ObjectType: "sessie", Outcome: audit.OutcomeFailedLogin, Purpose: via + ": " + why})
			return countFailure(ctx, tx, now, "", addressKey(a.Address))
		})
		if err != nil {
			return ProviderLogin{}, err
		}
		return ProviderLogin{}, errProviderToken
	}
	return p.openProviderSession(ctx, ip, claims, via, a, now)
}

// providerClaims is what Jeugdketen reads from a verified ID token.
type providerClaims struct {
	Issuer, Subject, Email string
	SecondFactor           bool
}

// exchange trades the code for tokens and verifies the ID token. why says,
// in Dutch for the audit trail, what was wrong; empty when nothing was.
func (p *People) exchange(ctx context.Context, ip model.IdentityProvider, login storage.OIDCLogin, a ProviderAnswer) (providerClaims, string) {
	if a.Error != "" || a.Code == "" {
		return providerClaims{}, "geweigerd door de identity provider (" + limit(a.Error, 60) + ")"
	}
	prov, err := p.provider(ctx, ip.Issuer)
	if err != nil {
		return providerClaims{}, "onbereikbaar"
	}
	secret, err := p.Keys.Open(ip.SealedSecret)
	if err != nil {
		return providerClaims{}, "client-secret niet te openen"
	}
	verifier, err := p.Keys.Open(login.Verifier)
	if err != nil {
		return providerClaims{}, "PKCE-verifier niet te openen"
	}
	ctx = oidc.ClientContext(ctx, p.httpClient())
	tok, err := p.oauthConfig(ip, prov, string(secret)).Exchange(ctx, a.Code, oauth2.VerifierOption(string(verifier)))
	if err != nil {
		return providerClaims{}, "code niet ingewisseld"
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return providerClaims{}, "geen ID-token"
	}
	idt, err := prov.Verifier(&oidc.Config{ClientID: ip.ClientID, Now: p.now}).Verify(ctx, raw)
	var expired *oidc.TokenExpiredError
	switch {
	case errors.As(err, &expired):
		return providerClaims{}, "ID-token verlopen"
	case err != nil:
		return providerClaims{}, "ID-token ongeldig (uitgever, publiek of handtekening)"
	case subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(login.Nonce)) != 1:
		return providerClaims{}, "nonce klopt niet"
	}
	var all map[string]any
	if err := idt.Claims(&all); err != nil {
		return providerClaims{}, "claims onleesbaar"
	}
	email, _ := all[ip.EmailClaim].(string)
	if verified, ok := all["email_verified"].(bool); ok && !verified && ip.EmailClaim == "email" {
		email = ""
	}
	acr, _ := all["acr"].(string)
	return providerClaims{Issuer: idt.Issuer, Subject: idt.Subject, Email: normalizeEmail(email),
		SecondFactor: ip.AssertsSecondFactor(stringsOf(all["amr"]), acr)}, ""
}

// openProviderSession finds the professional of verified claims, binds or
// checks the subject, and opens a session: a full one when the provider
// asserted a second factor, else a halfway one for Jeugdketen's own code.
func (p *People) openProviderSession(ctx context.Context, ip model.IdentityProvider, c providerClaims, via string, a ProviderAnswer, now time.Time) (ProviderLogin, error) {
	account, addr := p.accountKey(c.Email), addressKey(a.Address)
	var out ProviderLogin
	var failure error
	err := p.DB.Update(ctx, func(tx *storage.Tx) error {
		if err := lockedAccount(ctx, tx, now, account); err != nil {
			return err
		}
		pr, ok, err := p.providerAccount(ctx, tx, ip, c, now)
		if err != nil {
			return err
		}
		if !ok {
			failure = errProviderLogin
			audit.Write(ctx, tx, now, audit.Entry{Actor: audit.Actor{ProfessionalID: pr.ID, OrganisationID: ip.OrganisationID, Role: "onbekend", Source: a.Source},
				Action: audit.ActionLogin, ObjectType: "sessie", Outcome: audit.OutcomeFailedLogin, Purpose: via})
			return countFailure(ctx, tx, now, account, addr)
		}
		if c.SecondFactor {
			out.SessionID, err = p.open(ctx, tx, pr, account, a.Source, via+", tweede factor bij de identity provider", now)
			return err
		}
		// No second factor asserted: Jeugdketen asks for its own code, as
		// after a password. A professional who never had a password gets
		// an unusable one, so the second factor has a row to live in.
		has, err := tx.CredentialExists(ctx, pr.ID)
		if err != nil {
			return err
		}
		if !has {
			if err := tx.SetPassword(ctx, pr.ID, HashPassword(NewPassword(), p.Argon2), false, now); err != nil {
				return err
			}
		}
		cred, err := tx.Credential(ctx, pr.ID)
		if err != nil {
			return err
		}
		if err := tx.DeleteExpiredSessions(ctx, now, now.Add(-p.idle())); err != nil {
			return err
		}
		id, hash := newSessionID()
		out.Halfway = &Halfway{SessionID: id, Enrol: cred.TOTPSecret == nil}
		audit.Write(ctx, tx, now, audit.Entry{Actor: actorOf(pr, a.Source), Action: audit.ActionLogin, ObjectType: "sessie",
			Purpose: via + ": geen tweede factor bevestigd, de code van Jeugdketen volgt"})
		return tx.CreateSession(ctx, storage.Session{IDHash: hash, ProfessionalID: pr.ID, Stage: storage.StagePassword, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(halfwayMaxAge)})
	})
	if err == nil && failure != nil {
		return ProviderLogin{}, failure
	}
	return out, err
}

// providerAccount returns the active professional of the provider's
// organisation with the claims' e-mail address, binding the subject at the
// first login; ok is false when there is none or the subject is not theirs.
func (p *People) providerAccount(ctx context.Context, tx *storage.Tx, ip model.IdentityProvider, c providerClaims, now time.Time) (model.Professional, bool, error) {
	if c.Email == "" || c.Subject == "" {
		return model.Professional{}, false, nil
	}
	pr, err := tx.ProfessionalByEmail(ctx, c.Email)
	if err == storage.ErrNotFound {
		return pr, false, nil
	} else if err != nil {
		return pr, false, err
	}
	org, err := tx.Organisation(ctx, pr.OrganisationID)
	if err != nil {
		return pr, false, err
	}
	if !pr.Active || !org.Active || pr.OrganisationID != ip.OrganisationID {
		return pr, false, nil
	}
	bound, err := tx.IdentityOf(ctx, pr.ID)
	if err == nil {
		return pr, bound.Issuer == c.Issuer && bound.Subject == c.Subject, nil
	} else if err != storage.ErrNotFound {
		return pr, false, err
	}
	// The first login: the subject must not open another account already.
	if _, err := tx.IdentityBySubject(ctx, c.Issuer, c.Subject); err == nil {
		return pr, false, nil
	} else if err != storage.ErrNotFound {
		return pr, false, err
	}
	return pr, true, tx.BindIdentity(ctx, storage.Identity{ProfessionalID: pr.ID, Issuer: c.Issuer, Subject: c.Subject}, now)
}

// activeProvider returns the provider of an active organisation.
func (p *People) activeProvider(ctx context.Context, organisationID int64) (model.IdentityProvider, model.Organisation, error) {
	var ip model.IdentityProvider
	var org model.Organisation
	err := p.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		if org, err = tx.Organisation(ctx, organisationID); err == storage.ErrNotFound {
			return errNoProvider
		} else if err != nil {
			return err
		}
		if ip, err = tx.IdentityProvider(ctx, organisationID); err == storage.ErrNotFound || (err == nil && !org.Active) {
			return errNoProvider
		}
		return err
	})
	return ip, org, err
}

func (p *People) oauthConfig(ip model.IdentityProvider, prov *oidc.Provider, secret string) *oauth2.Config {
	return &oauth2.Config{ClientID: ip.ClientID, ClientSecret: secret, Endpoint: prov.Endpoint(), RedirectURL: p.RedirectURL,
		Scopes: []string{oidc.ScopeOpenID, "email", "profile"}}
}

// provider returns the discovered provider of an issuer: its endpoints and
// its published keys, which go-oidc fetches again when a token is signed
// with a key it does not know yet.
func (p *People) provider(ctx context.Context, issuer string) (*oidc.Provider, error) {
	p.providersMu.Lock()
	defer p.providersMu.Unlock()
	if prov, ok := p.providers[issuer]; ok {
		return prov, nil
	}
	prov, err := oidc.NewProvider(oidc.ClientContext(ctx, p.httpClient()), issuer)
	if err != nil {
		return nil, err
	}
	if p.providers == nil {
		p.providers = map[string]*oidc.Provider{}
	}
	p.providers[issuer] = prov
	return prov, nil
}

// forgetProvider drops a discovered provider, so a changed issuer is
// discovered afresh.
func (p *People) forgetProvider(issuer string) {
	p.providersMu.Lock()
	defer p.providersMu.Unlock()
	delete(p.providers, issuer)
}

func (p *People) httpClient() *http.Client {
	if p.HTTPClient != nil {
		return p.HTTPClient
	}
	return &http.Client{Timeout: 15 * time.Second}
}

// stringsOf reads a claim that is a list of strings (amr), or one string.
func stringsOf(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func randomText() string { return base64.RawURLEncoding.EncodeToString(randomBytes(32)) }

func limit(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' {
			return -1
		}
		return r
	}, s)
	if len(s) > n {
		return s[:n]
	}
	return s
}
