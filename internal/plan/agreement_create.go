package plan

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

// Message kinds of the plan of action and the signallers.
const (
	KindAgreement        = "afspraak"            // an agreement was assigned to the professional
	KindAgreementOverdue = "afspraak-verlopen"   // an open agreement passed its end date
	KindCallSignallers   = "signaalgever-bellen" // the coordinator has not called a signaller yet
)

// Agreeing is a new agreement in the plan of action, as the coordinator
// enters it: an action from the region's list, the responsible professional
// by e-mail address, and the days it runs. Nothing else: no case content.
type Agreeing struct {
	Action      string
	Responsible string // e-mail address
	Start, End  *time.Time
}

var errAgreementNotFound = model.Errorf(model.ENOTFOUND, "Deze afspraak bestaat niet in het plan van aanpak van deze jeugdige.")

// CreateAgreement adds an agreement to a youth's plan of action. Only the
// coordinator may (asCoordinator); the responsible professional is told,
// unless they made it themselves.
func (s *Service) CreateAgreement(ctx context.Context, actor usecase.Actor, ref string, in Agreeing) (PlannedAgreement, error) {
	now := s.Now()
	var out PlannedAgreement
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, c, err := s.AsCoordinator(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		var inv []model.InvalidParam
		action := strings.TrimSpace(in.Action)
		if !s.Covenant.Coordination.HasAction(action) {
			inv = append(inv, model.InvalidParam{Name: "actie", Reason: "Kies een actie uit de lijst van de regio. Een afspraak zegt alleen wie wat doet en wanneer, nooit wat er speelt."})
		}
		responsible, bad, err := s.responsible(ctx, tx, y, in.Responsible)
		if err != nil {
			return err
		}
		inv = append(inv, bad...)
		inv = append(inv, checkAgreementDays(in.Start, in.End)...)
		if err := model.Invalid("De afspraak is niet opgeslagen: controleer de gemarkeerde velden.", inv...); err != nil {
			return err
		}
		a := model.Agreement{
			YouthID: y.ID, CoordinationID: c.ID, Action: action, ProfessionalID: responsible.ID,
			StartOn: *in.Start, EndOn: *in.End, Status: model.AgreementOpen, CreatedBy: actor.Professional.ID, CreatedAt: now,
		}
		if err := tx.CreateAgreement(ctx, &a); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionCreate, ObjectType: "afspraak", ObjectID: usecase.Itoa(a.ID),
			YouthReference: y.Reference, Purpose: "plan van aanpak: afspraak vastgelegd door de coördinator",
		})
		if out, err = s.plannedAgreement(ctx, tx, a); err != nil {
			return err
		}
		return s.tellResponsible(ctx, tx, y, actor, out, now)
	})
	return out, err
}

// responsible finds the professional named by e-mail address: active, and
// working for an organisation with an active registration about the youth.
// Anyone else is refused with one message, whoever they are.
func (s *Service) responsible(ctx context.Context, tx *storage.Tx, y model.Youth, email string) (model.Professional, []model.InvalidParam, error) {
	bad := []model.InvalidParam{{Name: "verantwoordelijke", Reason: "Kies als verantwoordelijke een medewerker van een organisatie die bij deze jeugdige betrokken is."}}
	email = strings.TrimSpace(email)
	if email == "" {
		return model.Professional{}, bad, nil
	}
	p, err := tx.ProfessionalByEmail(ctx, email)
	if err == storage.ErrNotFound {
		return p, bad, nil
	}
	if err != nil {
		return p, nil, err
	}
	if !p.Active || p.Monitoring {
		return p, bad, nil
	}
	involved, err := tx.HasActiveRegistration(ctx, y.ID, p.OrganisationID)
	if err != nil || !involved {
		return p, bad, err
	}
	return p, nil, nil
}

// checkAgreementDays checks the start and the intended end day.
func checkAgreementDays(start, end *time.Time) []model.InvalidParam {
	var inv []model.InvalidParam
	if start == nil {
		inv = append(inv, model.InvalidParam{Name: "startdatum", Reason: "Vul de startdatum in (jjjj-mm-dd)."})
	}
	if end == nil {
		inv = append(inv, model.InvalidParam{Name: "einddatum", Reason: "Vul de beoogde einddatum in (jjjj-mm-dd)."})
	}
	if start != nil && end != nil && end.Before(*start) {
		inv = append(inv, model.InvalidParam{Name: "einddatum", Reason: "De einddatum ligt vóór de startdatum."})
	}
	return inv
}

// plannedAgreement adds the responsible professional and organisation.
func (s *Service) plannedAgreement(ctx context.Context, tx *storage.Tx, a model.Agreement) (PlannedAgreement, error) {
	out := PlannedAgreement{Agreement: a, Overdue: agreementOverdue(a, planDay(s.Now()))}
	var err error
	if out.Responsible, err = tx.Professional(ctx, a.ProfessionalID); err != nil {
		return out, err
	}
	out.Organisation, err = tx.Organisation(ctx, out.Responsible.OrganisationID)
	return out, err
}

// tellResponsible tells the responsible professional that an agreement is
// now theirs, unless they assigned it to themselves.
func (s *Service) tellResponsible(ctx context.Context, tx *storage.Tx, y model.Youth, actor usecase.Actor, a PlannedAgreement, now time.Time) error {
	if a.Responsible.ID == actor.Professional.ID {
		return nil
	}
	body := actor.Organisation.Name + " coördineert de zorg voor jeugdige " + y.Reference + " en heeft in het plan van aanpak een afspraak aan u toegewezen:\n\n" +
		"- " + a.Action + ", van " + nltime.CalendarDate(a.StartOn) + " tot en met " + nltime.CalendarDate(a.EndOn) + "\n\n" +
		"Vragen over de afspraak? Bel " + actor.Professional.Name + ", telefoon " + actor.Professional.Phone + "." + usecase.Footer(s.BaseURL, y)
	m := model.Message{
		ProfessionalID: a.Responsible.ID, YouthID: y.ID, Kind: KindAgreement,
		EventKey: "afspraak:" + usecase.Itoa(a.ID) + ":" + usecase.Itoa(now.UnixMilli()),
		Subject:  "Afspraak voor u in het plan van aanpak van jeugdige " + y.Reference, Body: body, CreatedAt: now,
	}
	return s.Send(ctx, tx, usecase.Outgoing{Msg: m, Email: a.Responsible.Email})
}
