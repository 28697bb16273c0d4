package covenant

import (
	"fmt"
	"strconv"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Reasons when no rule names a coordinator.
const (
	reasonNobody       = "Er is geen organisatie betrokken; er is geen coördinator."
	reasonOne          = "Er is maar één organisatie betrokken; een coördinator is niet nodig."
	reasonNoCare       = "Er is nog geen zorgaanbieder betrokken; er is nog geen coördinator."
	reasonNoRule       = "Geen van de regels van het convenant is van toepassing; er is nog geen coördinator."
	reasonBelowMinimum = "Er zijn %d organisaties betrokken; volgens dit convenant is een coördinator pas nodig bij %d of meer betrokken organisaties."
)

// Decide names the coordinating organisation for the situation. Rules are
// tried in order and the first rule with a candidate decides; only an
// organisation with the role zorgaanbieder can ever be the candidate. Among
// candidates the oldest registration wins, then the lower organisation id.
func (c *Covenant) Decide(s Situation) Decision {
	n := len(s.Involved)
	if n < c.minimum() {
		switch n {
		case 0:
			return Decision{Reason: reasonNobody}
		case 1:
			return Decision{Reason: reasonOne}
		}
		return Decision{Reason: fmt.Sprintf(reasonBelowMinimum, n, c.minimum())}
	}
	involved := c.count(s.Involved)
	for i := range c.Rules {
		r := &c.Rules[i]
		if !r.applies(s.Age, involved) {
			continue
		}
		if r.NoCoordinator {
			return Decision{RuleID: r.ID, Reason: r.reason(i)}
		}
		if id, ok := r.choose(s.Involved); ok {
			return Decision{OrganisationID: id, RuleID: r.ID, Reason: r.reason(i)}
		}
	}
	for _, o := range s.Involved {
		if o.Role == model.RoleZorgaanbieder {
			return Decision{Reason: reasonNoRule}
		}
	}
	return Decision{Reason: reasonNoCare}
}

func (c *Covenant) minimum() int {
	if c.MinimumOrganisations < defaultMin {
		return defaultMin
	}
	return c.MinimumOrganisations
}

// count is the number the rules' minBetrokken and maxBetrokken compare with.
func (c *Covenant) count(involved []Involved) int {
	if c.Counting != CountProfessionals {
		return len(involved)
	}
	total := 0
	for _, o := range involved {
		// An involved organisation has at least one professional, even when
		// the caller did not count them.
		total += max(o.Professionals, 1)
	}
	return total
}

func (r *Rule) applies(age, involved int) bool {
	return age >= r.AgeFrom &&
		(r.AgeTo == 0 || age < r.AgeTo) &&
		involved >= r.MinInvolved &&
		(r.MaxInvolved == 0 || involved <= r.MaxInvolved)
}

// choose returns the candidate with the oldest registration, ties to the lower id.
func (r *Rule) choose(involved []Involved) (int64, bool) {
	var best *Involved
	for i := range involved {
		o := &involved[i]
		if o.Role != model.RoleZorgaanbieder || !r.names(o.Type) {
			continue
		}
		if best == nil || o.Since.Before(best.Since) ||
			(o.Since.Equal(best.Since) && o.OrganisationID < best.OrganisationID) {
			best = o
		}
	}
	if best == nil {
		return 0, false
	}
	return best.OrganisationID, true
}

func (r *Rule) names(t model.OrgType) bool {
	if r.AllCareOrganisations {
		return true
	}
	for _, rt := range r.Types {
		if rt == t {
			return true
		}
	}
	return false
}

// reason is the rule's sentence as Decision.Reason shows it.
func (r *Rule) reason(i int) string {
	return "Regel " + strconv.Itoa(i+1) + ": " + r.Text
}
