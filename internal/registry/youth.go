package registry

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/escalation"
	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/plan"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// YouthByReference returns the page of a youth: its picture with its history of
// organisations joining and leaving and of coordinators, while the actor's
// organisation has an active registration about it.
func (s *Service) YouthByReference(ctx context.Context, actor usecase.Actor, ref string) (Page, error) {
	var out Page
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, err := tx.YouthByReference(ctx, ref)
		if err == storage.ErrNotFound {
			return usecase.ErrYouthNotFound
		}
		if err != nil {
			return err
		}
		ok, err := tx.HasActiveRegistration(ctx, y.ID, actor.Organisation.ID)
		if err != nil {
			return err
		}
		if !ok || actor.Professional.Monitoring {
			return usecase.ErrYouthNotFound
		}
		if out.Picture, err = s.PictureOf(ctx, tx, y); err != nil {
			return err
		}
		if err := s.Coordinations.FillCoordinatorOptions(ctx, tx, actor, &out.Picture); err != nil {
			return err
		}
		if out.History, err = s.Registrations.HistoryOf(ctx, tx, y.ID, out.Involved); err != nil {
			return err
		}
		if out.Disclosure, err = s.Families.DisclosureFor(ctx, tx, y, actor.Organisation); err != nil {
			return err
		}
		if out.Address, err = s.Families.AddressView(ctx, tx, y, actor.Organisation); err != nil {
			return err
		}
		if out.Relations, err = s.Families.RelationsFor(ctx, tx, y, actor.Organisation); err != nil {
			return err
		}
		if out.Plan, err = s.Plans.PlanOf(ctx, tx, y, actor, out.Involved); err != nil {
			return err
		}
		if out.Escalation, out.Pyramid, err = s.Escalations.EscalationAndPyramid(ctx, tx, y, actor); err != nil {
			return err
		}
		return s.LogRead(ctx, tx, actor, "jeugdige", y.Reference, y.Reference)
	})
	return out, err
}

// Page is everything an involved professional may see about a youth on the
// youth's own page (YouthByReference): the picture, and the history, the
// family, the plan of action and the escalations.
type Page struct {
	usecase.Picture
	History registration.History
	// Disclosure is what of the youth's household the viewer's
	// organisation may see; Address and Relations follow it.
	Disclosure family.Disclosure
	// Address is the address view: the other children with an active
	// registration at the youth's address, for the youth's coordinating
	// organisation only; nil for anyone else (family.Disclosure).
	Address *family.AddressPanel
	// Relations are the youth's relations to relatives and housemates (seed
	// 002): all of them for a care organisation, only its own for one that
	// gives signals only.
	Relations []family.Relation
	// Plan is the plan of action with the signallers to call; nil when there is none.
	Plan *plan.Plan
	// Escalation is the escalation procedure and Pyramid the care pyramid
	// (Almere); Pyramid nil when the region has no care pyramid.
	Escalation *escalation.Panel
	Pyramid    *escalation.PyramidView
}
