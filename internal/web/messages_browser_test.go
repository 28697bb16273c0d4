package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// TestMessagesInABrowser: what the screen showed after registering is no
// unread message; the menu counts the unread ones; the urgent match comes
// first, marked Spoed, with the youth's name for the involved school; and
// marking it read lowers the count in the menu without reloading.
func TestMessagesInABrowser(t *testing.T) {
	chromium(t)
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs), false, true)
	vt := a.env.Pro(t, a.env.Org(t, "Veilig Thuis Brabant", model.TypeVeiligThuis))
	police := a.env.Pro(t, a.env.Org(t, "Politie Oost-Brabant", model.TypePolitie))

	b := newBrowser(t, a)
	b.login(school)
	b.register(population.BSNTeen, "signaal")
	b.expect("Het initiatief ligt bij u")
	menu := func() string {
		return strings.Join(strings.Fields(value(b, chromedp.TextContent(chromedp.CSS("nav.jk-nav a[href='/berichten']")))), " ")
	}
	if got := menu(); got != "Berichten" {
		t.Fatalf("after registering, the menu says %q: what the screen showed counts as unread", got)
	}

	a.env.Register(t, school.Actor, population.BSNChild, model.KindSignaal)
	teen := a.env.Register(t, vt, population.BSNTeen, model.KindSignaal)
	a.env.Clock.Advance(time.Minute) // the ordinary match, about the other child, is the newest
	a.env.Register(t, police, population.BSNChild, model.KindSignaal)

	b.run(chromedp.Navigate(a.base+"/berichten"), chromedp.WaitVisible(chromedp.CSS("h1")))
	unread := 0
	for _, m := range a.env.Inbox(t, school.Actor) {
		if m.ReadAt == nil {
			unread++
		}
	}
	if got, want := menu(), "Berichten ("+itoa(int64(unread))+") "+itoa(int64(unread))+" ongelezen"; got != want {
		t.Errorf("the menu says %q, want %q", got, want)
	}
	first := value(b, chromedp.Text(chromedp.CSS(".jk-messages > li:first-child")))
	for _, want := range []string{"Spoed", "Veilig Thuis Brabant", "Jeugdige: " + teen.Youth.Person.FullName() + ", geboren 30 december 2012"} {
		if !strings.Contains(first, want) {
			t.Errorf("the first message lacks %q:\n%s", want, first)
		}
	}
	b.check("berichten-spoed")

	b.run(chromedp.Click(chromedp.CSS(".jk-messages > li:first-child form button")),
		chromedp.WaitVisible(chromedp.CSS(".jk-messages > li:first-child .jk-read")))
	if got, want := menu(), "Berichten ("+itoa(int64(unread-1))+") "+itoa(int64(unread-1))+" ongelezen"; got != want {
		t.Errorf("after marking one read the menu says %q, want %q", got, want)
	}
	b.check("berichten-gelezen")
}
