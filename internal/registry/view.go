package registry

import (
	"context"
	"strconv"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Youth is what an involved professional sees of a youth: the register entry.
type Youth struct {
	ID        int64
	Reference string
	Person    model.Person
	Age       int
}

// Coordinator is the organisation that coordinates, and why; how far its job
// got (assigned, accepted with a named professional, or declared not
// needed), an open handover proposal, and what the viewer may do about it.
type Coordinator struct {
	ID           int64
	Organisation model.Organisation
	Rule         string
	Reason       string
	Since        time.Time
	Status       string              // model.CoordinationAssigned, CoordinationAccepted or CoordinationNotNeeded
	Professional *model.Professional // the coordinating professional, once accepted
	AcceptDue    *time.Time          // while assigned: accept, or say it is not needed, before this moment
	DecidedAt    *time.Time          // when it was accepted or declared not needed
	NotNeeded    model.NotNeeded     // why not needed, with that status
	Handover     *OpenHandover       // an open handover proposal, nil when none
	// May is what the viewer may do; filled on the youth's own page and in
	// the answer to a change of the coordination, empty elsewhere.
	May CoordinatorOptions
}

// Assigned, Accepted and NotNeededStated report the coordination's status.
func (c *Coordinator) Assigned() bool        { return c.Status == model.CoordinationAssigned }
func (c *Coordinator) Accepted() bool        { return c.Status == model.CoordinationAccepted }
func (c *Coordinator) NotNeededStated() bool { return c.Status == model.CoordinationNotNeeded }

// StatusLabel is the status in Dutch, for people.
func (c *Coordinator) StatusLabel() string {
	switch c.Status {
	case model.CoordinationAccepted:
		return "geaccepteerd"
	case model.CoordinationNotNeeded:
		return "coördinatie niet nodig"
	}
	return "toegewezen, nog niet geaccepteerd"
}

// OpenHandover is the coordinator's open proposal to hand coordination over.
type OpenHandover struct {
	ID         int64
	To         model.Organisation
	ProposedBy model.Professional
	ProposedAt time.Time
}

// Picture is everything an involved professional may see about a youth now.
type Picture struct {
	Youth       Youth
	Involved    []model.Involvement
	Coordinator *Coordinator
	// History is filled only on the youth's own page (YouthByReference).
	History History
	// Address lists the other children with an active registration at the
	// youth's address; filled only on the youth's own page.
	Address []AddressChild
	// Relations are the youth's relations to relatives and housemates
	// (seed 002); filled only on the youth's own page.
	Relations []Relation
	// Plan is the plan of action with the signallers to call; filled only
	// on the youth's own page, nil when there is none.
	Plan *Plan
	// Escalation is the escalation procedure and Pyramid the care pyramid
	// (Almere); filled only on the youth's own page, Pyramid nil when the
	// region has no care pyramid.
	Escalation *EscalationPanel
	Pyramid    *PyramidView
}

// OtherOrganisations counts the involved organisations other than org.
func (p Picture) OtherOrganisations(org int64) int {
	seen := map[int64]bool{}
	for _, in := range p.Involved {
		if in.Organisation.ID != org {
			seen[in.Organisation.ID] = true
		}
	}
	return len(seen)
}

func (s *Service) youth(y model.Youth) (Youth, error) {
	var p model.Person
	if err := s.Keys.OpenJSON(y.Person, &p); err != nil {
		return Youth{}, err
	}
	return Youth{ID: y.ID, Reference: y.Reference, Person: p, Age: model.AgeOn(p.BirthDate, Today(s.now()))}, nil
}

func (s *Service) picture(ctx context.Context, tx *storage.Tx, y model.Youth) (Picture, error) {
	yv, err := s.youth(y)
	if err != nil {
		return Picture{}, err
	}
	involved, err := tx.Involvements(ctx, y.ID)
	if err != nil {
		return Picture{}, err
	}
	pic := Picture{Youth: yv, Involved: involved}
	c, err := tx.CurrentCoordination(ctx, y.ID)
	switch err {
	case nil:
		if pic.Coordinator, err = coordinatorView(ctx, tx, c); err != nil {
			return Picture{}, err
		}
	case storage.ErrNotFound:
	default:
		return Picture{}, err
	}
	return pic, nil
}

// coordinatorView is what involved professionals see of a running coordination.
func coordinatorView(ctx context.Context, tx *storage.Tx, c model.Coordination) (*Coordinator, error) {
	org, err := tx.Organisation(ctx, c.OrganisationID)
	if err != nil {
		return nil, err
	}
	v := &Coordinator{
		ID: c.ID, Organisation: org, Rule: c.Rule, Reason: c.Reason, Since: c.StartedAt, Status: c.Status,
		DecidedAt: c.DecidedAt, NotNeeded: model.NotNeeded(c.NotNeededReason),
	}
	if c.Status == model.CoordinationAssigned {
		v.AcceptDue = c.AcceptDueAt
	}
	if c.ProfessionalID != 0 {
		p, err := tx.Professional(ctx, c.ProfessionalID)
		if err != nil {
			return nil, err
		}
		v.Professional = &p
	}
	h, err := tx.OpenHandover(ctx, c.ID)
	switch err {
	case nil:
		to, err := tx.Organisation(ctx, h.ToOrganisationID)
		if err != nil {
			return nil, err
		}
		by, err := tx.Professional(ctx, h.ProposedBy)
		if err != nil {
			return nil, err
		}
		v.Handover = &OpenHandover{ID: h.ID, To: to, ProposedBy: by, ProposedAt: h.ProposedAt}
	case storage.ErrNotFound:
	default:
		return nil, err
	}
	return v, nil
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
