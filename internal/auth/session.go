package auth

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Current is the logged-in professional of a session.
type Current struct {
	Professional model.Professional
	Organisation model.Organisation
	// InitialPassword: they logged in with a password the administrator
	// set, and must choose their own before anything else.
	InitialPassword bool
}

// Session returns who a logged-in session belongs to and records the
// activity. A session idle for longer than Idle, older than MaxAge, halfway
// through login, or of a deactivated professional or organisation, is no
// session: ErrNoSession.
func (p *People) Session(ctx context.Context, id string) (Current, error) {
	if id == "" {
		return Current{}, ErrNoSession
	}
	now := p.now()
	hash := hashSessionID(id)
	var out Current
	expired := false
	err := p.DB.View(ctx, func(tx *storage.Tx) error {
		s, err := tx.Session(ctx, hash)
		if err == storage.ErrNotFound || (err == nil && s.Stage != storage.StageLoggedIn) {
			return ErrNoSession
		}
		if err != nil {
			return err
		}
		if !now.Before(s.ExpiresAt) || now.Sub(s.LastSeenAt) > p.idle() {
			expired = true
			return ErrNoSession
		}
		if out.Professional, err = tx.Professional(ctx, s.ProfessionalID); err != nil {
			return err
		}
		if out.Organisation, err = tx.Organisation(ctx, out.Professional.OrganisationID); err != nil {
			return err
		}
		if !out.Professional.Active || !out.Organisation.Active {
			return ErrNoSession
		}
		// A professional who only ever logged in through their
		// organisation's provider has no credentials.
		cred, err := tx.Credential(ctx, out.Professional.ID)
		if err == storage.ErrNotFound {
			return nil
		}
		out.InitialPassword = cred.Initial
		return err
	})
	if expired {
		_ = p.DB.Update(ctx, func(tx *storage.Tx) error { return tx.DeleteSession(ctx, hash) })
	}
	if err != nil {
		return Current{}, err
	}
	err = p.DB.Update(ctx, func(tx *storage.Tx) error { return tx.TouchSession(ctx, hash, now) })
	return out, err
}

// Logout ends a session. Ending one that is gone already is no error.
func (p *People) Logout(ctx context.Context, id, source string) error {
	now := p.now()
	hash := hashSessionID(id)
	return p.DB.Update(ctx, func(tx *storage.Tx) error {
		s, err := tx.Session(ctx, hash)
		if err == storage.ErrNotFound {
			return nil
		}
		if err != nil {
			return err
		}
		if err := tx.DeleteSession(ctx, hash); err != nil {
			return err
		}
		pr, err := tx.Professional(ctx, s.ProfessionalID)
		if err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{Actor: actorOf(pr, source), Action: audit.ActionLogout, ObjectType: "sessie", Purpose: "uitloggen"})
		return nil
	})
}
