// Package auth proves who is calling. People in a browser log in with e-mail,
// password (argon2id) and a second factor (TOTP, or a recovery code), and get
// a session kept in the database; client systems and professionals calling
// the API use tokens. Only hashes of passwords, session ids, recovery codes
// and tokens are stored; the TOTP secret is sealed with the region's keys.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

const tokenPrefix = "jk_"

// NewToken makes a random token: what the caller keeps, and its hash to store.
func NewToken() (plain string, hash []byte) {
	b := make([]byte, 32)
	rand.Read(b)
	plain = tokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	return plain, HashToken(plain)
}

// HashToken returns the stored form of a token.
func HashToken(plain string) []byte {
	sum := sha256.Sum256([]byte(plain))
	return sum[:]
}

// Caller is who a valid token belongs to.
type Caller struct {
	TokenID      int64
	Professional *model.Professional // a professional's own token
	Organisation model.Organisation  // the professional's organisation, or the client system's
	Scope        model.TokenScope    // what the token may do
}

// IsClientSystem reports whether an organisation's client system is calling;
// it must then name the responsible professional.
func (c Caller) IsClientSystem() bool { return c.Professional == nil }

// errBadToken says what is wrong with a token, not which one a route takes:
// the API adds that.
var errBadToken = model.Errorf(model.EUNAUTHORIZED, "Geen geldig toegangstoken: het is onbekend of ingetrokken, of de medewerker of de organisatie is gedeactiveerd.")

// Tokens resolves the API's bearer tokens. The API holds it instead of a
// database handle: tokens are auth's business, and nothing else of the
// database is the API's to reach.
type Tokens struct {
	DB *storage.DB
}

// Authenticate resolves a bearer token. Revoked tokens, deactivated
// professionals and deactivated organisations are refused alike.
func (ts Tokens) Authenticate(ctx context.Context, plain string, now time.Time) (Caller, error) {
	db := ts.DB
	if !strings.HasPrefix(plain, tokenPrefix) {
		return Caller{}, errBadToken
	}
	var c Caller
	var lastUsed *time.Time
	err := db.View(ctx, func(tx *storage.Tx) error {
		t, err := tx.TokenByHash(ctx, HashToken(plain))
		if err == storage.ErrNotFound || (err == nil && t.RevokedAt != nil) {
			return errBadToken
		}
		if err != nil {
			return err
		}
		c.TokenID, lastUsed, c.Scope = t.ID, t.LastUsedAt, t.Scope
		orgID := t.OrganisationID
		if t.ProfessionalID != 0 {
			p, err := tx.Professional(ctx, t.ProfessionalID)
			if err != nil {
				return err
			}
			if !p.Active {
				return errBadToken
			}
			c.Professional, orgID = &p, p.OrganisationID
		}
		if c.Organisation, err = tx.Organisation(ctx, orgID); err != nil {
			return err
		}
		if !c.Organisation.Active {
			return errBadToken
		}
		return nil
	})
	if err != nil {
		return Caller{}, err
	}
	// Last use is bookkeeping, kept to the minute: a failure to record it
	// must not refuse the call, and a read must not wait for a write.
	if lastUsed == nil || now.Sub(*lastUsed) >= time.Minute {
		_ = db.Update(ctx, func(tx *storage.Tx) error { return tx.TouchToken(ctx, c.TokenID, now) })
	}
	return c, nil
}

// ActingProfessional returns the professional on whose behalf a client system
// acts: one of its own organisation's active professionals, by e-mail.
func (ts Tokens) ActingProfessional(ctx context.Context, c Caller, email string) (model.Professional, error) {
	db := ts.DB
	if !c.IsClientSystem() {
		return *c.Professional, nil
	}
	if strings.TrimSpace(email) == "" {
		return model.Professional{}, model.InvalidField("medewerker", "Een koppeling moet de verantwoordelijke medewerker noemen: vul 'medewerker' met het e-mailadres van een medewerker van uw organisatie.")
	}
	var p model.Professional
	err := db.View(ctx, func(tx *storage.Tx) error {
		var err error
		p, err = tx.ProfessionalByEmail(ctx, email)
		if err == storage.ErrNotFound || (err == nil && (p.OrganisationID != c.Organisation.ID || !p.Active)) {
			return model.InvalidField("medewerker", "Er is geen actieve medewerker van uw organisatie met dit e-mailadres.")
		}
		return err
	})
	return p, err
}
