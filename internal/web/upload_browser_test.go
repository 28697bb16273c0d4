package web_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// TestUploadInABrowser uploads a file as a professional would: the check
// first, then the confirmation through htmx with its indicator, at desktop
// and phone width, axe checking each step.
func TestUploadInABrowser(t *testing.T) {
	chromium(t)
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs), false, true)
	file := filepath.Join(t.TempDir(), "registraties.csv")
	if err := os.WriteFile(file, []byte(uploadCSV()), 0o644); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, a)
	b.login(school)
	b.run(chromedp.Navigate(a.base+"/registreren"), chromedp.WaitVisible(chromedp.CSS("a[href='/registraties/uploaden']")),
		chromedp.Click(chromedp.CSS("a[href='/registraties/uploaden']")), chromedp.WaitVisible(chromedp.CSS("#bestand")))
	if value(b, chromedp.Evaluate[bool](`document.querySelector("#upload-bezig") !== null`)) {
		t.Fatal("the indicator is there before a file was checked")
	}
	b.both("registraties-uploaden-leeg")
	b.run(chromedp.SetUploadFiles(chromedp.CSS("#bestand"), []string{file}),
		chromedp.Click(chromedp.CSS("form[action='/registraties/uploaden'] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#uitkomst")))
	b.expect("er is nog niets veranderd", "2 nieuw, 1 geweigerd: regel 3, burgerservicenummer klopt niet")
	if value(b, chromedp.Evaluate[bool](`document.querySelector("#upload-bezig").checkVisibility()`)) {
		t.Error("the indicator shows before the confirmation was sent")
	}
	b.both("registraties-uploaden-controle")
	b.run(chromedp.Click(chromedp.CSS("form[action='/registraties/uploaden/bevestigen'] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("[role=status] #uitkomst")))
	b.expect("Verwerkt", "2 nieuw, 1 geweigerd")
	b.both("registraties-uploaden-klaar")
	if n := a.count(t, `SELECT count(*) FROM registrations`); n != 2 {
		t.Fatalf("%d registrations after the confirmation, want 2", n)
	}
}
