package auth

import (
	"context"
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
	// Suspect: the address is suspect (see throttle.go), so the password step
	// told nothing; whether the password was right shows only with the code.
	Suspect bool
}

var (
	// errLogin is the one answer to every wrong e-mail address, password or
	// inactive account, so nobody learns which addresses have an account.
	errLogin = model.Errorf(model.EUNAUTHORIZED, "Het e-mailadres of het wachtwoord klopt niet.")
	// ErrNoSession: the session is unknown, expired or ended.
	ErrNoSession = model.Errorf(model.EUNAUTHORIZED, "U bent niet (meer) ingelogd. Log opnieuw in.")
	errBadCode   = model.InvalidField("code", "De code klopt niet. Typ de 6 cijfers die uw authenticator-app nu toont, of een van uw herstelcodes.")
	// ErrSuspectAddress is the one answer to every failed login at a suspect
	// address, whichever step failed; the attempt is over.
	ErrSuspectAddress = model.Errorf(model.ETOOMANY, "Het inloggen is niet gelukt. Vanaf uw netwerkadres zijn veel inlogpogingen mislukt; "+
		"daarom zeggen we niet of het e-mailadres, het wachtwoord of de code niet klopte. Log opnieuw in en controleer alle drie. "+
		"Heeft u nog geen tweede factor ingesteld, dan kan dat pas als er vanaf dit adres een tijd (hoogstens een uur) niets meer is mislukt, of vanaf een ander netwerk.")
)

// Login checks e-mail and password. Every failure costs the same time and
// gives the same answer whether or not the address has an account, and is
// counted per account and per address. A locked account is refused.
//
// At a suspect address Login does not tell: every attempt gets a halfway
// session (one that leads nowhere when the password was wrong, or when the
// account has no second factor yet) and counts under the account until a full
// login clears it, so neither the answer nor the account's count shows
// whether the password was right. SecondFactor then tells whether both were.
func (p *People) Login(ctx context.Context, a Attempt) (Halfway, error) {
	now := p.now()
	account, addr := p.accountKey(a.Email), addressKey(a.Address)
	var pr model.Professional
	var cred storage.Credential
	usable, guarded := false, false
	err := p.DB.View(ctx, func(tx *storage.Tx) error {
		if err := lockedAccount(ctx, tx, now, account); err != nil {
			return err
		}
		var err error
		if guarded, err = suspect(ctx, tx, now, addr); err != nil {
			return err
		}
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
		} else if err != nil {
			return err
		}
		// An organisation that switched password login off logs in through
		// its own provider only: the password is then as wrong as any other.
		ip, err := tx.IdentityProvider(ctx, org.ID)
		if err != nil && err != storage.ErrNotFound {
			return err
		}
		usable = pr.Active && org.Active && (err == storage.ErrNotFound || ip.PasswordLogin)
		return nil
	})
	if err != nil {
		return Halfway{}, err
	}
	hash := cred.PasswordHash
	if !usable {
		hash = p.dummyHash()
	}
	ok := CheckPassword(hash, a.Password) && usable
	// At a suspect address a first login, which would enrol a second factor
	// on the password alone, waits: it would tell that the password was right.
	opens := ok && !(guarded && cred.TOTPSecret == nil)
	var out Halfway
	err = p.DB.Update(ctx, func(tx *storage.Tx) error {
		failedAddr := addr
		if ok {
			failedAddr = ""
		}
		if !ok || guarded {
			if err := countFailure(ctx, tx, now, account, failedAddr); err != nil {
				return err
			}
		}
		if !ok {
			audit.Write(ctx, tx, now, audit.Entry{Actor: audit.Actor{ProfessionalID: pr.ID, OrganisationID: pr.OrganisationID, Role: "onbekend", Source: a.Source},
				Action: audit.ActionLogin, ObjectType: "sessie", Outcome: audit.OutcomeFailedLogin, Purpose: "inloggen: wachtwoord"})
		}
		if !opens {
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
	if guarded {
		if !opens {
			out.SessionID, _ = newSessionID() // never stored: it leads nowhere
		}
		out.Suspect = true
		return out, nil
	}
	if !ok {
		return Halfway{}, errLogin
	}
	return out, nil
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
	return p.open(ctx, tx, pr, account, source, purpose, now)
}

// open starts a logged-in session, clears the account's failures and
// records the login.
func (p *People) open(ctx context.Context, tx *storage.Tx, pr model.Professional, account, source, purpose string, now time.Time) (string, error) {
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
