package web_test

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// axe is axe-core (npm), injected into each page to check accessibility.
//
//go:embed testdata/axe.min.js
var axe string

// chromium finds Debian's Chromium. Without it the browser tests are skipped
// on a developer's machine, but fail in CI (CI set): there they must run.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium not found, and CI is set: browser tests must run in CI (apt-get install -y chromium; scripts/test does it)")
	}
	t.Skip("chromium not found: browser tests skipped. Install it with apt-get install -y chromium, or run scripts/test")
	return ""
}

// browser is one browser tab; each person logs in in a fresh one.
type browser struct {
	t    *testing.T
	app  *app
	ctx  context.Context
	shot string // folder for screenshots; empty: none
}

func newBrowser(t *testing.T, a *app) *browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.NoFirstRun, chromedp.WindowSize(1280, 900),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	b := &browser{t: t, app: a, ctx: ctx}
	if os.Getenv("JEUGDKETEN_SCREENSHOTS") != "" {
		b.shot = filepath.Join("..", "..", "docs", "screenshots")
	}
	return b
}

type step = chromedp.Action[chromedp.Void]

func (b *browser) run(steps ...step) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

// value runs one action that gives a value.
func value[T any](b *browser, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatal(err)
	}
	return v
}

// text is the visible text of the main content.
func (b *browser) text() string {
	b.t.Helper()
	return value(b, chromedp.Text(chromedp.CSS("main")))
}

func (b *browser) expect(parts ...string) {
	b.t.Helper()
	got := b.text()
	for _, p := range parts {
		if !strings.Contains(got, p) {
			b.t.Fatalf("page does not show %q:\n%s", p, got)
		}
	}
}

// check runs axe-core in the page and fails on serious or critical violations
// of WCAG 2.1 A and AA; then it saves a screenshot when asked to.
func (b *browser) check(name string) {
	b.t.Helper()
	var result struct {
		Violations []struct {
			ID, Impact, Help string
			Nodes            []struct{ Target []any }
		}
	}
	value(b, chromedp.Evaluate[bool](axe+";true"))
	raw := value(b, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a","wcag2aa","wcag21a","wcag21aa"]}}).then(r => JSON.stringify(r))`,
		chromedp.EvalAwaitPromise))
	if err := json.Unmarshal([]byte(raw), &result); err != nil {
		b.t.Fatal(err)
	}
	for _, v := range result.Violations {
		if v.Impact == "serious" || v.Impact == "critical" {
			b.t.Errorf("%s: accessibility (%s) %s: %s at %v", name, v.Impact, v.ID, v.Help, v.Nodes)
		}
	}
	if b.shot != "" {
		png := value(b, chromedp.FullScreenshot(100))
		if err := os.WriteFile(filepath.Join(b.shot, name+".png"), png, 0o644); err != nil {
			b.t.Fatal(err)
		}
	}
}

