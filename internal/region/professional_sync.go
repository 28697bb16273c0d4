package region

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Listed is one professional on an organisation's list of its professionals.
type Listed struct {
	Name, Email, Phone, JobTitle string
}

// ProfessionalsSynced is what a list changed.
type ProfessionalsSynced struct {
	Created, Updated, Reactivated, Deactivated []string // e-mail addresses
	// Handover names the deactivated professionals who still coordinated
	// for a youth: the regional administrator is told to have it taken over.
	Handover []CoordinatorGone
}

// CoordinatorGone is a deactivated professional who coordinated.
type CoordinatorGone struct {
	Email         string
	Coordinations int
}

// SyncProfessionals makes an organisation's professionals the complete list
// its own system sends (issue 21): new ones are created, known ones get the
// list's name, phone and function and are active, and the organisation's
// professionals missing from the list are deactivated (their sessions end,
// their registrations stay with the organisation). A regional
// administrator and a monitoring account are never deactivated by a list:
// the region, not the organisation, manages those. A bad line changes
// nothing.
func (s *Service) SyncProfessionals(ctx context.Context, who audit.Actor, organisationID int64, list []Listed) (ProfessionalsSynced, error) {
	now := s.now()
	seen := map[string]bool{}
	var inv []model.InvalidParam
	for i := range list {
		l := &list[i]
		l.Name, l.Email, l.Phone, l.JobTitle = strings.TrimSpace(l.Name), strings.ToLower(strings.TrimSpace(l.Email)), strings.TrimSpace(l.Phone), strings.TrimSpace(l.JobTitle)
		at := fmt.Sprintf("medewerkers[%d].", i)
		if err := (model.Professional{Name: l.Name, Email: l.Email, Phone: l.Phone, OrganisationID: organisationID}).Validate(); err != nil {
			if e, ok := err.(*model.Error); ok {
				for _, p := range e.Params {
					inv = append(inv, model.InvalidParam{Name: at + p.Name, Reason: p.Reason})
				}
			}
		}
		if len(l.JobTitle) > 200 {
			inv = append(inv, model.InvalidParam{Name: at + "functie", Reason: "Een functie is hoogstens 200 tekens."})
		}
		if seen[l.Email] {
			inv = append(inv, model.InvalidParam{Name: at + "email", Reason: "Dit e-mailadres staat al eerder in de lijst."})
		}
		seen[l.Email] = true
	}
	if len(list) == 0 {
		inv = append(inv, model.InvalidParam{Name: "medewerkers", Reason: "De lijst is leeg. Stuur de volledige lijst van de medewerkers van de organisatie; een lege lijst zou iedereen deactiveren."})
	}
	if err := model.Invalid("De lijst van medewerkers is niet juist; er is niets veranderd.", inv...); err != nil {
		return ProfessionalsSynced{}, err
	}
	var out ProfessionalsSynced
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		out = ProfessionalsSynced{}
		if _, err := tx.Organisation(ctx, organisationID); err != nil {
			return err
		}
		current, err := tx.ProfessionalsOf(ctx, organisationID)
		if err != nil {
			return err
		}
		byEmail := map[string]model.Professional{}
		for _, p := range current {
			byEmail[p.Email] = p
		}
		for i, l := range list {
			if err := s.syncOne(ctx, tx, who, organisationID, i, l, byEmail, &out, now); err != nil {
				return err
			}
		}
		for _, p := range current {
			if seen[p.Email] || !p.Active || p.Admin || p.Monitoring {
				continue
			}
			if err := s.deactivateUnlisted(ctx, tx, who, p, &out, now); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

func (s *Service) syncOne(ctx context.Context, tx *storage.Tx, who audit.Actor, organisationID int64, i int, l Listed, byEmail map[string]model.Professional, out *ProfessionalsSynced, now time.Time) error {
	p, known := byEmail[l.Email]
	if !known {
		if _, err := tx.ProfessionalByEmail(ctx, l.Email); err == nil {
			return model.InvalidField(fmt.Sprintf("medewerkers[%d].email", i), "Dit e-mailadres hoort bij een medewerker van een andere organisatie; er is niets veranderd.")
		} else if err != storage.ErrNotFound {
			return err
		}
		p = model.Professional{OrganisationID: organisationID, Name: l.Name, Email: l.Email, Phone: l.Phone, Active: true}
		if err := tx.CreateProfessional(ctx, &p, now); err != nil {
			return err
		}
		out.Created = append(out.Created, l.Email)
		audit.Write(ctx, tx, now, audit.Entry{Actor: who, Action: audit.ActionCreate, ObjectType: "medewerker", ObjectID: itoa(p.ID), Purpose: "medewerkerslijst van de organisatie"})
		return tx.SetProfessionalDetails(ctx, p.ID, l.Name, l.Phone, l.JobTitle)
	}
	title, err := tx.JobTitle(ctx, p.ID)
	if err != nil {
		return err
	}
	if !p.Active {
		if err := tx.SetProfessionalActive(ctx, p.ID, true); err != nil {
			return err
		}
		out.Reactivated = append(out.Reactivated, l.Email)
		audit.Write(ctx, tx, now, audit.Entry{Actor: who, Action: audit.ActionUpdate, ObjectType: "medewerker", ObjectID: itoa(p.ID), Purpose: "medewerkerslijst van de organisatie: weer actief"})
	}
	if p.Name == l.Name && p.Phone == l.Phone && title == l.JobTitle {
		return nil
	}
	out.Updated = append(out.Updated, l.Email)
	audit.Write(ctx, tx, now, audit.Entry{Actor: who, Action: audit.ActionUpdate, ObjectType: "medewerker", ObjectID: itoa(p.ID), Purpose: "medewerkerslijst van de organisatie"})
	return tx.SetProfessionalDetails(ctx, p.ID, l.Name, l.Phone, l.JobTitle)
}

// deactivateUnlisted stops a professional the list no longer names, and
// tells the regional administrators when they still coordinated.
func (s *Service) deactivateUnlisted(ctx context.Context, tx *storage.Tx, who audit.Actor, p model.Professional, out *ProfessionalsSynced, now time.Time) error {
	if err := tx.SetProfessionalActive(ctx, p.ID, false); err != nil {
		return err
	}
	if err := tx.DeleteSessionsOf(ctx, p.ID); err != nil {
		return err
	}
	out.Deactivated = append(out.Deactivated, p.Email)
	audit.Write(ctx, tx, now, audit.Entry{Actor: who, Action: audit.ActionUpdate, ObjectType: "medewerker", ObjectID: itoa(p.ID), Purpose: "medewerkerslijst van de organisatie: gedeactiveerd"})
	n, err := tx.CoordinationsHeldBy(ctx, p.ID)
	if err != nil || n == 0 {
		return err
	}
	out.Handover = append(out.Handover, CoordinatorGone{Email: p.Email, Coordinations: n})
	admins, err := tx.Administrators(ctx)
	if err != nil {
		return err
	}
	for _, a := range admins {
		m := model.Message{ProfessionalID: a.ID, Kind: "coordinator-vertrokken", CreatedAt: now,
			EventKey: fmt.Sprintf("coordinator-vertrokken:%d:%d", p.ID, now.UnixMilli()),
			Subject:  "Coördinatie opnieuw toewijzen: " + p.Name + " is gedeactiveerd",
			Body: fmt.Sprintf("%s (%s) staat niet meer op de medewerkerslijst van de organisatie en is gedeactiveerd, maar coördineerde nog voor %d jeugdige(n). "+
				"De registraties blijven bij de organisatie; zorg dat een collega de coördinatie overneemt.", p.Name, p.Email, n),
		}
		if _, err := tx.AddMessage(ctx, &m, a.Email); err != nil {
			return err
		}
	}
	return nil
}
