package covenant

import (
	"fmt"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

const (
	// maxAge is the oldest youth the verwijsindex is about (0 to 23 years).
	maxAge = 23
	// defaultMin: coordination only matters when more than one organisation is involved.
	defaultMin = 2
	// idAlphabet keeps names and rule ids usable in URLs and on the command line.
	idAlphabet  = "abcdefghijklmnopqrstuvwxyz0123456789-"
	docsPointer = " (zie docs/covenant.md)"
)

// validate turns the decoded file into a Covenant, or lists every problem.
func validate(fc fileCovenant, rules []fileRule) (*Covenant, []string) {
	c := &Covenant{
		Name:                 fc.Naam,
		Title:                fc.Titel,
		Description:          fc.Beschrijving,
		Source:               fc.Bron,
		MinimumOrganisations: defaultMin,
		Counting:             CountOrganisations,
	}
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	switch {
	case strings.TrimSpace(fc.Naam) == "":
		add("veld \"naam\" ontbreekt; geef het convenant een korte naam, bijvoorbeeld \"brabant\"")
	case !validID(fc.Naam):
		add("naam %q mag alleen kleine letters, cijfers en streepjes bevatten", fc.Naam)
	}
	if c.Title == "" {
		c.Title = c.Name
	}
	if fc.MinimumOrganisaties != nil {
		c.MinimumOrganisations = *fc.MinimumOrganisaties
		if c.MinimumOrganisations < defaultMin {
			add("minimumOrganisaties is %d, maar moet ten minste 2 zijn: zorgcoördinatie is pas aan de orde als meer dan één organisatie betrokken is", c.MinimumOrganisations)
		}
	}
	switch Counting(fc.Telwijze) {
	case "":
	case CountOrganisations, CountProfessionals:
		c.Counting = Counting(fc.Telwijze)
	default:
		add("onbekende telwijze %q; kies \"organisaties\" of \"professionals\"", fc.Telwijze)
	}
	coordination, coordinationProblems, warnings := validateCoordination(fc.Zorgcoordinatie)
	c.Coordination = coordination
	c.Warnings = warnings
	problems = append(problems, coordinationProblems...)
	if len(rules) == 0 {
		add("het convenant heeft geen regels; geef in \"regels\" ten minste één regel" + docsPointer)
	}

	seen := map[string]int{}
	for i, fr := range rules {
		r, ruleProblems := validateRule(fr, c.MinimumOrganisations, c.Counting)
		label := ruleLabel(i, fr.ID)
		for _, p := range ruleProblems {
			add("%s%s", label, p)
		}
		if first, dup := seen[fr.ID]; dup && fr.ID != "" {
			add("%sid %q komt al voor bij regel %d; elke regel heeft een eigen id", label, fr.ID, first+1)
		} else {
			seen[fr.ID] = i
		}
		c.Rules = append(c.Rules, r)
	}
	if len(problems) == 0 {
		problems = unreachable(c.Rules)
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return c, nil
}

// ruleLabel names a rule in an error the way Explain numbers it.
func ruleLabel(i int, id string) string {
	if id == "" {
		return fmt.Sprintf("regel %d: ", i+1)
	}
	return fmt.Sprintf("regel %d (%q): ", i+1, id)
}

func validID(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune(idAlphabet, r) {
			return false
		}
	}
	return true
}

func validateRule(fr fileRule, minOrgs int, counting Counting) (Rule, []string) {
	r := Rule{
		ID:                   fr.ID,
		Text:                 strings.TrimSpace(fr.Toelichting),
		Source:               fr.Bron,
		AllCareOrganisations: fr.AlleZorgaanbieders,
		NoCoordinator:        fr.GeenCoordinator,
	}
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	switch {
	case fr.ID == "":
		add("veld \"id\" ontbreekt; geef de regel een korte id, bijvoorbeeld \"gi\"")
	case !validID(fr.ID):
		add("id %q mag alleen kleine letters, cijfers en streepjes bevatten", fr.ID)
	}

	outcomes := 0
	for _, given := range []bool{fr.Typen != nil, fr.AlleZorgaanbieders, fr.GeenCoordinator} {
		if given {
			outcomes++
		}
	}
	switch {
	case outcomes == 0:
		add("zeg wie coördineert: geef \"typen\", \"alleZorgaanbieders\": true of \"geenCoordinator\": true")
	case outcomes > 1:
		add("geef maar één van \"typen\", \"alleZorgaanbieders\" en \"geenCoordinator\"")
	}
	if fr.Typen != nil && len(fr.Typen) == 0 {
		add("\"typen\" is leeg; noem ten minste één organisatietype")
	}
	for j, t := range fr.Typen {
		ot := model.OrgType(t)
		switch {
		case !ot.Valid():
			add("onbekend organisatietype %q; kies uit: %s", t, model.OrgTypeList())
		case (model.Organisation{Type: ot}).OnlyMonitors():
			add("organisatietype %q kan niet coördineren: een gemeente registreert niet en volgt alleen de cijfers", t)
		case indexOf(fr.Typen[:j], t) >= 0:
			add("organisatietype %q staat dubbel in \"typen\"", t)
		default:
			r.Types = append(r.Types, ot)
		}
	}

	if fr.LeeftijdVan != nil {
		r.AgeFrom = *fr.LeeftijdVan
		if r.AgeFrom < 0 || r.AgeFrom > maxAge {
			add("leeftijdVan %d ligt niet tussen 0 en %d; de verwijsindex gaat over jeugdigen van 0 tot en met %d jaar", r.AgeFrom, maxAge, maxAge)
		}
	}
	if fr.LeeftijdTot != nil {
		r.AgeTo = *fr.LeeftijdTot
		if r.AgeTo < 1 || r.AgeTo > maxAge+1 {
			add("leeftijdTot %d ligt niet tussen 1 en %d; leeftijdTot is de eerste leeftijd waarvoor de regel niet meer geldt", r.AgeTo, maxAge+1)
		} else if r.AgeFrom >= r.AgeTo {
			add("leeftijdVan %d is niet kleiner dan leeftijdTot %d; de regel geldt van leeftijdVan tot (niet tot en met) leeftijdTot", r.AgeFrom, r.AgeTo)
		}
	}

	if fr.MinBetrokken != nil {
		r.MinInvolved = *fr.MinBetrokken
		if r.MinInvolved < 1 {
			add("minBetrokken %d moet ten minste 1 zijn", r.MinInvolved)
		}
	}
	if fr.MaxBetrokken != nil {
		r.MaxInvolved = *fr.MaxBetrokken
		switch {
		case r.MaxInvolved < minOrgs:
			add("maxBetrokken %d is kleiner dan minimumOrganisaties %d; deze regel kan nooit van toepassing zijn", r.MaxInvolved, minOrgs)
		case r.MinInvolved > r.MaxInvolved:
			add("minBetrokken %d is groter dan maxBetrokken %d", r.MinInvolved, r.MaxInvolved)
		}
	}
	if v := fr.BijeenroepenWerkdagen; v != nil {
		switch {
		case *v < 1 || *v > maxWorkdays:
			add("bijeenroepenWerkdagen is %d, maar moet tussen 1 en %d werkdagen liggen", *v, maxWorkdays)
		case fr.GeenCoordinator:
			add("bijeenroepenWerkdagen past niet bij \"geenCoordinator\": er is dan niemand die bijeenroept")
		default:
			r.ConveneWorkdays = *v
		}
	}
	if r.Text == "" {
		r.Text = r.generatedText(counting)
	}
	return r, problems
}

// unreachable reports rules that come after a rule which always decides, so
// that an administrator does not believe a rule is in force that never is.
func unreachable(rules []Rule) []string {
	var problems []string
	always, catchAll := -1, -1
	for i, r := range rules {
		switch {
		case always >= 0:
			problems = append(problems, fmt.Sprintf("%skan nooit van toepassing zijn, want regel %d (%q) besluit altijd al dat er geen coördinator is", ruleLabel(i, r.ID), always+1, rules[always].ID))
		case catchAll >= 0 && !r.NoCoordinator:
			problems = append(problems, fmt.Sprintf("%skan nooit van toepassing zijn, want regel %d (%q) wijst altijd al een zorgaanbieder aan", ruleLabel(i, r.ID), catchAll+1, rules[catchAll].ID))
		}
		switch {
		case r.hasConditions():
		case r.NoCoordinator && always < 0:
			always = i
		case r.AllCareOrganisations && catchAll < 0:
			catchAll = i
		}
	}
	return problems
}

func (r Rule) hasConditions() bool {
	return r.AgeFrom > 0 || r.AgeTo > 0 || r.MinInvolved > 0 || r.MaxInvolved > 0
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
