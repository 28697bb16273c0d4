package auth

import (
	"context"

	"github.com/pquerna/otp"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Enrolment is the TOTP secret a professional is adding to an authenticator
// app: as an otpauth:// URL (for the QR code) and typed out.
type Enrolment struct {
	URL    string
	Secret string
}

// Enrolment returns the secret being enrolled in a halfway session, making
// one on the first call. It is kept, sealed, with the session until the
// professional proves with a code that the app has it.
func (p *People) Enrolment(ctx context.Context, halfwayID string) (Enrolment, error) {
	now := p.now()
	var out Enrolment
	err := p.DB.Update(ctx, func(tx *storage.Tx) error {
		s, pr, err := p.halfway(ctx, tx, halfwayID, now)
		if err != nil {
			return err
		}
		if cred, err := tx.Credential(ctx, pr.ID); err != nil || cred.TOTPSecret != nil {
			return ErrNoSession // enrolled already: the code page is the way in
		}
		if s.PendingSecret != nil {
			url, err := p.Keys.Open(s.PendingSecret)
			if err != nil {
				return err
			}
			key, err := otp.NewKeyFromURL(string(url))
			if err != nil {
				return err
			}
			out = Enrolment{URL: key.URL(), Secret: key.Secret()}
			return nil
		}
		key, err := newTOTPKey(p.issuer(), pr.Email)
		if err != nil {
			return err
		}
		out = Enrolment{URL: key.URL(), Secret: key.Secret()}
		return tx.SetPendingSecret(ctx, s.IDHash, p.Keys.Seal([]byte(key.URL())))
	})
	return out, err
}

// FinishEnrolment checks a code from the new app, stores the secret, makes
// the recovery codes (shown once) and logs the professional in.
func (p *People) FinishEnrolment(ctx context.Context, halfwayID string, a Attempt) (sessionID string, recovery []string, err error) {
	now := p.now()
	var failure error
	err = p.DB.Update(ctx, func(tx *storage.Tx) error {
		s, pr, err := p.halfway(ctx, tx, halfwayID, now)
		if err != nil {
			return err
		}
		account, addr := p.accountKey(pr.Email), addressKey(a.Address)
		if err := lockedAccount(ctx, tx, now, account); err != nil {
			return err
		}
		if s.PendingSecret == nil {
			return ErrNoSession
		}
		url, err := p.Keys.Open(s.PendingSecret)
		if err != nil {
			return err
		}
		key, err := otp.NewKeyFromURL(string(url))
		if err != nil {
			return err
		}
		step, ok := matchTOTP(key.Secret(), normalizeCode(a.Code), now)
		if !ok {
			failure = errBadCode
			if err := countFailure(ctx, tx, now, account, addr); err != nil {
				return err
			}
			audit.Write(ctx, tx, now, audit.Entry{Actor: actorOf(pr, a.Source), Action: audit.ActionLogin, ObjectType: "sessie",
				Outcome: audit.OutcomeFailedLogin, Purpose: "tweede factor instellen"})
			return nil
		}
		if err := tx.SetTOTP(ctx, pr.ID, p.Keys.Seal([]byte(key.Secret())), now); err != nil {
			return err
		}
		if _, err := tx.UseTOTPStep(ctx, pr.ID, step); err != nil {
			return err
		}
		codes, hashes := newRecoveryCodes()
		if err := tx.ReplaceRecoveryCodes(ctx, pr.ID, hashes); err != nil {
			return err
		}
		recovery = codes
		audit.Write(ctx, tx, now, audit.Entry{Actor: actorOf(pr, a.Source), Action: audit.ActionCreate, ObjectType: "tweede-factor", ObjectID: itoa(pr.ID), Purpose: "tweede factor ingesteld"})
		sessionID, err = p.complete(ctx, tx, s, pr, account, a.Source, "inloggen, tweede factor ingesteld", now)
		return err
	})
	if err == nil && failure != nil {
		return "", nil, failure
	}
	return sessionID, recovery, err
}
