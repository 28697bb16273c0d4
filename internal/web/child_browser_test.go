package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// TestRightChildInABrowser walks issue 14 in Chromium: the form of a
// signal-only organisation, a birth date that is not the BSN's, informing
// at registration, and restoring an ending; axe-core checks each page.
func TestRightChildInABrowser(t *testing.T) {
	chromium(t)
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs), false, true)
	smw := a.person(t, a.env.Org(t, "Schoolmaatschappelijk Werk", model.TypeSMW), false, true)

	b := newBrowser(t, a)
	b.login(school)
	b.expect("kan alleen signalen afgeven", "Geboortedatum")
	if n := value(b, chromedp.Evaluate[int](`document.querySelectorAll("input[value=ketenregistratie]").length`)); n != 0 {
		t.Fatalf("a signal-only organisation is offered Ketenregistratie (%d radios)", n)
	}
	b.check("registreren-signaalgever")

	// A typo in the BSN hits another child: refused without naming anyone.
	b.run(chromedp.SendKeys(chromedp.CSS("#burgerservicenummer"), population.BSNTeen),
		chromedp.SetValue(chromedp.CSS("#geboortedatum"), "2017-01-06"),
		chromedp.Click(chromedp.CSS("#soort")),
		chromedp.Click(chromedp.CSS("main form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("#foutmeldingen")))
	b.expect("horen niet bij een jeugdige in de basisregistratie personen")
	if got := b.text(); strings.Contains(got, "Mastenbroek") || strings.Contains(got, "13 jaar") {
		t.Fatalf("the refusal discloses the person:\n%s", got)
	}
	if v := value(b, chromedp.Value(chromedp.CSS("#geboortedatum"))); v != "2017-01-06" {
		t.Errorf("birth date typed is not kept: %q", v)
	}
	b.check("registreren-bsn-geboortedatum-fout")

	// The care provider registers with the informing, then ends and restores.
	b2 := newBrowser(t, a)
	b2.login(smw)
	b2.run(chromedp.SendKeys(chromedp.CSS("#burgerservicenummer"), population.BSNTeen),
		chromedp.SetValue(chromedp.CSS("#geboortedatum"), birthDate(population.BSNTeen)),
		chromedp.Click(chromedp.CSS("#soort-ketenregistratie")),
		chromedp.SetValue(chromedp.CSS("#ouders"), string(model.InformedYes)),
		chromedp.SetValue(chromedp.CSS("#jeugdige"), string(model.InformedUnreachable)))
	b2.check("registreren-zorgaanbieder")
	b2.run(chromedp.Click(chromedp.CSS("main form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("dl.jk-facts")))
	if n := a.count(t, `SELECT count(*) FROM registrations WHERE parents_informed = 'geinformeerd' AND youth_informed = 'niet-bereikbaar'`); n != 1 {
		t.Fatal("the informing on the form was not stored")
	}
	b2.run(chromedp.Click(chromedp.CSS("form[action$='/beeindigen'] button")), chromedp.WaitVisible(chromedp.CSS(".jk-confirm")),
		chromedp.Click(chromedp.CSS(".jk-confirm form button")), chromedp.WaitVisible(chromedp.CSS("form[action$='/herstellen']")))
	b2.expect("Per vergissing beëindigd?", "Registratie herstellen")
	b2.check("registratie-herstellen")
	// The ending's notice is still on the page: take it away, so that the
	// wait below sees the restore's own notice.
	b2.run(chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("[role=status]").forEach(e => e.remove())`),
		chromedp.Click(chromedp.CSS("form[action$='/herstellen'] button")), chromedp.WaitVisible(chromedp.CSS("[role=status]")))
	b2.expect("De registratie is hersteld", "Actief")
	b2.check("registratie-hersteld")
	if n := a.count(t, `SELECT count(*) FROM registrations WHERE ended_at IS NULL`); n != 1 {
		t.Fatalf("%d active registrations after the restore, want 1", n)
	}
}
