package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// TestDutiesInABrowser walks the legal duties and the confirmation pages in
// Chromium (issue 14): informing and renewal on the registration's page, a
// removal in error with its confirmation, the coordinator's confirmation
// pages, and the administrator's access report, objection and decision, and
// deactivations. axe-core checks every new page.
func TestDutiesInABrowser(t *testing.T) {
	chromium(t)
	a := startApp(t, server.Config{})
	ctx := context.Background()
	school := a.person(t, a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs), false, true)
	ggz := a.person(t, a.env.Org(t, "GGZ Oost", model.TypeGGZ), false, true)
	jh := a.person(t, a.env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp), false, true)
	admin := a.person(t, a.env.Org(t, "Regio Zuidoost-Brabant", model.TypeWijkteam), true, true)
	teen := a.env.Register(t, school.Actor, population.BSNTeen, model.KindSignaal).Registration
	wrong := a.env.Register(t, ggz.Actor, population.BSNTeen, model.KindKetenregistratie).Registration
	signal := a.env.Register(t, school.Actor, population.BSNChild, model.KindSignaal).Registration
	child := a.env.Register(t, jh.Actor, population.BSNChild, model.KindKetenregistratie).Youth.Reference
	if _, err := a.env.Registry.Coordinations.AcceptCoordination(ctx, jh.Actor, child, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := a.env.Registry.Plans.ConsultWrongSignal(ctx, jh.Actor, child, signal.ID, testenv.Day("2026-11-23")); err != nil {
		t.Fatal(err)
	}

	// The school records that the parents were informed, and renews.
	b := newBrowser(t, a)
	b.login(school)
	b.run(chromedp.Navigate(a.base+"/registraties/"+itoa(teen.ID)), chromedp.WaitVisible(chromedp.CSS("#informeren")))
	b.check("registratie-plichten")
	b.run(chromedp.SetValue(chromedp.CSS("#jeugdige"), "niet-van-toepassing"),
		chromedp.Click(chromedp.CSS("form[action$='/informeren'] button")), chromedp.WaitVisible(chromedp.CSS("#foutmeldingen")))
	b.expect("kan alleen bij een jeugdige jonger dan 12 jaar")
	b.check("registratie-informeren-fout")
	b.run(chromedp.SetValue(chromedp.CSS("#ouders"), "geinformeerd"), chromedp.SetValue(chromedp.CSS("#jeugdige"), "geinformeerd"),
		chromedp.Click(chromedp.CSS("form[action$='/informeren'] button")), chromedp.WaitVisible(chromedp.CSS("[role=status]")))
	b.expect("Vastgelegd of de ouders en de jeugdige zijn geïnformeerd")
	// Fresh, without the notice, so that the next one is the renewal's.
	b.run(chromedp.Navigate(a.base+"/registraties/"+itoa(teen.ID)), chromedp.WaitVisible(chromedp.CSS("#verlengen")),
		chromedp.Click(chromedp.CSS("section[aria-labelledby=verlengen] form button")), chromedp.WaitVisible(chromedp.CSS("[role=status]")))
	b.expect("De registratie is verlengd")

	// GGZ registered the wrong youth: a reason, the confirmation, removed.
	bg := newBrowser(t, a)
	bg.login(ggz)
	bg.run(chromedp.Navigate(a.base+"/registraties/"+itoa(wrong.ID)), chromedp.WaitVisible(chromedp.CSS("#reden")),
		chromedp.SetValue(chromedp.CSS("#reden"), "verkeerde-jeugdige"),
		chromedp.Click(chromedp.CSS("form[action$='/verwijderen'] button")), chromedp.WaitVisible(chromedp.CSS(".jk-confirm")))
	bg.expect("Registratie verwijderen?", "geregistreerd bij de verkeerde jeugdige")
	bg.check("registratie-verwijderen-bevestigen")
	bg.run(chromedp.Click(chromedp.CSS(".jk-confirm form button")), chromedp.WaitVisible(chromedp.CSS("[role=status]")))
	bg.expect("De registratie is verwijderd")
	if n := a.count(t, `SELECT count(*) FROM registrations WHERE id = $1`, wrong.ID); n != 0 {
		t.Fatal("the registration made in error is still there")
	}

	// The coordinator's confirmation pages; each is cancelled.
	bj := newBrowser(t, a)
	bj.login(jh)
	for _, c := range []struct{ form, name string }{
		{"form[action$='/escalatie'] button", "escalatie-starten-bevestigen"},
		{"form[action$='/coordinatie/afsluiten'] button", "casus-afsluiten-bevestigen"},
		{"form[action$='/signaalgevers/" + itoa(signal.ID) + "/verwijderen'] button", "signaal-verwijderen-bevestigen"},
	} {
		bj.run(chromedp.Navigate(a.base+"/jeugdigen/"+child), chromedp.WaitVisible(chromedp.CSS(c.form)),
			chromedp.Click(chromedp.CSS(c.form)), chromedp.WaitVisible(chromedp.CSS(".jk-confirm")))
		bj.check(c.name)
		bj.run(chromedp.Click(chromedp.CSS(".jk-cancel")), chromedp.WaitVisible(chromedp.CSS("#coordinatie")))
	}
	if n := a.count(t, `SELECT count(*) FROM escalations`) + a.count(t, `SELECT count(*) FROM registrations WHERE ended_at IS NOT NULL`); n != 0 {
		t.Fatal("a cancelled confirmation acted")
	}

	// The administrator: the access report, an objection and its decision.
	ba := newBrowser(t, a)
	ba.login(admin)
	ba.run(chromedp.Navigate(a.base+"/beheer/inzage"), chromedp.WaitVisible(chromedp.CSS("#burgerservicenummer")))
	ba.check("beheer-inzage")
	ba.run(chromedp.SendKeys(chromedp.CSS("#burgerservicenummer"), population.BSNTeen),
		chromedp.Click(chromedp.CSS("main form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".jk-report")))
	ba.expect("Inzagerapport verwijsindex Jeugdketen", "Basisschool De Regenboog", "Download als PDF", "Afdrukbare versie")
	ba.check("beheer-inzagerapport")

	ba.run(chromedp.Navigate(a.base+"/beheer/bezwaren"), chromedp.WaitVisible(chromedp.CSS("#burgerservicenummer")))
	ba.check("beheer-bezwaren")
	ba.run(chromedp.SendKeys(chromedp.CSS("#burgerservicenummer"), population.BSNTeen), chromedp.SendKeys(chromedp.CSS("#gemeente"), "Helmond"),
		chromedp.SetValue(chromedp.CSS("#ontvangen"), "2026-11-20"),
		chromedp.Click(chromedp.CSS("main form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("[role=status]")))
	ba.expect("Het bezwaar is vastgelegd", "Basisschool De Regenboog")
	ba.check("beheer-bezwaar")
	objection := value(ba, chromedp.Location())
	ba.run(chromedp.Navigate(strings.Split(objection, "?")[0]), chromedp.WaitVisible(chromedp.CSS("#uitkomst")),
		chromedp.Click(chromedp.CSS("#uitkomst-afgewezen")), chromedp.SetValue(chromedp.CSS("#datum"), "2026-11-22"),
		chromedp.Click(chromedp.CSS("form[action$='/besluit'] button")), chromedp.WaitVisible(chromedp.CSS("[role=status]")))
	ba.expect("het bezwaar is afgewezen", "afgewezen op 22 november 2026")

	// Deactivating asks first.
	ba.run(chromedp.Navigate(a.base+"/beheer/organisaties/"+itoa(ggz.Organisation.ID)), chromedp.WaitVisible(chromedp.CSS("#deactiveren")),
		chromedp.Click(chromedp.CSS("form[action$='/deactiveren'] button")), chromedp.WaitVisible(chromedp.CSS(".jk-confirm")))
	ba.check("organisatie-deactiveren-bevestigen")
	ba.run(chromedp.Click(chromedp.CSS(".jk-confirm form button")), chromedp.WaitVisible(chromedp.CSS("[role=status]")))
	ba.expect("Deze organisatie is gedeactiveerd")
	deactivate := "form[action='/beheer/medewerkers/" + itoa(school.Professional.ID) + "/deactiveren']"
	ba.run(chromedp.Navigate(a.base+"/beheer/medewerkers"), chromedp.WaitVisible(chromedp.CSS("h1")),
		chromedp.Click(chromedp.CSS("details:has("+deactivate+") > summary")), // the person's actions menu
		chromedp.Click(chromedp.CSS(deactivate+" button")),
		chromedp.WaitVisible(chromedp.CSS(".jk-confirm")))
	ba.check("medewerker-deactiveren-bevestigen")
}
