package monitoring

import (
	"sort"
	"strconv"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// label is a category as people read it.
type label struct{ key, text string }

// tables makes every table of the report, in the order the page shows
// them. The per-organisation table only when organisations is set (the
// regional administrator's report); the care pyramid's only where the
// covenant has one.
func (sh *sheet) tables(organisations, pyramid bool) []Table {
	out := []Table{
		sh.categoryTable("registraties-soort", "Registraties", "Nieuwe registraties in de periode, naar soort.",
			MeasureRegistrations, []label{{"signaal", "Signalen"}, {"ketenregistratie", "Ketenregistraties"}}, "Registraties"),
		sh.typeTable("registraties-organisatietype", "Registraties per soort organisatie",
			"Nieuwe registraties in de periode, naar het soort organisatie dat registreerde: wie doet mee.", MeasureRegistrations),
		sh.categoryTable("jeugdigen-match", "Jeugdigen met een match",
			"Jeugdigen bij wie in de periode voor het eerst een tweede organisatie betrokken raakte (elke jeugdige telt één keer).",
			MeasureMatchedYouths, []label{{"", "Jeugdigen met een eerste match"}}, ""),
		sh.followUp(),
		sh.acceptance(),
		sh.categoryTable("coordinatie-niet-nodig", "Zorgcoördinatie niet nodig",
			"Toegewezen organisaties die in de periode vastlegden dat zorgcoördinatie niet nodig is, naar reden.",
			MeasureNotNeeded, notNeededLabels(), "Niet nodig"),
		sh.categoryTable("coordinatie-overdracht", "Overdrachten van de coördinatie",
			"Voorstellen om de coördinatie over te dragen die in de periode zijn beslist, naar uitkomst.",
			MeasureHandovers, []label{{"geaccepteerd", "Geaccepteerd"}, {"geweigerd", "Geweigerd"}, {"ingetrokken", "Ingetrokken"}, {"vervallen", "Vervallen"}}, "Beslist"),
		sh.categoryTable("coordinatie-einde", "Beëindigde coördinaties",
			"Coördinaties die in de periode eindigden, naar reden; afgesloten betekent: de zorgcoördinator sloot de casus af.",
			MeasureCoordinationEnds, []label{{"afgesloten", "Casus afgesloten"}, {"overdracht", "Overgedragen"}, {"convenant", "Andere coördinator volgens het convenant"},
				{"gi", "Overgenomen door de gecertificeerde instelling"}, {"geen-betrokkenen", "Geen betrokkenen meer"}}, "Beëindigd"),
		sh.stockTable("coordinatie-lopend", "Lopende coördinaties",
			"Stand aan het eind van elke periode.", []stockRow{
				{MeasureCoordinationsRunning, "", "lopend", "Lopende coördinaties"},
				{MeasureAcceptanceOverdue, "", "acceptatie-verlopen", "Toegewezen, acceptatietermijn verstreken"},
			}),
		sh.agreements(),
		sh.categoryTable("escalaties-gestart", "Gestarte escalaties",
			"Escalatieprocedures die in de periode begonnen, naar wie doorzettingsmacht heeft.",
			MeasureEscalationsStarted, []label{{"gi", "Gecertificeerde instelling"}, {"wethouder", "Wethouder"}}, "Gestart"),
		sh.categoryTable("escalaties-uitkomst", "Beëindigde escalaties",
			"Escalatieprocedures die in de periode eindigden, naar uitkomst.",
			MeasureEscalationsEnded, []label{{"uitgevoerd", "Besluit uitgevoerd"}, {"ingetrokken", "Ingetrokken"}, {"vervallen", "Vervallen"}}, "Beëindigd"),
		sh.categoryTable("escalaties-stap", "Hoogste stap van de beëindigde escalaties",
			"Tot welke stap van de escalatieprocedure de escalaties kwamen die in de periode eindigden.",
			MeasureEscalationSteps, stepLabels(), "Beëindigd"),
	}
	if pyramid || len(sh.cells[MeasurePyramid]) > 0 {
		out = append(out, sh.categoryTable("zorgpiramide", "Zorgpiramide",
			"Wat er in de periode in de zorgpiramide gebeurde: overleggen, stagnaties bij het brandpunt en wat het brandpunt deed.",
			MeasurePyramid, []label{{"bijeengeroepen", "Overleg met alle betrokkenen belegd"}, {"stagnatie", "Stagnatie gemeld bij het brandpunt"},
				{"brandpunt", "Brandpunt riep alle betrokkenen bijeen"}, {"opdracht", "Brandpunt gaf een opdracht"}}, ""))
	}
	out = append(out, sh.followUpByType())
	if organisations {
		out = append(out, sh.perOrganisation())
	}
	out = append(out, sh.stockTable("stand", "Stand van de verwijsindex",
		"Actieve registraties, jeugdigen en open afspraken aan het eind van elke periode.", []stockRow{
			{MeasureActive, "signaal", "signaal", "Actieve signalen"},
			{MeasureActive, "ketenregistratie", "ketenregistratie", "Actieve ketenregistraties"},
			{MeasureActiveYouths, "", "jeugdigen", "Jeugdigen met een actieve registratie"},
			{MeasureAgreementsOpen, "", "afspraken-open", "Open afspraken in plannen van aanpak"},
		}))
	return out
}

// categoryTable is a measure's count per category, with a sum row named
// sum (none when sum is empty).
func (sh *sheet) categoryTable(id, title, desc, measure string, cats []label, sum string) Table {
	t := Table{ID: id, Title: title, Description: desc, Total: sh.total}
	v := sh.sums(measure, false, byCategory)
	for _, c := range cats {
		t.Rows = append(t.Rows, sh.countRow(rowKey(c.key), c.text, v[c.key], t.Total))
	}
	if sum != "" {
		t.Rows = append(t.Rows, sh.sumRow(sum, v, t.Total))
	}
	return t
}

func rowKey(k string) string {
	if k == "" {
		return "aantal"
	}
	return k
}

// typeTable is a measure's count per organisation type, for the types
// that counted anything.
func (sh *sheet) typeTable(id, title, desc, measure string) Table {
	t := Table{ID: id, Title: title, Description: desc, Total: sh.total}
	v := sh.sums(measure, false, byType)
	for _, ot := range model.OrgTypes {
		if v[string(ot.Type)] != nil {
			t.Rows = append(t.Rows, sh.countRow(string(ot.Type), ot.Label, v[string(ot.Type)], t.Total))
		}
	}
	t.Rows = append(t.Rows, sh.sumRow("Registraties", v, t.Total))
	return t
}

type stockRow struct{ measure, category, key, label string }

// stockTable shows stocks at the end of each period; it has no total.
func (sh *sheet) stockTable(id, title, desc string, rows []stockRow) Table {
	t := Table{ID: id, Title: title, Description: desc}
	for _, r := range rows {
		v := sh.sums(r.measure, true, byCategory)
		t.Rows = append(t.Rows, sh.countRow(r.key, r.label, v[r.category], false))
	}
	return t
}

func notNeededLabels() []label {
	var out []label
	for _, c := range model.NotNeededCodes {
		out = append(out, label{string(c.Code), c.Label})
	}
	return out
}

func stepLabels() []label {
	var out []label
	for i := 1; i <= 7; i++ {
		out = append(out, label{strconv.Itoa(i), "Stap " + strconv.Itoa(i)})
	}
	return out
}

// perOrganisation is the participation of each organisation in the whole
// period: the registrations it made, the matches it coordinated whose
// follow-up deadline passed, and the share of those followed up in time.
// Its columns are these three, not the periods: a column per period for
// every organisation of a large region is a page no one reads, and
// megabytes. For the regional administrator only.
func (sh *sheet) perOrganisation() Table {
	whole := Period{From: sh.periods[0].From, To: sh.periods[len(sh.periods)-1].To}
	column := func(label string) Period { p := whole; p.Label = label; return p }
	t := Table{ID: "deelname-organisatie", Title: "Deelname per organisatie",
		Description: "Per organisatie, over de hele periode (alleen voor de regiobeheerder): de nieuwe registraties, de matches die zij coördineerde waarvan de terugkoppeltermijn verliep, en welk deel daarvan binnen de termijn werd opgevolgd. Zo ziet de regio welke organisaties meedoen, en welke niet.",
		Columns:     []Period{column("Registraties"), column("Matches met terugkoppeltermijn"), column("Binnen de termijn opgevolgd")}}
	made := sh.orgSums(MeasureRegistrations, "")
	onTime, followed := sh.orgSums(MeasureFollowUp, "op-tijd"), sh.orgSums(MeasureFollowUp, "")
	ids := make([]int64, 0, len(sh.orgs))
	for id, o := range sh.orgs {
		k := strconv.FormatInt(id, 10)
		if o.Type != model.TypeGemeente && (o.Active || made[k] > 0 || followed[k] > 0) {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return sh.orgs[ids[i]].Name < sh.orgs[ids[j]].Name })
	row := func(key, label string, made, followed, onTime int) Row {
		return Row{Key: key, Label: label, Values: []Value{count(made), count(followed), percent(onTime, followed)}}
	}
	for _, id := range ids {
		k := strconv.FormatInt(id, 10)
		t.Rows = append(t.Rows, row(k, sh.orgs[id].Name, made[k], followed[k], onTime[k]))
	}
	total := row("totaal", "Alle organisaties", sumOf(made), sumOf(followed), sumOf(onTime))
	total.Sum = true
	t.Rows = append(t.Rows, total)
	return t
}

func sumOf(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
