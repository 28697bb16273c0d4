package storage

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

const identityProviderColumns = `organisation_id, issuer, client_id, client_secret, email_claim, mfa_acr, domains, password_login, updated_at`

func scanIdentityProvider(row interface{ Scan(...any) error }) (model.IdentityProvider, error) {
	var p model.IdentityProvider
	var acr, domains string
	var password int
	var updated int64
	err := row.Scan(&p.OrganisationID, &p.Issuer, &p.ClientID, &p.SealedSecret, &p.EmailClaim, &acr, &domains, &password, &updated)
	p.MFAAcr, p.Domains = strings.Fields(acr), strings.Fields(domains)
	p.PasswordLogin, p.UpdatedAt = password == 1, fromMillis(updated)
	return p, err
}

// SaveIdentityProvider stores an organisation's provider, replacing the one
// it had.
func (tx *Tx) SaveIdentityProvider(ctx context.Context, p model.IdentityProvider) error {
	_, err := tx.exec(ctx, `
		INSERT INTO identity_providers (`+identityProviderColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (organisation_id) DO UPDATE SET issuer = excluded.issuer, client_id = excluded.client_id,
			client_secret = excluded.client_secret, email_claim = excluded.email_claim, mfa_acr = excluded.mfa_acr,
			domains = excluded.domains, password_login = excluded.password_login, updated_at = excluded.updated_at`,
		p.OrganisationID, p.Issuer, p.ClientID, p.SealedSecret, p.EmailClaim, strings.Join(p.MFAAcr, " "),
		strings.Join(p.Domains, " "), boolInt(p.PasswordLogin), toMillis(p.UpdatedAt))
	if err != nil {
		return fmt.Errorf("store: unable to save identity provider: %w", err)
	}
	return nil
}

// RemoveIdentityProvider removes an organisation's provider; its
// professionals log in with password and code again.
func (tx *Tx) RemoveIdentityProvider(ctx context.Context, organisationID int64) error {
	if _, err := tx.exec(ctx, `DELETE FROM identity_providers WHERE organisation_id = $1`, organisationID); err != nil {
		return fmt.Errorf("store: unable to remove identity provider: %w", err)
	}
	return nil
}

// IdentityProvider returns an organisation's provider.
func (tx *Tx) IdentityProvider(ctx context.Context, organisationID int64) (model.IdentityProvider, error) {
	p, err := scanIdentityProvider(tx.queryRow(ctx, `SELECT `+identityProviderColumns+` FROM identity_providers WHERE organisation_id = $1`, organisationID))
	if err != nil {
		return p, notFound(err)
	}
	return p, nil
}

// IdentityProviders returns the providers of the active organisations.
func (tx *Tx) IdentityProviders(ctx context.Context) ([]model.IdentityProvider, error) {
	rows, err := tx.query(ctx, `
		SELECT `+prefixed("p.", identityProviderColumns)+` FROM identity_providers p
		JOIN organisations o ON o.id = p.organisation_id WHERE o.active = 1 ORDER BY o.name, o.id`)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list identity providers: %w", err)
	}
	defer rows.Close()
	var out []model.IdentityProvider
	for rows.Next() {
		p, err := scanIdentityProvider(rows)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read identity provider: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func prefixed(prefix, columns string) string {
	cols := strings.Split(columns, ", ")
	for i := range cols {
		cols[i] = prefix + cols[i]
	}
	return strings.Join(cols, ", ")
}

// Identity is the provider's subject bound to a professional.
type Identity struct {
	ProfessionalID  int64
	Issuer, Subject string
}

// IdentityOf returns the subject bound to a professional.
func (tx *Tx) IdentityOf(ctx context.Context, professionalID int64) (Identity, error) {
	id := Identity{ProfessionalID: professionalID}
	err := tx.queryRow(ctx, `SELECT issuer, subject FROM professional_identities WHERE professional_id = $1`, professionalID).Scan(&id.Issuer, &id.Subject)
	return id, notFound(err)
}

// BindIdentity binds a provider's subject to a professional. A subject
// bound to another professional already is a unique violation.
func (tx *Tx) BindIdentity(ctx context.Context, id Identity, now time.Time) error {
	_, err := tx.exec(ctx, `INSERT INTO professional_identities (professional_id, issuer, subject, bound_at) VALUES ($1, $2, $3, $4)`,
		id.ProfessionalID, id.Issuer, id.Subject, toMillis(now))
	if err != nil {
		return fmt.Errorf("store: unable to bind identity: %w", err)
	}
	return nil
}

// UnbindIdentity removes a professional's bound subject, so the next login
// through a provider binds a new one (a new provider, or a new account there).
func (tx *Tx) UnbindIdentity(ctx context.Context, professionalID int64) error {
	if _, err := tx.exec(ctx, `DELETE FROM professional_identities WHERE professional_id = $1`, professionalID); err != nil {
		return fmt.Errorf("store: unable to unbind identity: %w", err)
	}
	return nil
}

// OIDCLogin is a login sent to a provider and not yet back.
type OIDCLogin struct {
	StateHash      []byte
	OrganisationID int64
	Nonce          string
	Verifier       []byte // sealed PKCE verifier
	ExpiresAt      time.Time
}

// CreateOIDCLogin stores a login on its way to the provider, and removes
// the ones that expired.
func (tx *Tx) CreateOIDCLogin(ctx context.Context, l OIDCLogin, now time.Time) error {
	if _, err := tx.exec(ctx, `DELETE FROM oidc_logins WHERE expires_at <= $1`, toMillis(now)); err != nil {
		return fmt.Errorf("store: unable to remove expired provider logins: %w", err)
	}
	_, err := tx.exec(ctx, `INSERT INTO oidc_logins (state_hash, organisation_id, nonce, verifier, expires_at) VALUES ($1, $2, $3, $4, $5)`,
		l.StateHash, l.OrganisationID, l.Nonce, l.Verifier, toMillis(l.ExpiresAt))
	if err != nil {
		return fmt.Errorf("store: unable to store provider login: %w", err)
	}
	return nil
}

// TakeOIDCLogin returns the login of a state and removes it, so a state
// works once: a second take finds nothing (ErrNotFound).
func (tx *Tx) TakeOIDCLogin(ctx context.Context, stateHash []byte) (OIDCLogin, error) {
	l := OIDCLogin{StateHash: stateHash}
	var expires int64
	err := tx.queryRow(ctx, `DELETE FROM oidc_logins WHERE state_hash = $1 RETURNING organisation_id, nonce, verifier, expires_at`, stateHash).
		Scan(&l.OrganisationID, &l.Nonce, &l.Verifier, &expires)
	l.ExpiresAt = fromMillis(expires)
	return l, notFound(err)
}

// CredentialExists reports whether a professional has a credentials row (a
// password was ever set).
func (tx *Tx) CredentialExists(ctx context.Context, professionalID int64) (bool, error) {
	var n int
	if err := tx.queryRow(ctx, `SELECT count(*) FROM credentials WHERE professional_id = $1`, professionalID).Scan(&n); err != nil {
		return false, fmt.Errorf("store: unable to read credentials: %w", err)
	}
	return n == 1, nil
}

// IdentityBySubject returns the professional a provider's subject is bound to.
func (tx *Tx) IdentityBySubject(ctx context.Context, issuer, subject string) (Identity, error) {
	id := Identity{Issuer: issuer, Subject: subject}
	err := tx.queryRow(ctx, `SELECT professional_id FROM professional_identities WHERE issuer = $1 AND subject = $2`, issuer, subject).Scan(&id.ProfessionalID)
	return id, notFound(err)
}
