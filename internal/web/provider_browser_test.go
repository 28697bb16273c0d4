package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/oidcstub"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// startProvider runs an organisation's OpenID provider (mockoidc) on
// loopback, on the app's clock.
func startProvider(t *testing.T, a *app) *oidcstub.Provider {
	t.Helper()
	idp, err := oidcstub.Start(false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idp.Close() })
	idp.SetClock(a.env.Clock.Now())
	return idp
}

// throughProvider opens the login page in a fresh browser, chooses
// "Inloggen via <organisatie>" and waits for sel on the page it leads to.
func throughProvider(t *testing.T, a *app, sel string) *browser {
	t.Helper()
	b := newBrowser(t, a)
	b.run(chromedp.Navigate(a.base+"/inloggen"), chromedp.WaitVisible(chromedp.CSS(".jk-provider button")),
		chromedp.Click(chromedp.CSS(".jk-provider button")), chromedp.WaitVisible(chromedp.CSS(sel)))
	return b
}

// TestLoginThroughTheOrganisationsProvider: the administrator sets an
// organisation's provider (the secret never shown again); its professional
// logs in through it in Chromium, by the list and by the e-mail domain; a
// replayed state, a token for another audience, an expired token and an
// unknown person are refused; without the provider's MFA claim Jeugdketen
// asks for its own code. axe-core checks each new page, at phone width too.
func TestLoginThroughTheOrganisationsProvider(t *testing.T) {
	chromium(t)
	a := startApp(t, server.Config{})
	idp := startProvider(t, a)
	ggd := a.env.Org(t, "GGD Brabant-Zuidoost", model.TypeJGZ)
	nurse := a.person(t, ggd, false, true)
	admin := a.person(t, a.env.Org(t, "Wijkteam Centrum", model.TypeWijkteam), true, true)
	domain := nurse.Professional.Email[strings.LastIndexByte(nurse.Professional.Email, '@')+1:]

	// The administrator fills in the GGD's provider; a bad issuer first.
	b := newBrowser(t, a)
	b.login(admin)
	b.run(chromedp.Navigate(fmt.Sprintf("%s/beheer/organisaties/%d", a.base, ggd.ID)), chromedp.WaitVisible(chromedp.CSS("main a[href$='/inloggen']")),
		chromedp.Click(chromedp.CSS("main a[href$='/inloggen']")), chromedp.WaitVisible(chromedp.CSS("#issuer")))
	b.both("beheer-inloggen-via-organisatie")
	b.run(chromedp.SendKeys(chromedp.CSS("#issuer"), "login.ggd.example"), chromedp.Click(chromedp.CSS("main form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#foutmeldingen")))
	b.expect("Issuer-URL", "Client-secret")
	b.check("beheer-inloggen-via-organisatie-fout")
	b.run(chromedp.SetValue(chromedp.CSS("#issuer"), idp.Issuer()), chromedp.SendKeys(chromedp.CSS("#client-id"), idp.ClientID()),
		chromedp.SendKeys(chromedp.CSS("#client-secret"), idp.ClientSecret()), chromedp.SendKeys(chromedp.CSS("#domeinen"), domain),
		chromedp.Click(chromedp.CSS("main form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("[role=status]")))
	b.expect("De wijzigingen zijn opgeslagen", "Het client-secret is versleuteld opgeslagen")
	if html := value(b, chromedp.Evaluate[string](`document.documentElement.outerHTML`)); strings.Contains(html, idp.ClientSecret()) {
		t.Fatal("the page shows the client secret after saving")
	}

	// The nurse chooses the GGD on the login page; the provider asserts
	// MFA, so that is the whole login.
	idp.Queue(oidcstub.User{Subject: "ggd-7", Email: nurse.Professional.Email, AMR: []string{"pwd", "mfa"}})
	b2 := newBrowser(t, a)
	b2.run(chromedp.Navigate(a.base+"/inloggen"), chromedp.WaitVisible(chromedp.CSS(".jk-provider button")))
	b2.expect("Inloggen via GGD Brabant-Zuidoost")
	b2.both("inloggen-via-organisatie")
	b2.run(chromedp.Click(chromedp.CSS(".jk-provider button")), chromedp.WaitVisible(chromedp.CSS(".jk-logout")))
	if n := a.count(t, `SELECT count(*) FROM audit_log WHERE professional_id = $1 AND action = 'login' AND outcome = 'ok' AND purpose LIKE 'inloggen via GGD Brabant-Zuidoost%'`, nurse.Professional.ID); n != 1 {
		t.Fatalf("%d audit records of the login through the provider", n)
	}

	// The provider's answer sent again: the state works once.
	b2.run(chromedp.Navigate(idp.LastRedirect()), chromedp.WaitVisible(chromedp.CSS("#foutmeldingen")))
	b2.expect("Deze inlogpoging is verlopen of al gebruikt")

	// By the e-mail domain: the address alone leads to the provider.
	idp.Queue(oidcstub.User{Subject: "ggd-7", Email: nurse.Professional.Email, AMR: []string{"mfa"}})
	b3 := newBrowser(t, a)
	b3.run(chromedp.Navigate(a.base+"/inloggen"), chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), nurse.Professional.Email), chromedp.Click(chromedp.CSS("main form[action='/inloggen'] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".jk-logout")))

	// A token for another client of the provider.
	idp.Queue(oidcstub.User{Subject: "ggd-7", Email: nurse.Professional.Email, AMR: []string{"mfa"}, Audience: "een-andere-applicatie"})
	b4 := throughProvider(t, a, "#foutmeldingen")
	b4.expect("niet op een manier die Jeugdketen kan controleren")
	b4.both("inloggen-via-organisatie-geweigerd")

	// A token that expired before it arrived.
	idp.SetClock(a.env.Clock.Now().Add(-time.Hour))
	idp.Queue(oidcstub.User{Subject: "ggd-7", Email: nurse.Professional.Email, AMR: []string{"mfa"}})
	throughProvider(t, a, "#foutmeldingen").expect("niet op een manier die Jeugdketen kan controleren")
	idp.SetClock(a.env.Clock.Now())
	if n := a.count(t, `SELECT count(*) FROM audit_log WHERE outcome = 'mislukt' AND purpose LIKE '%ID-token verlopen'`); n != 1 {
		t.Fatalf("%d audit records of the expired token, want 1", n)
	}

	// Someone the provider knows and Jeugdketen does not.
	idp.Queue(oidcstub.User{Subject: "ggd-99", Email: "stagiair@" + domain, AMR: []string{"mfa"}})
	throughProvider(t, a, "#foutmeldingen").expect("daarmee komt u niet in Jeugdketen")

	// Without MFA from the provider, Jeugdketen's own code follows.
	idp.Queue(oidcstub.User{Subject: "ggd-7", Email: nurse.Professional.Email, AMR: []string{"pwd"}})
	b5 := throughProvider(t, a, "#code")
	b5.expect("niet dat u een tweede factor gebruikte")
	b5.check("code-na-inloggen-via-organisatie")
	b5.run(chromedp.SendKeys(chromedp.CSS("#code"), a.code(t, nurse)), chromedp.Click(chromedp.CSS("main button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".jk-logout")))
}
