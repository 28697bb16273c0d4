package auth

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Session lifetimes.
const (
	// DefaultIdle ends a session nobody used for this long.
	DefaultIdle = 30 * time.Minute
	// DefaultMaxAge ends every session after a working day, however active.
	DefaultMaxAge = 12 * time.Hour
	// halfwayMaxAge is how long the step between password and second factor may take.
	halfwayMaxAge = 10 * time.Minute
)

// People logs professionals in and out of the web application.
type People struct {
	DB     *storage.DB
	Keys   *secret.Keys
	Now    func() time.Time
	Issuer string // shown in authenticator apps; default "Jeugdketen"
	Argon2 Argon2 // zero: DefaultArgon2
	Idle   time.Duration
	MaxAge time.Duration
	// RedirectURL is where identity providers send the browser back to:
	// the public address with /inloggen/oidc/terug (see provider_login.go).
	RedirectURL string
	// HTTPClient talks to identity providers; nil: a client with a timeout.
	HTTPClient *http.Client

	dummyOnce sync.Once
	dummy     string

	providersMu sync.Mutex
	providers   map[string]*oidc.Provider // by issuer: discovery and keys, fetched once
}

func (p *People) now() time.Time {
	if p.Now != nil {
		return p.Now().UTC().Truncate(time.Millisecond)
	}
	return time.Now().UTC().Truncate(time.Millisecond)
}

func (p *People) idle() time.Duration {
	if p.Idle > 0 {
		return p.Idle
	}
	return DefaultIdle
}

func (p *People) maxAge() time.Duration {
	if p.MaxAge > 0 {
		return p.MaxAge
	}
	return DefaultMaxAge
}

func (p *People) issuer() string {
	if p.Issuer != "" {
		return p.Issuer
	}
	return "Jeugdketen"
}

// dummyHash is checked against when there is no account, so that an unknown
// e-mail address costs the same time as a wrong password.
func (p *People) dummyHash() string {
	p.dummyOnce.Do(func() { p.dummy = HashPassword(NewPassword(), p.Argon2) })
	return p.dummy
}

// SetPassword gives a professional a new password from the administrator:
// an initial one, which they must replace by their own at the next login
// (see ChangePassword). Their sessions end.
func (p *People) SetPassword(ctx context.Context, who audit.Actor, professionalID int64, password string) error {
	return p.setPassword(ctx, who, professionalID, password, true)
}

// SetChosenPassword gives a professional a password that counts as their own
// choice, not an initial one. Only the demo and tests use it: their logins
// are printed or known in advance, and must keep working.
func (p *People) SetChosenPassword(ctx context.Context, who audit.Actor, professionalID int64, password string) error {
	return p.setPassword(ctx, who, professionalID, password, false)
}

func (p *People) setPassword(ctx context.Context, who audit.Actor, professionalID int64, password string, initial bool) error {
	if err := CheckPasswordRules(password); err != nil {
		return err
	}
	hash := HashPassword(password, p.Argon2)
	now := p.now()
	return p.DB.Update(ctx, func(tx *storage.Tx) error {
		if _, err := tx.Professional(ctx, professionalID); err == storage.ErrNotFound {
			return model.InvalidField("medewerker", "Deze medewerker bestaat niet.")
		} else if err != nil {
			return err
		}
		if err := tx.SetPassword(ctx, professionalID, hash, initial, now); err != nil {
			return err
		}
		if err := tx.DeleteSessionsOf(ctx, professionalID); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{Actor: who, Action: audit.ActionUpdate, ObjectType: "wachtwoord", ObjectID: itoa(professionalID), Purpose: "toegangsbeheer"})
		return nil
	})
}

// ResetSecondFactor removes a professional's TOTP secret and recovery codes
// and ends their sessions; at the next login they enrol again.
func (p *People) ResetSecondFactor(ctx context.Context, who audit.Actor, professionalID int64) error {
	now := p.now()
	return p.DB.Update(ctx, func(tx *storage.Tx) error {
		if _, err := tx.Professional(ctx, professionalID); err == storage.ErrNotFound {
			return model.Errorf(model.ENOTFOUND, "Deze medewerker bestaat niet.")
		} else if err != nil {
			return err
		}
		if err := tx.SetTOTP(ctx, professionalID, nil, now); err != nil {
			return err
		}
		if err := tx.ReplaceRecoveryCodes(ctx, professionalID, nil); err != nil {
			return err
		}
		if err := tx.DeleteSessionsOf(ctx, professionalID); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{Actor: who, Action: audit.ActionUpdate, ObjectType: "tweede-factor", ObjectID: itoa(professionalID), Purpose: "toegangsbeheer: tweede factor opnieuw instellen"})
		return nil
	})
}

// EnrolDirectly gives a professional who has a password a TOTP secret
// without the usual confirmation, and returns the secret. Only the demo and
// tests use it: a real professional enrols by scanning the QR code.
func (p *People) EnrolDirectly(ctx context.Context, professionalID int64, account string) (string, error) {
	key, err := newTOTPKey(p.issuer(), account)
	if err != nil {
		return "", err
	}
	err = p.DB.Update(ctx, func(tx *storage.Tx) error {
		return tx.SetTOTP(ctx, professionalID, p.Keys.Seal([]byte(key.Secret())), p.now())
	})
	return key.Secret(), err
}

// newSessionID returns a random session id and the hash that is stored.
func newSessionID() (string, []byte) {
	id := base64.RawURLEncoding.EncodeToString(randomBytes(32))
	return id, hashSessionID(id)
}

func hashSessionID(id string) []byte {
	sum := sha256.Sum256([]byte(id))
	return sum[:]
}

func role(pr model.Professional) string {
	switch {
	case pr.Admin:
		return "regiobeheerder"
	case pr.Monitoring:
		return "gemeentelijk monitor"
	}
	return "medewerker"
}

func actorOf(pr model.Professional, source string) audit.Actor {
	return audit.Actor{ProfessionalID: pr.ID, OrganisationID: pr.OrganisationID, Role: role(pr), Source: source}
}

func normalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
