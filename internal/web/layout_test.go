package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

func TestUnknownPathGetsTheDutchPageInTheLayout(t *testing.T) {
	a := startApp(t, server.Config{})
	anonymous := &http.Client{}
	for _, path := range []string{"/bestaat-niet", "/jeugdigen/J-X/onbekend/diep", "/static/bestaat-niet.css", "/beheer/medewerkers/1/onbekend"} {
		p := get(t, anonymous, a.base+path)
		if p.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, p.StatusCode)
		}
		mustContain(t, p, `<html lang="nl"`, `class="utrecht-page-header jk-header"`, "<title>Pagina niet gevonden – Jeugdketen</title>",
			"Deze pagina bestaat niet.", `href="/">Naar de startpagina`)
		mustNotContain(t, p, "404 page not found")
	}

	// Logged in, the page keeps the professional's menu.
	admin := a.person(t, a.env.Org(t, "Regio", model.TypeWijkteam), true, true)
	p := get(t, a.login(t, admin), a.base+"/bestaat-niet")
	if p.StatusCode != http.StatusNotFound {
		t.Fatalf("logged in: status %d, want 404", p.StatusCode)
	}
	mustContain(t, p, `aria-label="Hoofdmenu"`, admin.Professional.Name, "Pagina niet gevonden")
}

func TestKnownPathWithAnotherMethodGetsDutch405(t *testing.T) {
	a := startApp(t, server.Config{})
	p := get(t, &http.Client{}, a.base+"/uitloggen")
	if p.StatusCode != http.StatusMethodNotAllowed || p.Header.Get("Allow") != "POST" {
		t.Fatalf("GET /uitloggen: %d, Allow %q; want 405 and POST", p.StatusCode, p.Header.Get("Allow"))
	}
	mustContain(t, p, "Dat kan hier niet", `class="utrecht-page-header jk-header"`)
	mustNotContain(t, p, "Method Not Allowed")
}

func TestUnknownAPIPathKeepsProblemJSON(t *testing.T) {
	a := startApp(t, server.Config{})
	for _, path := range []string{"/api/v1/bestaat-niet", "/api/onbekend"} {
		p := get(t, &http.Client{}, a.base+path)
		if p.StatusCode != http.StatusNotFound || !strings.HasPrefix(p.Header.Get("Content-Type"), "application/problem+json") {
			t.Errorf("%s: %d %s, want 404 problem+json", path, p.StatusCode, p.Header.Get("Content-Type"))
		}
		mustNotContain(t, p, "<html")
	}
}

