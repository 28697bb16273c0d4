package escalation

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

var (
	errNoBrandpunt       = model.Errorf(model.ECONFLICT, "Deze regio heeft geen brandpuntfunctionaris. Loopt de hulp vast, bespreek dat dan met de coördinator; die kan de escalatieprocedure starten.")
	errNotBrandpunt      = model.Errorf(model.EFORBIDDEN, "Alleen de regiobeheerder legt vast wat de brandpuntfunctionaris deed, namens de brandpuntfunctionaris.")
	errNoOpenStagnation  = model.Errorf(model.ECONFLICT, "Er is geen gemelde stagnatie waarvoor de brandpuntfunctionaris nog iedereen bijeen moet roepen.")
	errNotConvenedYet    = model.Errorf(model.ECONFLICT, "Leg eerst vast dat de brandpuntfunctionaris alle betrokkenen bijeen heeft geroepen.")
	errNoStagnation      = model.Errorf(model.ECONFLICT, "Er is geen stagnatie gemeld voor deze jeugdige.")
	errAlreadyInstructed = model.Errorf(model.ECONFLICT, "De opdracht van de brandpuntfunctionaris is al vastgelegd.")
)

// ReportStagnation: the coordinator or any involved professional reports
// that care stagnates despite everyone's efforts (Almere, level 4). The
// brandpunt officer must convene everyone within the region's hours (real
// hours, not working days); the regional administrators, who act for the
// officer, and everyone involved are told.
func (s *Service) ReportStagnation(ctx context.Context, actor usecase.Actor, ref string) (*PyramidView, error) {
	var out *PyramidView
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		now := s.Now()
		y, err := s.InvolvedYouth(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		hours := s.Covenant.Coordination.StagnationHours
		if hours == 0 {
			return errNoBrandpunt
		}
		c, err := tx.CurrentCoordination(ctx, y.ID)
		if err == storage.ErrNotFound {
			return usecase.ErrNoCoordination
		}
		if err != nil {
			return err
		}
		last, err := tx.LatestStagnation(ctx, c.ID)
		if err == nil && last.ConvenedAt == nil {
			return model.Errorf(model.ECONFLICT, "De stagnatie is al gemeld op %s. De brandpuntfunctionaris roept uiterlijk %s alle betrokkenen bijeen.",
				nltime.DateTime(last.ReportedAt), nltime.Deadline(last.DueAt))
		}
		if err != nil && err != storage.ErrNotFound {
			return err
		}
		st := model.Stagnation{YouthID: y.ID, CoordinationID: c.ID, ReportedBy: actor.Professional.ID, ReportedAt: now, DueAt: now.Add(time.Duration(hours) * time.Hour)}
		if err := tx.ReportStagnation(ctx, &st); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionCreate, ObjectType: "stagnatie", ObjectID: usecase.Itoa(st.ID),
			YouthReference: y.Reference, Purpose: "stagnatie gemeld bij de brandpuntfunctionaris",
		})
		if out, err = s.pyramidView(ctx, tx, y, actor, true, now); err != nil {
			return err
		}
		involved, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return err
		}
		admins, err := tx.Administrators(ctx)
		if err != nil {
			return err
		}
		return s.Send(ctx, tx, stagnationReportedMessages(y, out.Stagnation, involved, admins, s.BaseURL, now)...)
	})
	return out, err
}

// RecordBrandpuntConvened: the regional administrator records, for the
// brandpunt officer, that everyone involved was convened about the open
// stagnation report.
func (s *Service) RecordBrandpuntConvened(ctx context.Context, actor usecase.Actor, ref string) (*PyramidView, error) {
	return s.brandpuntStep(ctx, actor, ref, "bijeengeroepen", func(tx *storage.Tx, st model.Stagnation, now time.Time) error {
		if st.ConvenedAt != nil {
			return errNoOpenStagnation
		}
		ok, err := tx.ConveneStagnation(ctx, st.ID, actor.Professional.ID, now)
		if err == nil && !ok {
			return errNoOpenStagnation
		}
		return err
	})
}

// RecordBrandpuntInstruction: the regional administrator records, for the
// brandpunt officer, that the officer instructed the involved professionals
// and organisations (the officer's authority to instruct). The instruction
// itself is given in person, never recorded here.
func (s *Service) RecordBrandpuntInstruction(ctx context.Context, actor usecase.Actor, ref string) (*PyramidView, error) {
	return s.brandpuntStep(ctx, actor, ref, "opdracht gegeven", func(tx *storage.Tx, st model.Stagnation, now time.Time) error {
		switch {
		case st.ConvenedAt == nil:
			return errNotConvenedYet
		case st.InstructedAt != nil:
			return errAlreadyInstructed
		}
		ok, err := tx.InstructStagnation(ctx, st.ID, actor.Professional.ID, now)
		if err == nil && !ok {
			return errAlreadyInstructed
		}
		return err
	})
}

// brandpuntStep runs one of the brandpunt officer's steps on the running
// coordination's latest stagnation report and tells everyone involved.
func (s *Service) brandpuntStep(ctx context.Context, actor usecase.Actor, ref, what string, record func(*storage.Tx, model.Stagnation, time.Time) error) (*PyramidView, error) {
	if !isAdministrator(actor) {
		return nil, errNotBrandpunt
	}
	var out *PyramidView
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		now := s.Now()
		y, involved, err := s.escalationYouth(ctx, tx, actor, ref, func(y model.Youth) (bool, error) { return s.adminMayActOnPyramid(ctx, tx, y) })
		if err != nil {
			return err
		}
		c, err := tx.CurrentCoordination(ctx, y.ID)
		if err == storage.ErrNotFound {
			return errNoStagnation
		}
		if err != nil {
			return err
		}
		st, err := tx.LatestStagnation(ctx, c.ID)
		if err == storage.ErrNotFound {
			return errNoStagnation
		}
		if err != nil {
			return err
		}
		if err := record(tx, st, now); err != nil {
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionUpdate, ObjectType: "stagnatie", ObjectID: usecase.Itoa(st.ID),
			YouthReference: y.Reference, Purpose: "brandpuntfunctionaris: " + what,
		})
		if out, err = s.pyramidView(ctx, tx, y, actor, involved, now); err != nil {
			return err
		}
		all, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return err
		}
		return s.Send(ctx, tx, brandpuntStepMessages(y, out.Stagnation, what, all, s.BaseURL, now)...)
	})
	return out, err
}
