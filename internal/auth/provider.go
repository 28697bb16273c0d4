package auth

import (
	"context"
	"net/url"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// ProviderSettings is an organisation's identity provider as the
// administrator fills it in. An empty ClientSecret keeps the one saved
// before: a saved secret is never shown again.
type ProviderSettings struct {
	Issuer        string
	ClientID      string
	ClientSecret  string
	EmailClaim    string
	MFAAcr        string // space separated
	Domains       string // space separated
	PasswordLogin bool
}

// ProviderView is a saved provider for the administrator's page: all but
// the secret, of which only that it is there.
type ProviderView struct {
	model.IdentityProvider
	Configured bool
}

// LoginChoice is one "Inloggen via <organisatie>" on the login page.
type LoginChoice struct {
	OrganisationID int64
	Name           string
	// Origins are where the browser goes for this provider (the issuer's,
	// and its authorisation endpoint's once discovered): the login page's
	// Content-Security-Policy lets its forms lead there.
	Origins []string
}

// SaveProvider sets an organisation's identity provider. The client secret
// is sealed with the region's keys. Bad input changes nothing.
func (p *People) SaveProvider(ctx context.Context, who audit.Actor, organisationID int64, s ProviderSettings) error {
	ip := model.IdentityProvider{
		OrganisationID: organisationID,
		Issuer:         strings.TrimRight(strings.TrimSpace(s.Issuer), "/"),
		ClientID:       strings.TrimSpace(s.ClientID),
		EmailClaim:     strings.TrimSpace(s.EmailClaim),
		MFAAcr:         strings.Fields(s.MFAAcr),
		Domains:        strings.Fields(strings.ToLower(strings.ReplaceAll(s.Domains, ",", " "))),
		PasswordLogin:  s.PasswordLogin,
		UpdatedAt:      p.now(),
	}
	if ip.EmailClaim == "" {
		ip.EmailClaim = "email"
	}
	secret := strings.TrimSpace(s.ClientSecret)
	return p.DB.Update(ctx, func(tx *storage.Tx) error {
		if _, err := tx.Organisation(ctx, organisationID); err == storage.ErrNotFound {
			return model.Errorf(model.ENOTFOUND, "Deze organisatie bestaat niet.")
		} else if err != nil {
			return err
		}
		old, err := tx.IdentityProvider(ctx, organisationID)
		if err != nil && err != storage.ErrNotFound {
			return err
		}
		if err := ip.Validate(secret != "" || old.SealedSecret != nil); err != nil {
			return err
		}
		ip.SealedSecret = old.SealedSecret
		if secret != "" {
			ip.SealedSecret = p.Keys.Seal([]byte(secret))
		}
		if err := tx.SaveIdentityProvider(ctx, ip); err != nil {
			return err
		}
		p.forgetProvider(old.Issuer)
		audit.Write(ctx, tx, ip.UpdatedAt, audit.Entry{Actor: who, Action: audit.ActionUpdate, ObjectType: "identity-provider", ObjectID: itoa(organisationID), Purpose: "toegangsbeheer: inloggen via de organisatie"})
		return nil
	})
}

// RemoveProvider removes an organisation's identity provider: its
// professionals log in with Jeugdketen's password and code again.
func (p *People) RemoveProvider(ctx context.Context, who audit.Actor, organisationID int64) error {
	now := p.now()
	return p.DB.Update(ctx, func(tx *storage.Tx) error {
		old, err := tx.IdentityProvider(ctx, organisationID)
		if err == storage.ErrNotFound {
			return model.Errorf(model.ENOTFOUND, "Deze organisatie heeft geen identity provider.")
		} else if err != nil {
			return err
		}
		if err := tx.RemoveIdentityProvider(ctx, organisationID); err != nil {
			return err
		}
		p.forgetProvider(old.Issuer)
		audit.Write(ctx, tx, now, audit.Entry{Actor: who, Action: audit.ActionRemove, ObjectType: "identity-provider", ObjectID: itoa(organisationID), Purpose: "toegangsbeheer: inloggen via de organisatie"})
		return nil
	})
}

// Provider returns an organisation's identity provider for the
// administrator; Configured is false when it has none.
func (p *People) Provider(ctx context.Context, organisationID int64) (ProviderView, error) {
	var out ProviderView
	err := p.DB.View(ctx, func(tx *storage.Tx) error {
		ip, err := tx.IdentityProvider(ctx, organisationID)
		if err == storage.ErrNotFound {
			out.EmailClaim, out.PasswordLogin = "email", true
			return nil
		}
		out = ProviderView{IdentityProvider: ip, Configured: err == nil}
		out.SealedSecret = nil
		return err
	})
	return out, err
}

// LoginChoices lists the organisations whose professionals may log in
// through their own provider, for the login page.
func (p *People) LoginChoices(ctx context.Context) ([]LoginChoice, error) {
	var out []LoginChoice
	err := p.DB.View(ctx, func(tx *storage.Tx) error {
		ips, err := tx.IdentityProviders(ctx)
		if err != nil {
			return err
		}
		for _, ip := range ips {
			o, err := tx.Organisation(ctx, ip.OrganisationID)
			if err != nil {
				return err
			}
			out = append(out, LoginChoice{OrganisationID: o.ID, Name: o.Name, Origins: p.origins(ip.Issuer)})
		}
		return nil
	})
	return out, err
}

// ProviderFor finds the provider that is the way in for an e-mail address,
// by its domain; ok is false when there is none. Only the domain counts, so
// the answer tells nothing about whether the address has an account.
func (p *People) ProviderFor(ctx context.Context, email string) (organisationID int64, passwordLogin, ok bool, err error) {
	err = p.DB.View(ctx, func(tx *storage.Tx) error {
		ips, err := tx.IdentityProviders(ctx)
		if err != nil {
			return err
		}
		for _, ip := range ips {
			if ip.HandlesEmail(email) {
				organisationID, passwordLogin, ok = ip.OrganisationID, ip.PasswordLogin, true
				return nil
			}
		}
		return nil
	})
	return organisationID, passwordLogin, ok, err
}

// origins are the issuer's origin and, when the provider was discovered,
// its authorisation endpoint's.
func (p *People) origins(issuer string) []string {
	var out []string
	add := func(raw string) {
		if u, err := url.Parse(raw); err == nil && u.Host != "" {
			if o := u.Scheme + "://" + u.Host; len(out) == 0 || out[0] != o {
				out = append(out, o)
			}
		}
	}
	add(issuer)
	p.providersMu.Lock()
	prov := p.providers[issuer]
	p.providersMu.Unlock()
	if prov != nil {
		add(prov.Endpoint().AuthURL)
	}
	return out
}