// A region has hundreds of professionals: the list is searched and paged.
func TestProfessionalsAreSearchedAndPaged(t *testing.T) {
	a := startApp(t, server.Config{})
	admin := a.person(t, a.env.Org(t, "Regio Eindhoven", model.TypeWijkteam), true, true)
	ggd := a.env.Org(t, "GGD Zuid", model.TypeJGZ)
	var nurse model.Professional
	for i := 0; i < 3; i++ {
		nurse = a.env.Pro(t, ggd).Professional
	}
	wijkteam := a.env.Org(t, "Wijkteam Noord", model.TypeWijkteam)
	for i := 0; i < 27; i++ {
		a.env.Pro(t, wijkteam)
	}
	c := a.login(t, admin)
	list := a.base + "/beheer/medewerkers"

	all := a.count(t, `SELECT count(*) FROM professionals`) // ours and the test environment's
	if all <= 25 || all > 50 {
		t.Fatalf("%d professionals; the test wants two pages", all)
	}
	first := get(t, c, list)
	mustContain(t, first, fmt.Sprintf("%d medewerkers; u ziet 1 tot en met 25 (pagina 1 van 2).", all), `href="/beheer/medewerkers?pagina=2" rel="next">Volgende`)
	mustNotContain(t, first, `rel="prev"`)
	if n := strings.Count(first.Body, `<th class="utrecht-table__header-cell" scope="row">`); n != 25 {
		t.Errorf("page 1 shows %d professionals, want 25", n)
	}
	// By organisation, then name: the GGD's first.
	if i, j := strings.Index(first.Body, ">GGD Zuid<"), strings.Index(first.Body, ">Wijkteam Noord<"); i < 0 || j < i {
		t.Errorf("the GGD's professionals do not come first (GGD at %d, wijkteam at %d)", i, j)
	}
	// One compact row: the actions are in a menu per person.
	if n := strings.Count(first.Body, `<details class="jk-row-actions">`); n != 25 {
		t.Errorf("%d action menus on page 1, want 25", n)
	}

	second := get(t, c, list+"?pagina=2")
	mustContain(t, second, fmt.Sprintf("u ziet 26 tot en met %d (pagina 2 van 2).", all), `href="/beheer/medewerkers" rel="prev">Vorige`)
	mustNotContain(t, second, `rel="next"`)
	if n := strings.Count(second.Body, `scope="row"`); n != all-25 {
		t.Errorf("page 2 shows %d professionals, want %d", n, all-25)
	}
	// A page past the last shows the last; not a number shows the first.
	mustContain(t, get(t, c, list+"?pagina=99"), "(pagina 2 van 2)")
	mustContain(t, get(t, c, list+"?pagina=twee"), "(pagina 1 van 2)")

	for _, c2 := range []struct{ q, want string }{
		{"ggd zuid", "3 medewerkers gevonden voor ‘ggd zuid’."},
		{strings.ToUpper(nurse.Email), "1 medewerker gevonden voor ‘" + strings.ToUpper(nurse.Email) + "’."},
		{admin.Professional.Name, "1 medewerker gevonden voor"},
		{"%", "Geen medewerkers gevonden voor ‘%’."},
		{"_", "Geen medewerkers gevonden voor ‘_’."},
	} {
		p := get(t, c, list+"?q="+url.QueryEscape(c2.q))
		mustContain(t, p, c2.want, `value="`+c2.q+`"`)
		mustNotContain(t, p, `class="utrecht-pagination`)
	}

	// The search stays when paging.
	p := get(t, c, list+"?q=wijkteam+noord")
	mustContain(t, p, "27 medewerkers gevonden voor ‘wijkteam noord’; u ziet 1 tot en met 25 (pagina 1 van 2).", `href="/beheer/medewerkers?pagina=2&amp;q=wijkteam&#43;noord"`)
	mustContain(t, get(t, c, list+"?pagina=2&q=wijkteam+noord"), "u ziet 26 tot en met 27 (pagina 2 van 2).", `href="/beheer/medewerkers?q=wijkteam&#43;noord" rel="prev"`)
}

// The coordinator's youth page: a table of contents whose every link
// reaches a section, and closing the case last, after the plan.
func TestYouthPageHasContentsAndClosesLast(t *testing.T) {
	a := startCoordinationApp(t)
	c := a.login(t, a.jh)
	p := post(t, c, a.youth()+"/coordinatie/accepteren", url.Values{"coordinerendeMedewerker": {a.jh.Professional.Email}})
	wantNotice(t, p, "coordinatie-geaccepteerd", "De coördinatie is geaccepteerd.")

	toc := contents(t, p)
	for _, target := range []string{"betrokkenen", "coordinatie", "plan", "gezin", "geschiedenis", "casus-afsluiten"} {
		if !slices.Contains(toc, target) {
			t.Errorf("the contents lack #%s", target)
		}
	}
	plan, closing := strings.Index(p.Body, `id="plan"`), strings.Index(p.Body, `id="casus-afsluiten"`)
	history := strings.Index(p.Body, `id="geschiedenis"`)
	if plan < 0 || closing < plan || closing < history {
		t.Errorf("closing the case (at %d) does not come after the plan (%d) and the history (%d)", closing, plan, history)
	}

	// The school, which only signals, cannot close the case: no link to it.
	if toc := contents(t, get(t, a.login(t, a.school), a.youth())); slices.Contains(toc, "casus-afsluiten") || !slices.Contains(toc, "betrokkenen") {
		t.Errorf("the school's contents: %v", toc)
	}
}

// contents are the targets of the youth page's table of contents; each must
// be on the page.
func contents(t *testing.T, p page) []string {
	t.Helper()
	_, toc, ok := strings.Cut(p.Body, `<nav class="jk-toc"`)
	if !ok {
		t.Fatal("the youth's page has no table of contents")
	}
	toc, _, _ = strings.Cut(toc, "</nav>")
	var out []string
	for _, part := range strings.Split(toc, `href="#`)[1:] {
		target, _, _ := strings.Cut(part, `"`)
		if !strings.Contains(p.Body, `id="`+target+`"`) {
			t.Errorf("the contents link to #%s, which is not on the page", target)
		}
		out = append(out, target)
	}
	return out
}
