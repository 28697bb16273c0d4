package registration

import (
	"context"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Removal says why a registration is deleted at once instead of archived:
// an upheld objection, or a registration made in error. The reason goes into
// the audit trail only; whoever is told hears *that* a registration was
// withdrawn, never why, nor who objected.
type Removal struct {
	Purpose   string // for the audit trail
	Who       audit.Actor
	TellOwner bool // also tell the registration's own organisation
}

// RemoveInTx deletes one registration with its matches and the messages about
// it, lets the covenant decide again who coordinates (as after an ending),
// tells who is involved that a registration was withdrawn, and deletes the
// youth when nothing about it is left. It never archives. It is one event:
// each professional gets one e-mail about it.
func (s *Service) RemoveInTx(ctx context.Context, tx *storage.Tx, r model.Registration, rm Removal, now time.Time) error {
	return s.OneMailEach(ctx, tx, usecase.Event{}, func(ctx context.Context) error {
		return s.removeInTx(ctx, tx, r, rm, now)
	})
}

func (s *Service) removeInTx(ctx context.Context, tx *storage.Tx, r model.Registration, rm Removal, now time.Time) error {
	y, err := tx.LockYouthByID(ctx, r.YouthID)
	if err != nil {
		return err
	}
	org, err := tx.Organisation(ctx, r.OrganisationID)
	if err != nil {
		return err
	}
	if err := tx.DeleteRegistration(ctx, r.ID); err != nil {
		return err
	}
	id := usecase.Itoa(r.ID)
	if err := tx.DeleteMessagesByEvent(ctx, "match:"+id, "geen-match:"+id, "archief:"+id); err != nil {
		return err
	}
	if err := tx.DeleteMessagesByEventPrefix(ctx, "verloopt:"+id+":"); err != nil {
		return err
	}
	audit.Write(ctx, tx, now, audit.Entry{
		Actor: rm.Who, Action: audit.ActionRemove, ObjectType: "registratie", ObjectID: id,
		YouthReference: y.Reference, Purpose: rm.Purpose,
	})
	told := map[int64]bool{}
	if r.Active() {
		after, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return err
		}
		if _, err := s.Coordinations.Coordinate(ctx, tx, y, after, now); err != nil {
			return err
		}
		stillInvolved := false
		for _, in := range after {
			stillInvolved = stillInvolved || in.Organisation.ID == org.ID
		}
		for _, to := range usecase.Recipients(after) {
			told[to.Professional.ID] = true
			if err := s.Send(ctx, tx, withdrawnMessage(y, r, org, to.Professional, to.Organisation.ID == org.ID, stillInvolved, true, s.BaseURL, now)); err != nil {
				return err
			}
		}
	}
	if rm.TellOwner {
		own, err := s.Contacts(ctx, tx, org.ID, r.ProfessionalID)
		if err != nil {
			return err
		}
		for _, p := range own {
			if told[p.ID] {
				continue
			}
			// Not linked to the youth: the notice outlives the youth's deletion.
			if err := s.Send(ctx, tx, withdrawnMessage(y, r, org, p, true, false, false, s.BaseURL, now)); err != nil {
				return err
			}
		}
	}
	if _, err := tx.ForgetOrganisation(ctx, y.ID, org.ID); err != nil {
		return err
	}
	_, err = tx.DeleteYouthIfEmpty(ctx, y.ID)
	return err
}

// withdrawnMessage tells one professional that a registration was withdrawn
// and deleted, without saying why.
func withdrawnMessage(y model.Youth, r model.Registration, org model.Organisation, to model.Professional, own, stillInvolved, linked bool, baseURL string, now time.Time) usecase.Outgoing {
	kind := theKind(r)
	var subject, body string
	if own {
		subject = "Uw registratie bij jeugdige " + y.Reference + " is ingetrokken"
		body = capitalise(kind) + " van uw organisatie bij jeugdige " + y.Reference + " (vastgelegd op " + nltime.Date(r.CreatedAt) +
			") is ingetrokken en uit de verwijsindex verwijderd."
		if !stillInvolved {
			body += " Uw organisatie is niet meer bij deze jeugdige betrokken en ziet de jeugdige en de andere betrokkenen niet meer."
		}
	} else {
		subject = "Registratie ingetrokken bij jeugdige " + y.Reference
		body = capitalise(kind) + " van " + org.Name + " bij jeugdige " + y.Reference + " is ingetrokken en uit de verwijsindex verwijderd."
		if !stillInvolved {
			body += " " + org.Name + " is niet meer bij deze jeugdige betrokken."
		}
	}
	if linked {
		body += usecase.Footer(baseURL, y)
	} else {
		body += "\n\nDit bericht is verstuurd door de verwijsindex Jeugdketen."
	}
	m := model.Message{
		ProfessionalID: to.ID, Kind: KindWithdrawn, EventKey: "ingetrokken:" + usecase.Itoa(r.ID),
		Subject: subject, Body: body, CreatedAt: now,
	}
	if linked {
		m.YouthID = y.ID
	}
	return usecase.Outgoing{Msg: m, Email: to.Email}
}

// RemoveInError deletes one of the actor's organisation's registrations that
// was made in error (the wrong youth, a mistake): at once, without archiving.
// The reason, one of model.RemovalReasons, goes into the audit trail only;
// the others involved are told that it was withdrawn, not why.
func (s *Service) RemoveInError(ctx context.Context, actor usecase.Actor, id int64, reason model.RemovalReason) error {
	if err := model.CheckRemovalReason(reason); err != nil {
		return err
	}
	now := s.Now()
	return s.DB.Update(ctx, func(tx *storage.Tx) error {
		r, err := tx.Registration(ctx, id)
		if err == storage.ErrNotFound || (err == nil && !actor.Owns(r)) {
			return errRegistrationNotFound
		}
		if err != nil {
			return err
		}
		rm := Removal{Purpose: "onjuiste registratie verwijderd door de eigen organisatie, reden: " + string(reason), Who: actor.AuditActor()}
		return s.RemoveInTx(ctx, tx, r, rm, now)
	})
}

// theKind names a registration's kind with its article: "het signaal",
// "het urgente signaal", "de ketenregistratie".
func theKind(r model.Registration) string {
	switch {
	case r.Kind == model.KindKetenregistratie:
		return "de ketenregistratie"
	case r.Urgent:
		return "het urgente signaal"
	}
	return "het signaal"
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
