package usecase

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

func (s *Service) ViewYouth(y model.Youth) (Youth, error) {
	var p model.Person
	if err := s.Keys.OpenJSON(y.Person, &p); err != nil {
		return Youth{}, err
	}
	return Youth{ID: y.ID, Reference: y.Reference, Person: p, Age: model.AgeOn(p.BirthDate, Today(s.Now()))}, nil
}

// CoordinatorView is what involved professionals see of a running coordination.
func CoordinatorView(ctx context.Context, tx *storage.Tx, c model.Coordination) (*Coordinator, error) {
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

func Itoa(n int64) string { return strconv.FormatInt(n, 10) }

// CoordinatorOptions is what a professional may do about the coordination of
// a youth they are involved with; the use cases check the same again.
type CoordinatorOptions struct {
	// Accept: the assigned organisation accepts and names its coordinating
	// professional; after acceptance it may name another one.
	Accept bool
	// NotNeeded: the assigned organisation states that coordination is not needed.
	NotNeeded bool
	// ProposeHandover: the coordinator proposes to hand over to one of Candidates.
	ProposeHandover bool
	// DecideHandover: the organisation the open proposal is made to accepts
	// or declines it.
	DecideHandover bool
	// WithdrawHandover: the coordinator withdraws its open proposal.
	WithdrawHandover bool
	// Close: the coordinator closes the case.
	Close bool
	// Candidates are the organisations the coordinator may hand over to.
	Candidates []model.Organisation
	// Professionals are whom the viewer may name as coordinating
	// professional (with Accept or DecideHandover): the active professionals
	// of the viewer's own organisation, the viewer first.
	Professionals []model.Professional
}

// Any reports whether the viewer may do anything at all.
func (o CoordinatorOptions) Any() bool {
	return o.Accept || o.NotNeeded || o.ProposeHandover || o.DecideHandover || o.WithdrawHandover || o.Close
}

// NotNeededReasons are the fixed reasons to choose from when coordination
// is not needed, with their Dutch labels.
func (c *Coordinator) NotNeededReasons() []NotNeededReason {
	out := make([]NotNeededReason, len(model.NotNeededCodes))
	for i, r := range model.NotNeededCodes {
		out[i] = NotNeededReason{Code: r.Code, Label: r.Label}
	}
	return out
}

// NotNeededReason is one choice of the list.
type NotNeededReason struct {
	Code  model.NotNeeded
	Label string
}

// Picture is what every involved professional sees about a youth now: the
// youth, who is involved and who coordinates.
type Picture struct {
	Youth       Youth
	Involved    []model.Involvement
	Coordinator *Coordinator
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

func (s *Service) PictureOf(ctx context.Context, tx *storage.Tx, y model.Youth) (Picture, error) {
	yv, err := s.ViewYouth(y)
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
		if pic.Coordinator, err = CoordinatorView(ctx, tx, c); err != nil {
			return Picture{}, err
		}
	case storage.ErrNotFound:
	default:
		return Picture{}, err
	}
	return pic, nil
}
