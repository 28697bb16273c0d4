package covenant

import (
	"fmt"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Explain describes the rules in Dutch, one line per rule, in order: the
// rule's own text followed by its conditions as the program reads them, so an
// administrator can see whether the text and the data agree.
func (c *Covenant) Explain() []string {
	lines := make([]string, len(c.Rules))
	for i, r := range c.Rules {
		lines[i] = fmt.Sprintf("Regel %d (%s): %s [%s]", i+1, r.ID, r.Text, r.Conditions(c.Counting))
	}
	return lines
}

// Summary is one Dutch paragraph that goes before Explain's lines: when there
// is a coordinator at all and how candidates are chosen.
func (c *Covenant) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Een coördinator wordt pas aangewezen als %d of meer organisaties betrokken zijn, en alleen een zorgaanbieder kan coördinator zijn. ", c.minimum())
	b.WriteString("De regels worden op volgorde bekeken; de eerste regel die van toepassing is, beslist. ")
	b.WriteString("Komen meer organisaties in aanmerking, dan coördineert de organisatie met de oudste actieve registratie.")
	if c.Counting == CountProfessionals {
		b.WriteString(" Het aantal betrokkenen in de regels telt professionals: per organisatie het aantal professionals met een actieve registratie.")
	}
	return b.String()
}

// Conditions is a short Dutch rendering of the rule's data, e.g.
// "leeftijd: 4 t/m 17 jaar; coördinator: smw".
func (r Rule) Conditions(counting Counting) string {
	var parts []string
	if age := r.ageText(); age != "" {
		parts = append(parts, "leeftijd: "+age)
	}
	if n := r.countText(counting); n != "" {
		parts = append(parts, "aantal: "+n)
	}
	switch {
	case r.NoCoordinator:
		parts = append(parts, "geen coördinator")
	case r.AllCareOrganisations:
		parts = append(parts, "coördinator: elke zorgaanbieder")
	default:
		parts = append(parts, "coördinator: "+joinTypes(r.Types, ", ", func(t model.OrgType) string { return string(t) }))
	}
	return strings.Join(parts, "; ")
}

// generatedText is the rule's sentence when the file gives no toelichting.
func (r Rule) generatedText(counting Counting) string {
	var conds []string
	if age := r.ageText(); age != "" {
		conds = append(conds, "de jeugdige is "+age)
	}
	if n := r.countText(counting); n != "" {
		conds = append(conds, "er zijn "+n)
	}
	var outcome string
	switch {
	case r.NoCoordinator:
		outcome = "er is geen coördinator"
	case r.AllCareOrganisations:
		outcome = "de zorgaanbieder met de oudste actieve registratie coördineert"
	default:
		conds = append(conds, "een organisatie van het type "+joinTypes(r.Types, " of ", model.OrgType.Label)+" is betrokken")
		outcome = "die organisatie coördineert"
	}
	if len(conds) == 0 {
		return outcome + "."
	}
	return strings.Join(conds, " en ") + "; " + outcome + "."
}

func (r Rule) ageText() string {
	switch {
	case r.AgeFrom > 0 && r.AgeTo == r.AgeFrom+1:
		return fmt.Sprintf("%d jaar", r.AgeFrom)
	case r.AgeTo > 0 && r.AgeFrom > 0:
		return fmt.Sprintf("%d t/m %d jaar", r.AgeFrom, r.AgeTo-1)
	case r.AgeTo > 0:
		return fmt.Sprintf("jonger dan %d jaar", r.AgeTo)
	case r.AgeFrom > 0:
		return fmt.Sprintf("%d jaar of ouder", r.AgeFrom)
	}
	return ""
}

func (r Rule) countText(counting Counting) string {
	what := "betrokken organisaties"
	if counting == CountProfessionals {
		what = "betrokken professionals"
	}
	switch {
	case r.MinInvolved > 0 && r.MinInvolved == r.MaxInvolved:
		return fmt.Sprintf("precies %d %s", r.MinInvolved, what)
	case r.MinInvolved > 0 && r.MaxInvolved > 0:
		return fmt.Sprintf("%d tot en met %d %s", r.MinInvolved, r.MaxInvolved, what)
	case r.MinInvolved > 0:
		return fmt.Sprintf("ten minste %d %s", r.MinInvolved, what)
	case r.MaxInvolved > 0:
		return fmt.Sprintf("hooguit %d %s", r.MaxInvolved, what)
	}
	return ""
}

func joinTypes(types []model.OrgType, sep string, name func(model.OrgType) string) string {
	names := make([]string, len(types))
	for i, t := range types {
		names[i] = name(t)
	}
	return strings.Join(names, sep)
}
