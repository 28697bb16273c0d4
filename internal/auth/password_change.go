package auth

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// PasswordChange is a logged-in professional choosing a new password.
type PasswordChange struct {
	Current string // the password they logged in with
	New     string
	Address string // client address, for the per-address limit
	Source  string // address and user agent, for the audit trail
}

var (
	errWrongCurrent = model.InvalidField("huidig-wachtwoord", "Uw huidige wachtwoord klopt niet. Typ het wachtwoord waarmee u net heeft ingelogd.")
	errSamePassword = model.InvalidField("wachtwoord", "Kies een ander wachtwoord dan uw huidige.")
)

// ChangePassword replaces the password of the logged-in session's
// professional by one they chose; it is no longer initial. The current
// password must be given, so a session left open on someone else's screen
// is not enough to take the account over; a wrong one counts as a failed
// login under the account and the address, so it cannot be guessed here
// either. Every other session of the professional ends (someone who knew
// the old password is logged out); this one stays.
func (p *People) ChangePassword(ctx context.Context, sessionID string, c PasswordChange) error {
	if err := CheckPasswordRules(c.New); err != nil {
		return err
	}
	now := p.now()
	hash := hashSessionID(sessionID)
	var pr model.Professional
	var cred storage.Credential
	err := p.DB.View(ctx, func(tx *storage.Tx) error {
		s, err := tx.Session(ctx, hash)
		if err == storage.ErrNotFound || (err == nil && (s.Stage != storage.StageLoggedIn || !now.Before(s.ExpiresAt))) {
			return ErrNoSession
		}
		if err != nil {
			return err
		}
		if pr, err = tx.Professional(ctx, s.ProfessionalID); err != nil {
			return err
		}
		if err := lockedAccount(ctx, tx, now, p.accountKey(pr.Email)); err != nil {
			return err
		}
		cred, err = tx.Credential(ctx, pr.ID)
		return err
	})
	if err != nil {
		return err
	}
	// The hashes are checked outside the write transaction: argon2 is slow
	// on purpose, and other writers must not wait for it.
	right := CheckPassword(cred.PasswordHash, c.Current)
	if right && CheckPassword(cred.PasswordHash, c.New) {
		return errSamePassword
	}
	newHash := ""
	if right {
		newHash = HashPassword(c.New, p.Argon2)
	}
	err = p.DB.Update(ctx, func(tx *storage.Tx) error {
		if !right {
			audit.Write(ctx, tx, now, audit.Entry{Actor: actorOf(pr, c.Source), Action: audit.ActionLogin, ObjectType: "wachtwoord", ObjectID: itoa(pr.ID),
				Outcome: audit.OutcomeFailedLogin, Purpose: "wachtwoord wijzigen: huidig wachtwoord onjuist"})
			return countFailure(ctx, tx, now, p.accountKey(pr.Email), addressKey(c.Address))
		}
		if _, err := tx.Session(ctx, hash); err == storage.ErrNotFound {
			return ErrNoSession // logged out meanwhile
		} else if err != nil {
			return err
		}
		if err := tx.SetPassword(ctx, pr.ID, newHash, false, now); err != nil {
			return err
		}
		if err := tx.DeleteOtherSessionsOf(ctx, pr.ID, hash); err != nil {
			return err
		}
		purpose := "wachtwoord gewijzigd door de medewerker zelf"
		if cred.Initial {
			purpose = "eerste wachtwoord vervangen door de medewerker zelf"
		}
		audit.Write(ctx, tx, now, audit.Entry{Actor: actorOf(pr, c.Source), Action: audit.ActionUpdate, ObjectType: "wachtwoord", ObjectID: itoa(pr.ID), Purpose: purpose})
		return nil
	})
	if err == nil && !right {
		return errWrongCurrent
	}
	return err
}
