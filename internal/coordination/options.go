package coordination

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// FillCoordinatorOptions fills pic.Coordinator.May for the actor, who must be
// involved with the youth.
func (s *Service) FillCoordinatorOptions(ctx context.Context, tx *storage.Tx, actor usecase.Actor, pic *usecase.Picture) error {
	c := pic.Coordinator
	if c == nil || actor.Professional.Monitoring {
		return nil
	}
	own := c.Organisation.ID == actor.Organisation.ID
	var o usecase.CoordinatorOptions
	if own {
		o.Accept = true
		o.NotNeeded = c.Assigned()
		if c.Accepted() {
			o.Close = true
			if c.Handover == nil {
				o.Candidates = handoverCandidates(c.Organisation, pic.Involved)
				o.ProposeHandover = len(o.Candidates) > 0
			}
		}
	}
	if h := c.Handover; h != nil {
		o.WithdrawHandover = own
		o.DecideHandover = h.To.ID == actor.Organisation.ID
	}
	if o.Accept || o.DecideHandover {
		all, err := eligibleProfessionals(ctx, tx, actor.Organisation.ID)
		if err != nil {
			return err
		}
		o.Professionals = []model.Professional{actor.Professional} // the default: the actor
		for _, p := range all {
			if p.ID != actor.Professional.ID {
				o.Professionals = append(o.Professionals, p)
			}
		}
	}
	c.May = o
	return nil
}

// handoverCandidates are the involved organisations a coordinator may hand
// over to: every other active care organisation with an active registration
// about the youth, for a GI only youth-care providers and local teams.
func handoverCandidates(from model.Organisation, involved []model.Involvement) []model.Organisation {
	seen := map[int64]bool{from.ID: true}
	var out []model.Organisation
	for _, in := range involved {
		o := in.Organisation
		if seen[o.ID] {
			continue
		}
		seen[o.ID] = true
		if model.MayReceiveHandover(from.Type, o) {
			out = append(out, o)
		}
	}
	return out
}

// eligibleProfessionals are the professionals of an organisation who can be
// its coordinating professional: active, and no monitoring account.
func eligibleProfessionals(ctx context.Context, tx *storage.Tx, org int64) ([]model.Professional, error) {
	all, err := tx.ProfessionalsOf(ctx, org)
	if err != nil {
		return nil, err
	}
	var out []model.Professional
	for _, p := range all {
		if p.Active && !p.Monitoring {
			out = append(out, p)
		}
	}
	return out, nil
}

// coordinatingProfessional resolves whom the actor names as the coordinating
// professional: by e-mail address, or the actor when none is given. It must
// be an active professional of the actor's own organisation, and no
// monitoring account. A professional of another organisation gets the same
// answer as an address nobody has.
func coordinatingProfessional(ctx context.Context, tx *storage.Tx, actor usecase.Actor, email string) (model.Professional, error) {
	if email == "" {
		return actor.Professional, nil
	}
	p, err := tx.ProfessionalByEmail(ctx, email)
	if err == storage.ErrNotFound || (err == nil && p.OrganisationID != actor.Organisation.ID) {
		return p, model.InvalidField(FieldCoordinatingProfessional, "Deze medewerker is niet bekend bij uw organisatie. Kies een medewerker van uw eigen organisatie.")
	}
	if err != nil {
		return p, err
	}
	if !p.Active || p.Monitoring {
		return p, model.InvalidField(FieldCoordinatingProfessional, "Deze medewerker kan geen coördinerende professional zijn: kies een actieve medewerker, geen monitoringsaccount.")
	}
	return p, nil
}

// Field names the coordination use cases report bad input on, as the API
// names them.
const (
	FieldCoordinatingProfessional = "coordinerendeMedewerker"
	FieldNotNeededReason          = "reden"
	FieldHandoverTo               = "organisatie"
	FieldConfirmed                = "bevestigd"
)

// viewFor reads the youth's coordination as the actor sees it after a change,
// with what the actor may do next; nil when nobody coordinates any more.
func (s *Service) viewFor(ctx context.Context, tx *storage.Tx, actor usecase.Actor, y model.Youth) (*usecase.Coordinator, error) {
	c, err := tx.CurrentCoordination(ctx, y.ID)
	if err == storage.ErrNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	v, err := usecase.CoordinatorView(ctx, tx, c)
	if err != nil {
		return nil, err
	}
	involved, err := tx.Involvements(ctx, y.ID)
	if err != nil {
		return nil, err
	}
	pic := usecase.Picture{Involved: involved, Coordinator: v}
	return v, s.FillCoordinatorOptions(ctx, tx, actor, &pic)
}
