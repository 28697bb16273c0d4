package covenant

import (
	"fmt"
	"strings"
)

// Coordination is how the region runs the coordinator's job once a
// coordinator is assigned (issue 4). In the covenant file it is the optional
// object "zorgcoordinatie"; whatever it leaves out gets the default.
type Coordination struct {
	// AcceptWorkdays: the assigned organisation accepts, or states that
	// coordination is not needed, within this many working days; after that
	// the regional administrator is told ("acceptatieWerkdagen").
	AcceptWorkdays int
	// ContactWorkdays: the coordinator is reminded of signallers not yet
	// contacted this many working days after the coordination began or the
	// signal arrived ("terugkoppelingWerkdagen").
	ContactWorkdays int
	// EscalationWorkdays: each step of the escalation procedure is due within
	// this many working days (seed 002: "binnen twee werkdagen";
	// "escalatieWerkdagen").
	EscalationWorkdays int
	// StagnationHours: when care stagnates, the brandpunt officer convenes
	// everyone within this many hours (Almere, seed 001 appendix 3.1;
	// "brandpuntUren"). 0: the region has no brandpunt officer.
	StagnationHours int
	// Actions are what an agreement in the plan of action can say is to be
	// done: a short procedural choice, never case content ("afspraken").
	Actions []string
}

// Defaults for the coordination settings.
const (
	DefaultAcceptWorkdays     = 5
	DefaultContactWorkdays    = 2
	DefaultEscalationWorkdays = 2
	maxWorkdays               = 30
	maxActions                = 40
	maxActionLength           = 60
)

// DefaultActions is the plan-of-action list when the covenant names none.
// Every involved organisation, a school too, reads the plan, so an action
// says what kind of step is taken and never whom the youth is referred to or
// why (issue 19): "inzet hulp", not "verwijzing via de huisarts".
var DefaultActions = []string{
	"gesprek",
	"gesprek met ouders",
	"gesprek met jeugdige",
	"huisbezoek",
	"overleg",
	"inzet hulp",
	"terugkoppeling aan de signaalgevers",
	"evaluatie van het plan",
}

type fileCoordination struct {
	AcceptatieWerkdagen     *int     `json:"acceptatieWerkdagen"`
	TerugkoppelingWerkdagen *int     `json:"terugkoppelingWerkdagen"`
	EscalatieWerkdagen      *int     `json:"escalatieWerkdagen"`
	BrandpuntUren           *int     `json:"brandpuntUren"`
	Afspraken               []string `json:"afspraken"`
}

// HasAction reports whether a is on the region's list of agreement actions.
func (c Coordination) HasAction(a string) bool {
	for _, x := range c.Actions {
		if x == a {
			return true
		}
	}
	return false
}

// validateCoordination checks the "zorgcoordinatie" object. Problems refuse
// the covenant; warnings (an action that names an agency or a diagnosis) do
// not, but are shown wherever the covenant is shown.
func validateCoordination(fc *fileCoordination) (c Coordination, problems, warnings []string) {
	c = Coordination{
		AcceptWorkdays:     DefaultAcceptWorkdays,
		ContactWorkdays:    DefaultContactWorkdays,
		EscalationWorkdays: DefaultEscalationWorkdays,
		Actions:            append([]string(nil), DefaultActions...),
	}
	if fc == nil {
		return c, nil, nil
	}
	add := func(format string, args ...any) {
		problems = append(problems, "zorgcoordinatie: "+fmt.Sprintf(format, args...))
	}
	workdays := func(name string, v *int, into *int) {
		if v == nil {
			return
		}
		if *v < 1 || *v > maxWorkdays {
			add("%s is %d, maar moet tussen 1 en %d werkdagen liggen", name, *v, maxWorkdays)
			return
		}
		*into = *v
	}
	workdays("acceptatieWerkdagen", fc.AcceptatieWerkdagen, &c.AcceptWorkdays)
	workdays("terugkoppelingWerkdagen", fc.TerugkoppelingWerkdagen, &c.ContactWorkdays)
	workdays("escalatieWerkdagen", fc.EscalatieWerkdagen, &c.EscalationWorkdays)
	if v := fc.BrandpuntUren; v != nil {
		if *v < 1 || *v > 24*14 {
			add("brandpuntUren is %d, maar moet tussen 1 en %d uur liggen", *v, 24*14)
		} else {
			c.StagnationHours = *v
		}
	}
	if fc.Afspraken != nil {
		c.Actions = nil
		if len(fc.Afspraken) == 0 || len(fc.Afspraken) > maxActions {
			add("\"afspraken\" moet 1 tot %d acties noemen, niet %d", maxActions, len(fc.Afspraken))
		}
		seen := map[string]bool{}
		for _, a := range fc.Afspraken {
			a = strings.TrimSpace(a)
			switch {
			case a == "" || len([]rune(a)) > maxActionLength:
				add("afspraak %q moet 1 tot %d tekens lang zijn", a, maxActionLength)
			case seen[a]:
				add("afspraak %q staat dubbel in de lijst", a)
			default:
				seen[a] = true
				c.Actions = append(c.Actions, a)
				if w := contentWarning(a); w != "" {
					warnings = append(warnings, "zorgcoordinatie: "+w)
				}
			}
		}
	}
	return c, problems, warnings
}
