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

// Coordinator is the organisation that coordinates, and why.
type Coordinator struct {
	Organisation model.Organisation
	Rule         string
	Reason       string
	Since        time.Time
}

// Picture is everything an involved professional may see about a youth now.
type Picture struct {
	Youth       Youth
	Involved    []storage.Involvement
	Coordinator *Coordinator
	// History is filled only on the youth's own page (YouthByReference).
	History History
	// Address lists the other children with an active registration at the
	// youth's address; filled only on the youth's own page.
	Address []AddressChild
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

func (s *Service) youth(y storage.Youth) (Youth, error) {
	var p model.Person
	if err := s.Keys.OpenJSON(y.Person, &p); err != nil {
		return Youth{}, err
	}
	return Youth{ID: y.ID, Reference: y.Reference, Person: p, Age: model.AgeOn(p.BirthDate, Today(s.now()))}, nil
}

func (s *Service) picture(ctx context.Context, tx *storage.Tx, y storage.Youth) (Picture, error) {
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
		org, err := tx.Organisation(ctx, c.OrganisationID)
		if err != nil {
			return Picture{}, err
		}
		pic.Coordinator = &Coordinator{Organisation: org, Rule: c.Rule, Reason: c.Reason, Since: c.StartedAt}
	case storage.ErrNotFound:
	default:
		return Picture{}, err
	}
	return pic, nil
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
