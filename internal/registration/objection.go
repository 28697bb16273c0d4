package registration

import (
	"context"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Outcomes of an objection.
const (
	ObjectionUpheld   = "toegewezen"
	ObjectionRejected = "afgewezen"
)

// Objecting is an objection as the regional administrator records it: lodged
// by parents or youth at a municipality (seed 002: "bij de gemeente waar het
// signaal is afgegeven"). No grounds, no free text.
type Objecting struct {
	BSN           string
	Municipality  string
	ReceivedOn    *time.Time
	Registrations []int64 // empty: every active registration of the youth
}

// Objection is an objection with the registrations it concerns as they are now.
type Objection struct {
	model.Objection
	Concerns []Objected
}

// Objected is one registration an objection concerns; Registration and
// Organisation are nil once it is gone.
type Objected struct {
	ID           int64
	RemovedAt    *time.Time
	Registration *model.Registration
	Organisation *model.Organisation
}

var errObjectionNotFound = model.Errorf(model.ENOTFOUND, "Dit bezwaar bestaat niet.")

// RecordObjection records an objection against registrations about a youth.
// Nothing changes for the registrations until the decision.
func (s *Service) RecordObjection(ctx context.Context, actor usecase.Actor, in Objecting) (Objection, error) {
	if err := usecase.MustBeAdministrator(actor); err != nil {
		return Objection{}, err
	}
	now := s.Now()
	in.Municipality = strings.TrimSpace(in.Municipality)
	if err := checkObjecting(in, usecase.Today(now)); err != nil {
		return Objection{}, err
	}
	var out Objection
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, err := tx.YouthByHash(ctx, s.Keys.Hash("bsn", in.BSN))
		if err == storage.ErrNotFound {
			return model.InvalidField("burgerservicenummer", "Over deze jeugdige zijn geen registraties bekend; er is niets om bezwaar tegen te maken.")
		}
		if err != nil {
			return err
		}
		concerned, err := objectedRegistrations(ctx, tx, y, in.Registrations)
		if err != nil {
			return err
		}
		o := model.Objection{
			YouthReference: y.Reference, Municipality: in.Municipality, ReceivedOn: *in.ReceivedOn,
			RecordedAt: now, RecordedBy: actor.Professional.ID,
		}
		for _, id := range concerned {
			o.Registrations = append(o.Registrations, model.ObjectedRegistration{RegistrationID: id})
		}
		if err := tx.CreateObjection(ctx, &o); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionCreate, ObjectType: "bezwaar", ObjectID: usecase.Itoa(o.ID),
			YouthReference: y.Reference, Purpose: "bezwaar van ouders of jeugdige vastgelegd (AVG art. 21)",
		})
		out, err = s.objectionView(ctx, tx, o.ID)
		return err
	})
	return out, err
}

func checkObjecting(in Objecting, today time.Time) error {
	var inv []model.InvalidParam
	if err := model.CheckBSN("burgerservicenummer", in.BSN); err != nil {
		inv = append(inv, model.ErrorParams(err)...)
	}
	switch n := len([]rune(in.Municipality)); {
	case n == 0:
		inv = append(inv, model.InvalidParam{Name: "gemeente", Reason: "Vul de gemeente in waar het bezwaar is ingediend."})
	case n > 100:
		inv = append(inv, model.InvalidParam{Name: "gemeente", Reason: "De naam van de gemeente is te lang (meer dan 100 tekens)."})
	}
	switch {
	case in.ReceivedOn == nil:
		inv = append(inv, model.InvalidParam{Name: "ontvangen", Reason: "Vul de datum in waarop de gemeente het bezwaar ontving (jjjj-mm-dd)."})
	case in.ReceivedOn.After(today):
		inv = append(inv, model.InvalidParam{Name: "ontvangen", Reason: "De datum van ontvangst ligt in de toekomst."})
	}
	seen := map[int64]bool{}
	for _, id := range in.Registrations {
		if id <= 0 || seen[id] {
			inv = append(inv, model.InvalidParam{Name: "registraties", Reason: "Noem elke registratie één keer, met haar nummer."})
			break
		}
		seen[id] = true
	}
	return model.Invalid("Het bezwaar is niet vastgelegd: controleer de gemarkeerde velden.", inv...)
}

