package registration

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Report is the access report (inzage) for one youth, as the regional
// administrator hands it to parents or youth on request: which organisations
// registered what kind and when, and who looked at the youth's data. It shows
// what the database still holds: the archive, and the audit trail of the
// last AuditYears.
type Report struct {
	MadeAt        time.Time
	Found         bool // false: nobody registered about this youth (or all of it was deleted)
	Youth         usecase.Youth
	Registrations []ReportedRegistration
	Accesses      []model.Access
	Objections    []model.Objection
	ArchiveYears  int
	AuditYears    int
	MaxDuration   model.Period
}

// ReportedRegistration is one registration in the report.
type ReportedRegistration struct {
	Registration model.Registration
	Organisation model.Organisation
}

// AccessReport makes the access report for the youth with this BSN. Making
// it is itself recorded in the audit trail (action export). A youth nobody
// registered gets a report that says so: the administrator may know.
func (s *Service) AccessReport(ctx context.Context, actor usecase.Actor, bsn, format string) (Report, error) {
	if err := usecase.MustBeAdministrator(actor); err != nil {
		return Report{}, err
	}
	if err := model.CheckBSN("burgerservicenummer", bsn); err != nil {
		return Report{}, err
	}
	now := s.Now()
	out := Report{MadeAt: now, ArchiveYears: s.EffectiveArchiveYears(), AuditYears: s.EffectiveAuditYears(), MaxDuration: s.EffectiveMaxDuration()}
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		out.Found, out.Registrations, out.Accesses, out.Objections = false, nil, nil, nil
		ref := ""
		y, err := tx.YouthByHash(ctx, s.Keys.Hash("bsn", bsn))
		switch err {
		case nil:
			if err := s.fillReport(ctx, tx, y, &out); err != nil {
				return err
			}
			ref = y.Reference
		case storage.ErrNotFound:
		default:
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionExport, ObjectType: "inzagerapport", ObjectID: format,
			YouthReference: ref, Purpose: "inzageverzoek van ouders of jeugdige (AVG art. 15)",
		})
		return nil
	})
	return out, err
}

func (s *Service) fillReport(ctx context.Context, tx *storage.Tx, y model.Youth, out *Report) error {
	yv, err := s.ViewYouth(y)
	if err != nil {
		return err
	}
	out.Found, out.Youth = true, yv
	regs, err := tx.RegistrationsOfYouth(ctx, y.ID)
	if err != nil {
		return err
	}
	orgs := map[int64]model.Organisation{}
	for _, r := range regs {
		o, ok := orgs[r.OrganisationID]
		if !ok {
			if o, err = tx.Organisation(ctx, r.OrganisationID); err != nil {
				return err
			}
			orgs[r.OrganisationID] = o
		}
		out.Registrations = append(out.Registrations, ReportedRegistration{Registration: r, Organisation: o})
	}
	if out.Accesses, err = tx.AccessesOf(ctx, y.Reference, audit.ActionRead, audit.ActionExport); err != nil {
		return err
	}
	out.Objections, err = tx.ObjectionsAbout(ctx, y.Reference)
	return err
}
