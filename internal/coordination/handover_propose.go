package coordination

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

var (
	errHandoverOpen   = model.Errorf(model.ECONFLICT, "Er staat al een voorstel tot overdracht open. Trek dat eerst in.")
	errNoHandoverOpen = model.Errorf(model.ECONFLICT, "Er staat geen voorstel tot overdracht van de coördinatie open.")
)

// ProposeHandover: the coordinator proposes to hand coordination over to
// another involved care organisation (issue 4; seed 000 for the GI, which
// hands over only to a youth-care provider or local team). At most one
// proposal is open per coordination. The receiving organisation's involved
// professionals are told; it accepts or declines (DecideHandover).
func (s *Service) ProposeHandover(ctx context.Context, actor usecase.Actor, ref string, toOrg int64) (*usecase.Coordinator, error) {
	var out *usecase.Coordinator
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, c, err := s.AsCoordinator(ctx, tx, actor, ref)
		if err != nil {
			return err
		}
		if _, err := tx.OpenHandover(ctx, c.ID); err == nil {
			return errHandoverOpen
		} else if err != storage.ErrNotFound {
			return err
		}
		involved, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return err
		}
		target, err := handoverTarget(actor.Organisation, toOrg, involved)
		if err != nil {
			return err
		}
		now := s.Now()
		h := model.Handover{CoordinationID: c.ID, YouthID: y.ID, ToOrganisationID: target.ID, ProposedBy: actor.Professional.ID, ProposedAt: now}
		if err := tx.ProposeHandover(ctx, &h); err != nil {
			if storage.IsUniqueViolation(err) {
				return errHandoverOpen
			}
			return err
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionCreate, ObjectType: "overdracht", ObjectID: usecase.Itoa(h.ID),
			YouthReference: y.Reference, Purpose: "voorstel overdracht coördinatie aan organisatie " + usecase.Itoa(target.ID),
		})
		if err := s.Send(ctx, tx, handoverProposedMessages(y, h, actor.Organisation, target, involved, s.BaseURL, now)...); err != nil {
			return err
		}
		out, err = s.viewFor(ctx, tx, actor, y)
		return err
	})
	return out, err
}

// handoverTarget checks the organisation a coordinator proposes to hand
// over to. Only involved organisations can be named; anything else gets
// the same answer, so the form cannot be used to probe for organisations.
func handoverTarget(from model.Organisation, id int64, involved []model.Involvement) (model.Organisation, error) {
	if id == 0 {
		return model.Organisation{}, model.InvalidField(FieldHandoverTo, "Kies de organisatie waaraan u de coördinatie wilt overdragen.")
	}
	if id == from.ID {
		return model.Organisation{}, model.InvalidField(FieldHandoverTo, "Uw organisatie coördineert al; kies een andere betrokken organisatie.")
	}
	o, ok := involvedOrganisation(involved, id)
	if !ok {
		return o, model.InvalidField(FieldHandoverTo, "Deze organisatie is niet bij de jeugdige betrokken. U kunt alleen overdragen aan een organisatie met een actieve registratie over de jeugdige.")
	}
	if !o.MayCoordinate() {
		return o, model.InvalidField(FieldHandoverTo, o.Name+" kan geen coördinator zijn: alleen een actieve zorgaanbieder kan coördineren.")
	}
	if !model.MayReceiveHandover(from.Type, o) {
		return o, model.InvalidField(FieldHandoverTo, "Een gecertificeerde instelling (GI) draagt de coördinatie alleen over aan een jeugdhulpaanbieder of een wijkteam, in het vrijwillig kader; "+o.Name+" is "+o.Type.Label()+".")
	}
	return o, nil
}
