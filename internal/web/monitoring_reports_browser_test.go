package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestMonthlyReportsInABrowser: the municipality's monitoring account
// finds its monthly report in the list, with a link to the PDF; axe-core
// checks the page.
func TestMonthlyReportsInABrowser(t *testing.T) {
	chromium(t)
	w := newReportsWorld(t)
	b := newBrowser(t, w.a)
	b.login(w.eindhoven)

	b.run(chromedp.Navigate(w.a.base+"/monitoring/rapporten"), chromedp.WaitVisible(chromedp.CSS("main table")))
	b.expect("Maandrapporten monitoring", "Maandrapport monitoring Eindhoven februari 2026 (PDF)")
	href := value(b, chromedp.AttributeValue(chromedp.CSS("main table a"), "href"))
	if href.Value != w.pdf("0772") {
		t.Errorf("the report's link is %q, want %s", href.Value, w.pdf("0772"))
	}
	b.check("maandrapporten")
}
