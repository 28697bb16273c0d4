package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

var berichtenItem = regexp.MustCompile(`(?s)<li><a href="/berichten"[^>]*>Berichten <span id="berichten-ongelezen">(.*?)</span></a></li>`)

var heading = regexp.MustCompile(`<h2 class="utrecht-heading-3" id="bericht-\d+">(.*?)</h2>`)

// menuCount is what the menu's Berichten item says beside its name.
func menuCount(t *testing.T, p page) string {
	t.Helper()
	m := berichtenItem.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("%s has no Berichten item with a count in the menu", p.Request.URL.Path)
	}
	return m[1]
}

func TestTheMenuShowsTheNumberOfUnreadMessages(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool", model.TypeOnderwijs), false, true)
	care := a.env.Pro(t, a.env.Org(t, "Jeugdhulp Zuid", model.TypeJeugdhulp))
	police := a.env.Pro(t, a.env.Org(t, "Politie", model.TypePolitie))
	c := a.login(t, school)
	if got := menuCount(t, get(t, c, a.base+"/registreren")); got != "" {
		t.Fatalf("with no messages the menu says %q beside Berichten", got)
	}

	a.env.Register(t, school.Actor, population.BSNTeen, model.KindSignaal) // read: the screen said so
	a.env.Register(t, care, population.BSNTeen, model.KindKetenregistratie)
	a.env.Register(t, police, population.BSNTeen, model.KindSignaal)
	unread := 0
	for _, m := range a.env.Inbox(t, school.Actor) {
		if m.ReadAt == nil {
			unread++
		}
	}
	if unread < 2 {
		t.Fatalf("the school has %d unread messages, the test wants at least 2", unread)
	}
	for _, path := range []string{"/registreren", "/registraties", "/berichten"} {
		want := fmt.Sprintf(`<span aria-hidden="true">(%d)</span> <span class="jk-visually-hidden">%d ongelezen</span>`, unread, unread)
		if got := menuCount(t, get(t, c, a.base+path)); got != want {
			t.Errorf("%s: the menu says %q beside Berichten, want %q", path, got, want)
		}
	}

	// Marking one read with htmx replaces the count in the menu too.
	first := a.env.Inbox(t, school.Actor)[0]
	req, _ := http.NewRequest("POST", a.base+"/berichten/"+fmt.Sprint(first.ID)+"/gelezen", strings.NewReader(url.Values{}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("HX-Request", "true")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	p := read(t, res)
	mustContain(t, p, `<span class="jk-read">Gelezen</span>`,
		fmt.Sprintf(`<span id="berichten-ongelezen" hx-swap-oob="true"><span aria-hidden="true">(%d)</span> <span class="jk-visually-hidden">%d ongelezen</span></span>`, unread-1, unread-1))
}

func TestTheInboxPageNamesTheYouthToTheInvolvedOnly(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool", model.TypeOnderwijs), false, true)
	care := a.env.Pro(t, a.env.Org(t, "Jeugdhulp Zuid", model.TypeJeugdhulp))
	a.env.Register(t, school.Actor, population.BSNTeen, model.KindSignaal)
	r := a.env.Register(t, care, population.BSNTeen, model.KindKetenregistratie)
	name := r.Youth.Person.FullName()
	c := a.login(t, school)

	p := get(t, c, a.base+"/berichten")
	mustContain(t, p, "Jeugdige: <strong>"+name+"</strong>, geboren 30 december 2012 ("+r.Youth.Reference+")")

	if _, err := a.env.Registry.Registrations.End(t.Context(), school.Actor, r.Involved[0].Registration.ID); err != nil {
		t.Fatal(err)
	}
	p = get(t, c, a.base+"/berichten")
	mustNotContain(t, p, name, "30 december 2012")
	mustContain(t, p, r.Youth.Reference)
}

func TestAnUrgentMessageIsMarkedSpoedAndListedFirst(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool", model.TypeOnderwijs), false, true)
	police := a.env.Pro(t, a.env.Org(t, "Politie", model.TypePolitie))
	vt := a.env.Pro(t, a.env.Org(t, "Veilig Thuis Brabant", model.TypeVeiligThuis))
	a.env.Register(t, school.Actor, population.BSNTeen, model.KindSignaal)
	a.env.Register(t, school.Actor, population.BSNChild, model.KindSignaal)
	a.env.Register(t, vt, population.BSNTeen, model.KindSignaal)
	a.env.Clock.Advance(time.Minute) // the ordinary match, about the other child, is the newest
	a.env.Register(t, police, population.BSNChild, model.KindSignaal)
	c := a.login(t, school)

	p := get(t, c, a.base+"/berichten")
	var headings []string
	for _, m := range heading.FindAllStringSubmatch(p.Body, -1) {
		headings = append(headings, m[1])
	}
	if len(headings) < 2 {
		t.Fatalf("the inbox shows %d messages, want the two matches at least", len(headings))
	}
	spoed := `<span class="utrecht-badge-status jk-badge jk-badge--urgent">Spoed</span> `
	if !strings.HasPrefix(headings[0], spoed) || !strings.Contains(headings[0], "Veilig Thuis Brabant") {
		t.Fatalf("the first message is %q, want the Veilig Thuis match marked Spoed", headings[0])
	}
	if !strings.Contains(headings[1], "Politie") || strings.Contains(headings[1], "Spoed") {
		t.Fatalf("the second message is %q, want the newer, ordinary police match, unmarked", headings[1])
	}
	if n := strings.Count(p.Body, "jk-badge--urgent"); n != 1 {
		t.Errorf("%d messages marked Spoed, want only the Veilig Thuis match", n)
	}
}
