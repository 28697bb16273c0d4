package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// yearOfCells makes twelve months of rounded cells for Eindhoven and
// Rotterdam up to October 2026: registrations of two organisations,
// follow-up of matches with its working days, and agreements, varying by
// month, so that the charts have something to draw.
func yearOfCells(t *testing.T, a *app, school, wijkteam model.Organisation) {
	t.Helper()
	last := monitoring.Month{Year: 2026, Month: 10}
	for i := 11; i >= 0; i-- {
		m := last.Add(-i).String()
		v := func(base int) int { return 5 * ((base + 3*i) % 9) }
		var cells []model.MonitoringCell
		add := func(town string, org int64, measure, category string, shown int) {
			cells = append(cells, model.MonitoringCell{Month: m, Municipality: town, OrganisationID: org, Measure: measure, Category: category, N: shown, Shown: shown})
		}
		for _, town := range []string{"0772", "0599"} {
			add(town, school.ID, monitoring.MeasureRegistrations, "signaal", v(4)+10)
			add(town, wijkteam.ID, monitoring.MeasureRegistrations, "signaal", v(2))
			add(town, wijkteam.ID, monitoring.MeasureRegistrations, "ketenregistratie", v(6)+5)
			add(town, wijkteam.ID, monitoring.MeasureFollowUp, "op-tijd", v(1)+10)
			add(town, wijkteam.ID, monitoring.MeasureFollowUp, "niet-op-tijd", v(5))
			add(town, 0, monitoring.MeasureFollowUpDays, "2", v(3)+5)
			add(town, 0, monitoring.MeasureFollowUpDays, "4", v(7))
			add(town, 0, monitoring.MeasureFollowUpDays, "11-15", 5)
			add(town, 0, monitoring.MeasureAgreements, "nagekomen", v(8))
			add(town, 0, monitoring.MeasureAgreements, "verlopen", 5)
		}
		a.saveMonth(t, m, cells...)
	}
}

// TestTheMonitoringPageInABrowser: the municipality's monitoring account
// and the regional administrator open the figures of a year; axe finds
// nothing serious at desktop and phone width, the wide tables scroll in
// their own box on a phone instead of the page, and a wrong period shows
// its errors.
func TestTheMonitoringPageInABrowser(t *testing.T) {
	chromium(t)
	a := startApp(t, server.Config{})
	town := a.env.Org(t, "Gemeente Eindhoven", model.TypeGemeente)
	school := a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	wijkteam := a.env.Org(t, "Wijkteam Woensel", model.TypeWijkteam)
	yearOfCells(t, a, school, wijkteam)

	b := newBrowser(t, a)
	b.login(a.monitor(t, town))
	b.run(chromedp.Navigate(a.base+"/monitoring"), chromedp.WaitVisible(chromedp.CSS("#registraties-soort")))
	b.expect("Gemeente Eindhoven (0772)", "november 2025 tot en met oktober 2026", "Cijfers tot en met oktober 2026", "Opvolging van matches")
	if n := value(b, chromedp.Evaluate[int](`document.querySelectorAll("svg[role=img] > title").length`)); n < 3 {
		t.Errorf("%d charts with a title", n)
	}
	// The numbers under a chart open without script.
	b.run(chromedp.Click(chromedp.CSS("#opvolging details > summary")))
	if !value(b, chromedp.Evaluate[bool](`document.querySelector("#opvolging details table").checkVisibility()`)) {
		t.Error("the chart's numbers do not open")
	}
	b.both("monitoring-cijfers")
	b.phone()
	if !value(b, chromedp.Evaluate[bool](`(() => { const c = document.querySelector("#registraties-soort .utrecht-table-container"); return c.scrollWidth > c.clientWidth && getComputedStyle(c).overflowX === "auto"; })()`)) {
		t.Error("on a phone the table of twelve months does not scroll in its own box")
	}
	b.desktop()

	admin := newBrowser(t, a)
	admin.login(a.person(t, a.env.Org(t, "Regio Zuidoost-Brabant", model.TypeWijkteam), true, true))
	admin.run(chromedp.Navigate(a.base+"/monitoring?groep=kwartaal"), chromedp.WaitVisible(chromedp.CSS("#gemeente")))
	admin.expect("Alle gemeenten", "4e kwartaal 2025", "Deelname per organisatie")
	admin.both("monitoring-regio")
	admin.run(chromedp.Navigate(a.base+"/monitoring?van=2026-13&tot=2026-01"), chromedp.WaitVisible(chromedp.CSS("#foutmeldingen")))
	admin.expect("Er is iets niet goed gegaan", "Van maand")
	admin.check("monitoring-fout")
}
