package auth

import (
	"context"
	"regexp"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Attempt is one login step from a browser.
type Attempt struct {
	Email    string
	Password string
	Code     string // TOTP code or recovery code
	Address  string // client address, for the per-address limit
	Source   string // address and user agent, for the audit trail
}

// Halfway is a session after the password, before the second factor.
type Halfway struct {
	SessionID string
	Enrol     bool // no second factor yet: the professional enrols now
}

var (
	// errLogin is the one answer to every wrong e-mail address, password or
	// inactive account, so nobody learns which addresses have an account.
	errLogin = model.Errorf(model.EUNAUTHORIZED, "Het e-mailadres of het wachtwoord klopt niet.")
	// ErrNoSession: the session is unknown, expired or ended.
	ErrNoSession = model.Errorf(model.EUNAUTHORIZED, "U bent niet (meer) ingelogd. Log opnieuw in.")
	errBadCode   = model.InvalidField("code", "De code klopt niet. Typ de 6 cijfers die uw authenticator-app nu toont, of een van uw herstelcodes.")
)

// Login checks e-mail and password. Every failure costs the same time and
// gives the same answer whether or not the address has an account, and is
// counted per account and per address.
func (p *People) Login(ctx context.Context, a Attempt) (Halfway, error) {
	now := p.now()
	account, addr := p.accountKey(a.Email), addressKey(a.Address)
	var pr model.Professional
	var cred storage.Credential
	usable := false
	err := p.DB.View(ctx, func(tx *storage.Tx) error {
		if err := locked(ctx, tx, now, account, addr); err != nil {
			return err
		}
		var err error
		pr, err = tx.ProfessionalByEmail(ctx, normalizeEmail(a.Email))
		if err == storage.ErrNotFound {
			return nil
		} else if err != nil {
			return err
		}
		org, err := tx.Organisation(ctx, pr.OrganisationID)
		if err != nil {
			return err
		}
		cred, err = tx.Credential(ctx, pr.ID)
		if err == storage.ErrNotFound {
			return nil
		}
		usable = err == nil && pr.Active && org.Active
		return err
	})
	if err != nil {
		return Halfway{}, err
	}
	hash := cred.PasswordHash
	if !usable {
		hash = p.dummyHash()
	}
	ok := CheckPassword(hash, a.Password) && usable
	var out Halfway
	err = p.DB.Update(ctx, func(tx *storage.Tx) error {
		if !ok {
			if err := p.recordFailure(ctx, tx, now, account, addr); err != nil {
				return err
			}
			audit.Write(ctx, tx, now, audit.Entry{Actor: audit.Actor{ProfessionalID: pr.ID, OrganisationID: pr.OrganisationID, Role: "onbekend", Source: a.Source},
				Action: audit.ActionLogin, ObjectType: "sessie", Outcome: audit.OutcomeFailedLogin, Purpose: "inloggen: wachtwoord"})
			return nil
		}
		if err := tx.DeleteExpiredSessions(ctx, now, now.Add(-p.idle())); err != nil {
			return err
		}
		id, hash := newSessionID()
		out = Halfway{SessionID: id, Enrol: cred.TOTPSecret == nil}
		return tx.CreateSession(ctx, storage.Session{IDHash: hash, ProfessionalID: pr.ID, Stage: storage.StagePassword, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(halfwayMaxAge)})
	})
	if err != nil {
		return Halfway{}, err
	}
	if !ok {
		return Halfway{}, errLogin
	}
	return out, nil
}

var sixDigits = regexp.MustCompile(`^[0-9]{6}$`)

// SecondFactor completes a login with a TOTP code or a recovery code. It
// returns the id of a new, fully logged-in session; the halfway one ends.
func (p *People) SecondFactor(ctx context.Context, halfwayID string, a Attempt) (string, error) {
	now := p.now()
	var newID string
	var failure error
	err := p.DB.Update(ctx, func(tx *storage.Tx) error {
		s, pr, err := p.halfway(ctx, tx, halfwayID, now)
		if err != nil {
			return err
		}
		account, addr := p.accountKey(pr.Email), addressKey(a.Address)
		if err := locked(ctx, tx, now, account, addr); err != nil {
			return err
		}
		cred, err := tx.Credential(ctx, pr.ID)
		if err != nil {
			return err
		}
		if cred.TOTPSecret == nil {
			return ErrNoSession
		}
		secret, err := p.Keys.Open(cred.TOTPSecret)
		if err != nil {
			return err
		}
		ok, how := false, "code"
		code := normalizeCode(a.Code)
		if sixDigits.MatchString(code) {
			if step, match := matchTOTP(string(secret), code, now); match {
				ok, err = tx.UseTOTPStep(ctx, pr.ID, step)
			}
		} else if code != "" {
			how = "herstelcode"
			ok, err = tx.UseRecoveryCode(ctx, pr.ID, hashRecoveryCode(code), now)
		}
		if err != nil {
			return err
		}
		if !ok {
			failure = errBadCode
			if err := p.recordFailure(ctx, tx, now, account, addr); err != nil {
				return err
			}
			audit.Write(ctx, tx, now, audit.Entry{Actor: actorOf(pr, a.Source), Action: audit.ActionLogin, ObjectType: "sessie",
				Outcome: audit.OutcomeFailedLogin, Purpose: "inloggen: tweede factor"})
			return nil
		}
		newID, err = p.complete(ctx, tx, s, pr, account, a.Source, "inloggen met "+how, now)
		return err
	})
	if err == nil && failure != nil {
		return "", failure
	}
	return newID, err
}

// halfway returns a session that passed the password step, and its professional.
func (p *People) halfway(ctx context.Context, tx *storage.Tx, id string, now time.Time) (storage.Session, model.Professional, error) {
	s, err := tx.Session(ctx, hashSessionID(id))
	if err == storage.ErrNotFound || (err == nil && (s.Stage != storage.StagePassword || !now.Before(s.ExpiresAt))) {
		return s, model.Professional{}, ErrNoSession
	}
	if err != nil {
		return s, model.Professional{}, err
	}
	pr, err := tx.Professional(ctx, s.ProfessionalID)
	if err == nil && !pr.Active {
		err = ErrNoSession
	}
	return s, pr, err
}

// complete replaces the halfway session by a logged-in one under a new id,
// so an id seen before login is worth nothing after it.
func (p *People) complete(ctx context.Context, tx *storage.Tx, halfway storage.Session, pr model.Professional, account, source, purpose string, now time.Time) (string, error) {
	if err := tx.DeleteSession(ctx, halfway.IDHash); err != nil {
		return "", err
	}
	if err := tx.ClearThrottle(ctx, account); err != nil {
		return "", err
	}
	id, hash := newSessionID()
	if err := tx.CreateSession(ctx, storage.Session{IDHash: hash, ProfessionalID: pr.ID, Stage: storage.StageLoggedIn, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(p.maxAge())}); err != nil {
		return "", err
	}
	audit.Write(ctx, tx, now, audit.Entry{Actor: actorOf(pr, source), Action: audit.ActionLogin, ObjectType: "sessie", Purpose: purpose})
	return id, nil
}