// objectedRegistrations checks the named registrations against the youth,
// or, when none are named, takes every active one.
func objectedRegistrations(ctx context.Context, tx *storage.Tx, y model.Youth, named []int64) ([]int64, error) {
	if len(named) == 0 {
		active, err := tx.ActiveRegistrationsOfYouth(ctx, y.ID)
		if err != nil {
			return nil, err
		}
		if len(active) == 0 {
			return nil, model.InvalidField("registraties", "Deze jeugdige heeft geen actieve registraties. Noem de beëindigde registraties waartegen het bezwaar zich richt; hun nummers staan in het inzagerapport.")
		}
		var ids []int64
		for _, r := range active {
			ids = append(ids, r.ID)
		}
		return ids, nil
	}
	for _, id := range named {
		r, err := tx.Registration(ctx, id)
		if err == storage.ErrNotFound || (err == nil && r.YouthID != y.ID) {
			return nil, model.InvalidField("registraties", "Registratie "+usecase.Itoa(id)+" bestaat niet of gaat niet over deze jeugdige.")
		}
		if err != nil {
			return nil, err
		}
	}
	return named, nil
}

// DecideObjection records the municipality's decision. When the objection is
// upheld, the registrations it concerns are removed at once (not archived),
// and everyone involved is told that a registration was withdrawn: not why,
// and not who objected.
func (s *Service) DecideObjection(ctx context.Context, actor usecase.Actor, id int64, outcome string, day *time.Time) (Objection, error) {
	if err := usecase.MustBeAdministrator(actor); err != nil {
		return Objection{}, err
	}
	now := s.Now()
	var inv []model.InvalidParam
	if outcome != ObjectionUpheld && outcome != ObjectionRejected {
		inv = append(inv, model.InvalidParam{Name: "uitkomst", Reason: "Kies de uitkomst van het besluit: 'toegewezen' of 'afgewezen'."})
	}
	switch {
	case day == nil:
		inv = append(inv, model.InvalidParam{Name: "datum", Reason: "Vul de datum van het besluit in (jjjj-mm-dd)."})
	case day.After(usecase.Today(now)):
		inv = append(inv, model.InvalidParam{Name: "datum", Reason: "De datum van het besluit ligt in de toekomst."})
	}
	if err := model.Invalid("Het besluit is niet vastgelegd: controleer de gemarkeerde velden.", inv...); err != nil {
		return Objection{}, err
	}
	var out Objection
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		o, err := tx.LockObjection(ctx, id)
		if err == storage.ErrNotFound {
			return errObjectionNotFound
		}
		if err != nil {
			return err
		}
		if o.Outcome != "" {
			return model.Errorf(model.ECONFLICT, "Over dit bezwaar is al besloten: %s op %s.", o.Outcome, o.DecidedOn.Format("2006-01-02"))
		}
		if day.Before(o.ReceivedOn) {
			return model.InvalidField("datum", "Het besluit kan niet vallen vóór de ontvangst van het bezwaar ("+o.ReceivedOn.Format("2006-01-02")+").")
		}
		if err := tx.DecideObjection(ctx, id, outcome, *day, now, actor.Professional.ID); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionUpdate, ObjectType: "bezwaar", ObjectID: usecase.Itoa(id),
			YouthReference: o.YouthReference, Purpose: "besluit op bezwaar: " + outcome,
		})
		if outcome == ObjectionUpheld {
			for _, c := range o.Registrations {
				r, err := tx.Registration(ctx, c.RegistrationID)
				if err == storage.ErrNotFound {
					continue // gone already (deleted in error, or its archive period ended)
				}
				if err != nil {
					return err
				}
				rm := Removal{Purpose: "bezwaar " + usecase.Itoa(id) + " toegewezen (AVG art. 21): registratie verwijderd", Who: actor.AuditActor(), TellOwner: true}
				if err := s.RemoveInTx(ctx, tx, r, rm, now); err != nil {
					return err
				}
				if err := tx.MarkObjectedRemoved(ctx, id, r.ID, now); err != nil {
					return err
				}
			}
		}
		out, err = s.objectionView(ctx, tx, id)
		return err
	})
	return out, err
}

func (s *Service) objectionView(ctx context.Context, tx *storage.Tx, id int64) (Objection, error) {
	o, err := tx.Objection(ctx, id)
	if err != nil {
		return Objection{}, err
	}
	out := Objection{Objection: o}
	for _, c := range o.Registrations {
		ob := Objected{ID: c.RegistrationID, RemovedAt: c.RemovedAt}
		r, err := tx.Registration(ctx, c.RegistrationID)
		switch err {
		case nil:
			org, err := tx.Organisation(ctx, r.OrganisationID)
			if err != nil {
				return out, err
			}
			ob.Registration, ob.Organisation = &r, &org
		case storage.ErrNotFound:
		default:
			return out, err
		}
		out.Concerns = append(out.Concerns, ob)
	}
	return out, nil
}