// login goes through the login pages; a person without a second factor
// enrols with the secret the page shows (as typed from under the QR code).
// When the password is initial, the change page that follows gets
// ownPassword. It ends on the page the login leads to.
func (b *browser) login(p person) {
	b.t.Helper()
	b.run(chromedp.Navigate(b.app.base + "/inloggen"))
	b.check("inloggen")
	b.run(
		chromedp.SendKeys(chromedp.CSS("#email"), p.Professional.Email),
		chromedp.SendKeys(chromedp.CSS("#wachtwoord"), password),
		chromedp.Click(chromedp.CSS("main button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#code")),
	)
	loc := value(b, chromedp.Location())
	if strings.HasSuffix(loc, "/inloggen/koppelen") {
		b.check("tweede-factor-instellen")
		p.Secret = value(b, chromedp.Text(chromedp.CSS(".jk-secret")))
		b.run(chromedp.SendKeys(chromedp.CSS("#code"), b.app.code(b.t, p)), chromedp.Click(chromedp.CSS("main button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".jk-codes")))
		b.check("herstelcodes")
		b.run(chromedp.Click(chromedp.CSS("main a.utrecht-button-link")), chromedp.WaitNotPresent(chromedp.CSS(".jk-codes")))
	} else {
		b.check("code")
		b.run(chromedp.SendKeys(chromedp.CSS("#code"), b.app.code(b.t, p)), chromedp.Click(chromedp.CSS("main button[type=submit]")),
			chromedp.WaitNotPresent(chromedp.CSS("#code")))
	}
	b.run(chromedp.WaitVisible(chromedp.CSS("main h1")))
	if strings.HasSuffix(value(b, chromedp.Location()), "/account/wachtwoord") {
		b.check("wachtwoord-kiezen")
		b.run(chromedp.SendKeys(chromedp.CSS("#huidig-wachtwoord"), password), chromedp.SendKeys(chromedp.CSS("#wachtwoord"), ownPassword),
			chromedp.SendKeys(chromedp.CSS("#herhaling"), ownPassword), chromedp.Click(chromedp.CSS("main button[type=submit]")),
			chromedp.WaitNotPresent(chromedp.CSS("#huidig-wachtwoord")), chromedp.WaitVisible(chromedp.CSS("main h1")))
	}
	if strings.HasSuffix(value(b, chromedp.Location()), "/registreren") {
		b.run(chromedp.WaitVisible(chromedp.CSS("#burgerservicenummer")))
	}
}

func (b *browser) register(bsn, kind string) {
	b.t.Helper()
	b.run(chromedp.Navigate(b.app.base+"/registreren"), chromedp.WaitVisible(chromedp.CSS("#burgerservicenummer")),
		chromedp.SendKeys(chromedp.CSS("#burgerservicenummer"), bsn),
		chromedp.SetValue(chromedp.CSS("#geboortedatum"), birthDate(bsn)), // a date field: typing depends on the locale
		chromedp.Click(chromedp.CSS(fmt.Sprintf("input[name=soort][value=%s]", kind))),
		chromedp.Click(chromedp.CSS("main form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("dl.jk-facts")))
}

// TestInABrowser walks the main flows in Chromium: first login with TOTP
// enrolment, a signal, the match for a second professional, the message to
// the first, ending a registration, and the administrator adding an
// organisation; axe-core checks every page on the way.
func TestInABrowser(t *testing.T) {
	chromium(t)
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs), false, false)
	smw := a.person(t, a.env.Org(t, "Schoolmaatschappelijk Werk", model.TypeSMW), false, true)
	wijkteam := a.env.Org(t, "Wijkteam Centrum", model.TypeWijkteam)
	admin := a.person(t, wijkteam, true, true)

	// The school logs in for the first time and gives a signal: nobody else.
	b := newBrowser(t, a)
	b.login(school)
	b.check("registreren")
	b.run(chromedp.SendKeys(chromedp.CSS("#burgerservicenummer"), "123456789"), chromedp.Click(chromedp.CSS("#soort")),
		chromedp.Click(chromedp.CSS("main form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("#foutmeldingen")))
	b.expect("Burgerservicenummer")
	b.check("registreren-fout")
	b.register(population.BSNTeen, "signaal")
	b.expect("Het initiatief ligt bij u")
	b.check("registratie-geen-match")

	// School social work registers care for the same youth: a match, with
	// the school's contact and the coordinator.
	b2 := newBrowser(t, a)
	b2.login(smw)
	b2.register(population.BSNTeen, "ketenregistratie")
	b2.expect("Basisschool De Regenboog", school.Professional.Phone, "Coördinator: Schoolmaatschappelijk Werk")
	b2.check("registratie-match")

	// The assigned coordinator accepts on the youth's page; the plan of
	// action opens and the worklist lists the school to call.
	match := value(b2, chromedp.AttributeValue(chromedp.CSS("main a[href^='/jeugdigen/']"), "href"))
	b2.run(chromedp.Navigate(a.base+match.Value), chromedp.WaitVisible(chromedp.CSS("form[action$='/coordinatie/accepteren']")))
	b2.check("coordinatie-accepteren")
	b2.run(chromedp.Click(chromedp.CSS("form[action$='/coordinatie/accepteren'] button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("[role=status]")))
	b2.expect("Plan van aanpak")
	b2.check("plan-van-aanpak")
	b2.run(chromedp.Navigate(a.base+"/werklijst"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b2.expect("Signaalgevers nog niet gebeld", "Basisschool De Regenboog", school.Professional.Phone)
	b2.check("werklijst")

	// The school hears of it in its inbox and marks the message read.
	b.run(chromedp.Navigate(a.base+"/berichten"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b.expect("Nieuwe betrokkene", "Schoolmaatschappelijk Werk")
	b.check("berichten")
	b.run(chromedp.Click(chromedp.CSS(".jk-message--unread form button")), chromedp.WaitVisible(chromedp.CSS(".jk-read")))

	// The school ends its registration.
	b.run(chromedp.Navigate(a.base+"/registraties"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b.check("mijn-registraties")
	b.run(chromedp.Click(chromedp.CSS("main table a")), chromedp.WaitVisible(chromedp.CSS("dl.jk-facts")),
		chromedp.Click(chromedp.CSS("form[action$='/beeindigen'] button")), chromedp.WaitVisible(chromedp.CSS(".jk-confirm")))
	b.check("registratie-beeindigen-bevestigen")
	b.run(chromedp.Click(chromedp.CSS(".jk-confirm form button")), chromedp.WaitVisible(chromedp.CSS("[role=status]")))
	b.expect("De registratie is beëindigd", "Beëindigd op")
	var n int
	if n = a.count(t, `SELECT count(*) FROM registrations WHERE ended_at IS NULL`); n != 1 {
		t.Fatalf("%d active registrations after the school ended its own; want 1", n)
	}

	// The youth's page, for the organisation still involved.
	youth := value(b2, chromedp.AttributeValue(chromedp.CSS("main a[href^='/jeugdigen/']"), "href"))
	b2.run(chromedp.Navigate(a.base+youth.Value), chromedp.WaitVisible(chromedp.CSS("h1")))
	b2.expect("Coördinator", "Schoolmaatschappelijk Werk")
	b2.check("jeugdige")

	// The administrator adds an organisation.
	b3 := newBrowser(t, a)
	b3.login(admin)
	b3.run(chromedp.Navigate(a.base+"/beheer/organisaties"), chromedp.WaitVisible(chromedp.CSS("#naam")))
	b3.check("beheer-organisaties")
	b3.run(chromedp.SendKeys(chromedp.CSS("#naam"), "GGZ Oost-Brabant"), chromedp.SetValue(chromedp.CSS("#type"), "ggz"),
		chromedp.SendKeys(chromedp.CSS("#gemeente"), "Eindhoven"), chromedp.Click(chromedp.CSS("main form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("[role=status]")))
	b3.expect("De wijzigingen zijn opgeslagen")
	if n = a.count(t, `SELECT count(*) FROM organisations WHERE name = 'GGZ Oost-Brabant' AND role = 'zorgaanbieder'`); n != 1 {
		t.Fatal("the organisation was not stored with the type's default role")
	}

	// The school's mail server refuses its mail (550 5.1.1): the
	// administrator finds it on a page of its own, the school is told.
	a.refusingMailServer(t, school.Professional.Email)(t)
	b.run(chromedp.Navigate(a.base+"/registreren"), chromedp.WaitVisible(chromedp.CSS(".jk-mail-refused")))
	b.expect("E-mail aan u komt niet aan", "Vraag de regiobeheerder uw e-mailadres te controleren")
	b.check("melding-e-mail-geweigerd")
	b3.run(chromedp.Navigate(a.base+"/beheer/niet-bezorgde-mail"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b3.expect(school.Professional.Email, "550 5.1.1", "Opnieuw proberen")
	b3.check("beheer-niet-bezorgde-mail")
	b3.run(chromedp.Click(chromedp.CSS("main a[href$='/email']")), chromedp.WaitVisible(chromedp.CSS("#email")))
	b3.check("beheer-e-mailadres-wijzigen")

	for _, path := range []string{"/beheer/medewerkers", "/beheer/tokens", "/beheer/convenant", "/beheer/escalaties"} {
		b3.run(chromedp.Navigate(a.base+path), chromedp.WaitVisible(chromedp.CSS("h1")))
		b3.check("beheer-" + strings.TrimPrefix(path, "/beheer/"))
	}
}
