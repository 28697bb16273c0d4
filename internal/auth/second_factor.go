package auth

import (
	"context"
	"regexp"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

var sixDigits = regexp.MustCompile(`^[0-9]{6}$`)

// SecondFactor completes a login with a TOTP code or a recovery code. It
// returns the id of a new, fully logged-in session; the halfway one ends.
// A locked account is refused; a wrong code counts under the account and the
// address.
//
// At a suspect address every failure gets ErrSuspectAddress, whatever failed:
// a wrong code, or a halfway session that leads nowhere because the password
// was wrong. The halfway session ends, so each code
// tried there needs a password step, which Login has counted under the
// account already; here only the address counts, for every failure alike.
func (p *People) SecondFactor(ctx context.Context, halfwayID string, a Attempt) (string, error) {
	now := p.now()
	addr := addressKey(a.Address)
	var newID string
	var failure error
	err := p.DB.Update(ctx, func(tx *storage.Tx) error {
		guarded, err := suspect(ctx, tx, now, addr)
		if err != nil {
			return err
		}
		s, pr, err := p.halfway(ctx, tx, halfwayID, now)
		if err == ErrNoSession && guarded {
			failure = ErrSuspectAddress
			return countFailure(ctx, tx, now, "", addr)
		}
		if err != nil {
			return err
		}
		// refuse ends the attempt at a suspect address with the one answer.
		refuse := func() error {
			failure = ErrSuspectAddress
			if err := tx.DeleteSession(ctx, s.IDHash); err != nil {
				return err
			}
			return countFailure(ctx, tx, now, "", addr)
		}
		// At a suspect address the password step checked the account's lock
		// and counted this attempt: one code per password step, so the
		// account's count limits the codes too. Elsewhere the lock is checked
		// here, for codes tried on one halfway session.
		account := p.accountKey(pr.Email)
		if !guarded {
			if err := lockedAccount(ctx, tx, now, account); err != nil {
				return err
			}
		}
		cred, err := tx.Credential(ctx, pr.ID)
		if err != nil {
			return err
		}
		if cred.TOTPSecret == nil {
			if guarded {
				return refuse()
			}
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
			audit.Write(ctx, tx, now, audit.Entry{Actor: actorOf(pr, a.Source), Action: audit.ActionLogin, ObjectType: "sessie",
				Outcome: audit.OutcomeFailedLogin, Purpose: "inloggen: tweede factor"})
			if guarded {
				return refuse()
			}
			failure = errBadCode
			return countFailure(ctx, tx, now, account, addr)
		}
		newID, err = p.complete(ctx, tx, s, pr, account, a.Source, "inloggen met "+how, now)
		return err
	})
	if err == nil && failure != nil {
		return "", failure
	}
	return newID, err
}
