package monitoring

import "github.com/jeugdketen/jeugdketen/internal/model"

// followUp: did the coordinator call every signaller in time (seed 002:
// "alle signaalgevers worden door de zorgcoördinator gebeld")?
func (sh *sheet) followUp() Table {
	t := Table{ID: "opvolging", Title: "Opvolging van matches",
		Description: "Matches waarvan de terugkoppeltermijn in de periode verliep: of de zorgcoördinator binnen de termijn van het convenant contact met elke signaalgever vastlegde, en hoeveel werkdagen dat duurde.",
		Total:       sh.total}
	v := sh.sums(MeasureFollowUp, false, byCategory)
	t.Rows = append(t.Rows,
		sh.countRow("op-tijd", "Binnen de termijn opgevolgd", v["op-tijd"], t.Total),
		sh.countRow("niet-op-tijd", "Niet binnen de termijn opgevolgd", v["niet-op-tijd"], t.Total),
		sh.sumRow("Matches", v, t.Total),
		sh.percentRow("aandeel-op-tijd", "Aandeel binnen de termijn", v["op-tijd"], add(v["op-tijd"], v["niet-op-tijd"]), t.Total),
		sh.medianRow("mediaan-werkdagen", "Mediaan werkdagen tot het laatste contact", sh.sums(MeasureFollowUpDays, false, byCategory), t.Total),
	)
	return t
}

// acceptance: how quickly an assigned organisation accepted.
func (sh *sheet) acceptance() Table {
	t := Table{ID: "coordinatie-acceptatie", Title: "Acceptatie van de coördinatie",
		Description: "Toegewezen coördinaties die in de periode werden geaccepteerd: binnen de acceptatietermijn van het convenant of later, en hoeveel werkdagen het duurde.",
		Total:       sh.total}
	v := sh.sums(MeasureAcceptance, false, byCategory)
	t.Rows = append(t.Rows,
		sh.countRow("op-tijd", "Binnen de termijn geaccepteerd", v["op-tijd"], t.Total),
		sh.countRow("te-laat", "Na de termijn geaccepteerd", v["te-laat"], t.Total),
		sh.sumRow("Geaccepteerd", v, t.Total),
		sh.percentRow("aandeel-op-tijd", "Aandeel binnen de termijn", v["op-tijd"], add(v["op-tijd"], v["te-laat"]), t.Total),
		sh.medianRow("mediaan-werkdagen", "Mediaan werkdagen van toewijzing tot acceptatie", sh.sums(MeasureAcceptanceDays, false, byCategory), t.Total),
	)
	return t
}

// agreements: were the agreements in the plans kept?
func (sh *sheet) agreements() Table {
	t := Table{ID: "afspraken", Title: "Afspraken in plannen van aanpak",
		Description: "Afspraken waarvan de einddatum in de periode viel: nagekomen, niet nagekomen, of nog open toen de cijfers werden gemaakt.",
		Total:       sh.total}
	v := sh.sums(MeasureAgreements, false, byCategory)
	t.Rows = append(t.Rows,
		sh.countRow("nagekomen", "Nagekomen", v["nagekomen"], t.Total),
		sh.countRow("niet-nagekomen", "Niet nagekomen", v["niet-nagekomen"], t.Total),
		sh.countRow("verlopen", "Verlopen (nog open)", v["verlopen"], t.Total),
		sh.sumRow("Afspraken", v, t.Total),
		sh.percentRow("aandeel-nagekomen", "Aandeel nagekomen", v["nagekomen"], add(v["nagekomen"], v["niet-nagekomen"], v["verlopen"]), t.Total),
	)
	return t
}

// followUpByType: participation in follow-up, per type of coordinating
// organisation.
func (sh *sheet) followUpByType() Table {
	t := Table{ID: "deelname-opvolging-organisatietype", Title: "Opvolging per soort organisatie",
		Description: "Aandeel van de matches dat binnen de termijn werd opgevolgd, naar het soort organisatie dat coördineerde (een streepje: te weinig matches om iets te zeggen).",
		Total:       sh.total}
	onTime := sh.sums(MeasureFollowUp, false, func(c model.MonitoringCell) string {
		if c.Category != "op-tijd" {
			return skip
		}
		return byType(c)
	})
	allOf := sh.sums(MeasureFollowUp, false, byType)
	for _, ot := range model.OrgTypes {
		if d := allOf[string(ot.Type)]; d != nil {
			t.Rows = append(t.Rows, sh.percentRow(string(ot.Type), ot.Label, onTime[string(ot.Type)], d, t.Total))
		}
	}
	return t
}

// add sums columns.
func add(cols ...[]int) []int {
	var out []int
	for _, c := range cols {
		if out == nil && c != nil {
			out = make([]int, len(c))
		}
		for i, n := range c {
			out[i] += n
		}
	}
	return out
}
