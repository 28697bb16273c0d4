package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// phoneWidth is a small phone's width in CSS pixels (iPhone SE, mini).
const phoneWidth = 375

func (b *browser) desktop() {
	b.t.Helper()
	b.run(chromedp.EmulateViewport(1280, 900))
}

func (b *browser) phone() {
	b.t.Helper()
	b.run(chromedp.EmulateViewport(phoneWidth, 800, chromedp.EmulatePortrait, chromedp.EmulateMobile))
}

// both checks the page at desktop width (axe, the screenshot under name) and
// at a phone's (nothing scrolls sideways, the header is compact, axe, the
// screenshot telefoon-<name>); it leaves the browser at desktop width.
func (b *browser) both(name string) {
	b.t.Helper()
	b.desktop()
	// The header's content starts at the content's left edge.
	if off := value(b, chromedp.Evaluate[float64](`Math.abs(document.querySelector(".jk-brand").getBoundingClientRect().left - document.querySelector("main h1").getBoundingClientRect().left)`)); off > 1 {
		b.t.Errorf("%s: the header starts %.0f px from the content's left edge", name, off)
	}
	b.check(name)
	b.phone()
	if w := value(b, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > phoneWidth {
		b.t.Errorf("%s: %d px wide on a %d px phone: it scrolls sideways (widest: %s)", name, w, phoneWidth,
			value(b, chromedp.Evaluate[string](widest)))
	}
	if h := value(b, chromedp.Evaluate[float64](`document.querySelector("header").getBoundingClientRect().height`)); h > 120 {
		b.t.Errorf("%s: the header takes %.0f px of a phone's height, want at most 120", name, h)
	}
	b.check("telefoon-" + name)
	b.desktop()
}

// widest names the element that sticks out furthest to the right, for the
// message when a page is too wide.
const widest = `(() => { let w = 0, n = ""; for (const e of document.querySelectorAll("body *")) { const r = e.getBoundingClientRect().right;
  if (r > w) { w = r; n = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && e.className.baseVal === undefined ? "." + String(e.className).split(" ").join(".") : ""); } } return n + " " + Math.round(w) + "px"; })()`

// visibleOnPhone fails unless every element sel finds lies within the
// phone's width and is shown.
func (b *browser) visibleOnPhone(sel string) {
	b.t.Helper()
	b.phone()
	defer b.desktop()
	js := fmt.Sprintf(`(() => { const all = [...document.querySelectorAll(%q)]; return all.length > 0 && all.every(e => { const r = e.getBoundingClientRect(); return e.checkVisibility() && r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= %d; }); })()`, sel, phoneWidth)
	if !value(b, chromedp.Evaluate[bool](js)) {
		b.t.Errorf("%s is not (all) visible on a %d px phone", sel, phoneWidth)
	}
}

// TestPagesFitAPhone opens the main pages at 375 px: none scrolls sideways,
// the header stays compact with its menu behind a button, the match shows
// phone number and e-mail address, and axe finds nothing serious at either
// width.
func TestPagesFitAPhone(t *testing.T) {
	chromium(t)
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs), false, true)
	smw := a.person(t, a.env.Org(t, "Schoolmaatschappelijk Werk", model.TypeSMW), false, true)
	admin := a.person(t, a.env.Org(t, "Wijkteam Centrum", model.TypeWijkteam), true, true)

	b := newBrowser(t, a)
	b.run(chromedp.Navigate(a.base+"/inloggen"), chromedp.WaitVisible(chromedp.CSS("#email")))
	b.both("inloggen")
	b.login(school)
	b.both("registreren")
	b.register(population.BSNTeen, "signaal")

	b2 := newBrowser(t, a)
	b2.login(smw)
	b2.register(population.BSNTeen, "ketenregistratie")
	b2.expect("Basisschool De Regenboog", school.Professional.Phone)
	b2.both("registratie-match")
	b2.visibleOnPhone(".jk-involved a[href^='tel:']")
	b2.visibleOnPhone(".jk-involved a[href^='mailto:']")

	// The menu: behind a button on the phone, opened without JavaScript's help.
	b2.phone()
	if value(b2, chromedp.Evaluate[bool](`document.querySelector(".jk-nav a[href='/werklijst']").checkVisibility()`)) {
		t.Error("on a phone the menu is open before its button is pressed")
	}
	b2.run(chromedp.Click(chromedp.CSS(".jk-menu > summary")))
	b2.visibleOnPhone(".jk-nav a[href='/werklijst']")
	b2.desktop()
	b2.visibleOnPhone(".jk-nav a[href='/werklijst']") // and it stays open
	b2.run(chromedp.Navigate(a.base+"/registraties"), chromedp.WaitVisible(chromedp.CSS("h1")))
	if !value(b2, chromedp.Evaluate[bool](`document.querySelector(".jk-nav a[href='/werklijst']").checkVisibility()`)) {
		t.Error("on a wide screen the menu is not shown")
	}

	// The coordinator accepts and sees the youth's page with the plan.
	match := value(b2, chromedp.AttributeValue(chromedp.CSS("main a[href^='/registraties/']"), "href"))
	b2.run(chromedp.Navigate(a.base+match.Value), chromedp.WaitVisible(chromedp.CSS("main a[href^='/jeugdigen/']")))
	youth := value(b2, chromedp.AttributeValue(chromedp.CSS("main a[href^='/jeugdigen/']"), "href"))
	b2.run(chromedp.Navigate(a.base+youth.Value), chromedp.WaitVisible(chromedp.CSS("form[action$='/coordinatie/accepteren']")),
		chromedp.Click(chromedp.CSS("form[action$='/coordinatie/accepteren'] button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("[role=status]")))
	b2.expect("Plan van aanpak", "Casus afsluiten")
	b2.both("jeugdige")
	b2.run(chromedp.Navigate(a.base+"/werklijst"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b2.both("werklijst")

	b.run(chromedp.Navigate(a.base+"/berichten"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b.both("berichten")
	b.run(chromedp.Navigate(a.base+"/registraties"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b.both("mijn-registraties")
	b.run(chromedp.Navigate(a.base+"/registraties/uploaden"), chromedp.WaitVisible(chromedp.CSS("#bestand")))
	b.both("registraties-uploaden")

	b3 := newBrowser(t, a)
	b3.login(admin)
	b3.run(chromedp.Navigate(a.base+"/beheer/organisaties"), chromedp.WaitVisible(chromedp.CSS("#type")))
	// The select shows the Utrecht arrow (the component draws it as a background).
	if bg := value(b3, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("#type")).backgroundImage`)); bg == "none" || bg == "" {
		t.Error("the select has no arrow")
	}
	b3.both("beheer-organisaties")
	b3.run(chromedp.Navigate(a.base+"/beheer/medewerkers"), chromedp.WaitVisible(chromedp.CSS("#q")))
	b3.both("beheer-medewerkers")
	b3.run(chromedp.Navigate(a.base+"/monitoring"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b3.both("monitoring")
	b3.run(chromedp.Navigate(a.base+"/bestaat-niet"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b3.expect("Pagina niet gevonden")
	b3.both("niet-gevonden")
}
