package monitoring

import (
	"context"
	"sort"
	"strconv"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// SmallCell is the smallest count shown as a number. A smaller one, other
// than zero, is shown as "<5": a count of one or two in a small municipality
// can point to a child the reader knows.
const SmallCell = 5

// Cell is a count as shown: the number, or "<5".
type Cell string

func cell(n int) Cell {
	if n > 0 && n < SmallCell {
		return Cell("<" + strconv.Itoa(SmallCell))
	}
	return Cell(strconv.Itoa(n))
}

// Group is one line of a breakdown.
type Group struct {
	Key   string
	Count Cell
}

// Figures are the index's aggregated figures for municipal monitoring
// (seed 002, "Monitoring"): counts only, small ones suppressed.
type Figures struct {
	ByOrganisationType []Group
	ByMunicipality     []Group
	Signals            Cell
	CareRegistrations  Cell
	Youths             Cell
	Matches            Cell
	Coordinations      Cell
}

// Figures returns the figures to a monitoring account or the regional
// administrator; anyone else is refused.
func (s *Service) Figures(ctx context.Context, actor usecase.Actor) (Figures, error) {
	if !actor.Professional.Monitoring && !actor.Professional.Admin {
		return Figures{}, model.Errorf(model.EFORBIDDEN, "Alleen een monitoringsaccount van de gemeente en de regiobeheerder zien de cijfers.")
	}
	var out Figures
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		c, err := tx.Counts(ctx)
		if err != nil {
			return err
		}
		out = Figures{
			ByOrganisationType: groups(c.ByOrganisationType),
			ByMunicipality:     groups(c.ByMunicipality),
			Signals:            cell(c.Signals),
			CareRegistrations:  cell(c.CareRegistrations),
			Youths:             cell(c.Youths),
			Matches:            cell(c.Matches),
			Coordinations:      cell(c.Coordinations),
		}
		audit.Write(ctx, tx, s.Now(), audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionRead, ObjectType: "monitoring",
			Purpose: "beleidsinformatie (geaggregeerd)",
		})
		return nil
	})
	return out, err
}

func groups(m map[string]int) []Group {
	out := make([]Group, 0, len(m))
	for k, n := range m {
		out = append(out, Group{Key: k, Count: cell(n)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
