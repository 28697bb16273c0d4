package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// TestLoginInABrowser: a youth's page opened logged out is where the login
// leads, also through the forced change of an initial password; a
// monitoring account lands on the figures with a menu of its own; the
// password change page checks its fields. axe-core checks each new page.
func TestLoginInABrowser(t *testing.T) {
	chromium(t)
	a := startApp(t, server.Config{})

	// The link from an e-mail, opened logged out, after password and code.
	p, link := youthLink(t, a, true)
	b := newBrowser(t, a)
	b.run(chromedp.Navigate(a.base+link), chromedp.WaitVisible(chromedp.CSS("#email")))
	b.login(p)
	if loc := value(b, chromedp.Location()); !strings.HasSuffix(loc, link) {
		t.Fatalf("after the login the browser is at %s, want %s", loc, link)
	}
	b.expect("Coördinator")

	// The password change, from the header: two different new passwords.
	b.run(chromedp.Click(chromedp.CSS("header a[href='/account/wachtwoord']")), chromedp.WaitVisible(chromedp.CSS("#huidig-wachtwoord")))
	b.check("wachtwoord-wijzigen")
	b.run(chromedp.SendKeys(chromedp.CSS("#huidig-wachtwoord"), password), chromedp.SendKeys(chromedp.CSS("#wachtwoord"), ownPassword),
		chromedp.SendKeys(chromedp.CSS("#herhaling"), ownPassword+"?"), chromedp.Click(chromedp.CSS("main button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#foutmeldingen")))
	b.expect("niet gelijk")
	b.check("wachtwoord-wijzigen-fout")

	// A new colleague logs in with the administrator's password: first
	// their own password (b.login fills it in), then the page asked for.
	colleague := a.person(t, a.env.Org(t, "Wijkteam Woensel Noord", model.TypeWijkteam), false, true)
	a.env.Register(t, colleague.Actor, population.BSNYoungest, model.KindKetenregistratie)
	a.initialPassword(t, colleague)
	b2 := newBrowser(t, a)
	b2.run(chromedp.Navigate(a.base+"/registraties"), chromedp.WaitVisible(chromedp.CSS("#email")))
	b2.login(colleague)
	if loc := value(b2, chromedp.Location()); !strings.Contains(loc, "/registraties") {
		t.Fatalf("after choosing a password the browser is at %s, want /registraties", loc)
	}
	b2.expect("Uw wachtwoord is gewijzigd")
	if a.count(t, `SELECT count(*) FROM credentials WHERE professional_id = $1 AND initial = 0`, colleague.Professional.ID) != 1 {
		t.Fatal("the password chosen in the browser is still initial")
	}

	// The municipality's monitoring account lands on the figures.
	monitor := a.monitor(t, a.env.Org(t, "Gemeente Eindhoven", model.TypeGemeente))
	b3 := newBrowser(t, a)
	b3.login(monitor)
	if loc := value(b3, chromedp.Location()); !strings.HasSuffix(loc, "/monitoring") {
		t.Fatalf("the monitoring account lands on %s", loc)
	}
	nav := value(b3, chromedp.Text(chromedp.CSS("nav")))
	if strings.Contains(nav, "Registreren") || strings.Contains(nav, "Werklijst") || !strings.Contains(nav, "Monitoring") {
		t.Errorf("the monitoring account's menu: %q", nav)
	}
	b3.check("monitoring-gemeente")
}
