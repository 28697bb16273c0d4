package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// The rows of "Wie ziet wat van het gezin" (docs/privacy.md) on the pages:
// the youth's page ("Op hetzelfde adres", "Relaties") and the page that
// lays a relation ("Relatie leggen").

// familyPages is Daan (BSNSibling1) with a school that signalled, Jeugdhulp
// coordinating and GGZ giving care, and his brother Hein at the same address
// coordinated by Jeugdhulp Zuid.
type familyPages struct {
	a               *app
	school, jh, ggz *http.Client
	daan, hein      string
}

func newFamilyPages(t *testing.T) familyPages {
	t.Helper()
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs), false, true)
	jh := a.person(t, a.env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp), false, true)
	ggz := a.person(t, a.env.Org(t, "GGZ Oost", model.TypeGGZ), false, true)
	zuid := a.person(t, a.env.Org(t, "Jeugdhulp Zuid", model.TypeJeugdhulp), false, true)
	f := familyPages{a: a}
	f.daan = a.env.Register(t, school.Actor, population.BSNSibling1, model.KindSignaal).Youth.Reference
	a.env.Register(t, jh.Actor, population.BSNSibling1, model.KindKetenregistratie)
	f.hein = a.env.Register(t, school.Actor, population.BSNSibling2, model.KindSignaal).Youth.Reference
	a.env.Register(t, zuid.Actor, population.BSNSibling2, model.KindKetenregistratie)
	a.env.Clock.Advance(time.Minute)
	a.env.Register(t, ggz.Actor, population.BSNSibling1, model.KindKetenregistratie)
	f.school, f.jh, f.ggz = a.login(t, school), a.login(t, jh), a.login(t, ggz)
	return f
}

func (f familyPages) page(t *testing.T, c *http.Client, path string) page {
	t.Helper()
	p := get(t, c, f.a.base+path)
	if p.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d", path, p.StatusCode)
	}
	return p
}

var householdNames = []string{"Johan Groot Esselink", "Wilma Haverkamp", "Teun Groot Esselink", "Hein Groot Esselink"}

func TestPagesSignalOnlyOrganisationSeesNoAddressViewAndNoRelatives(t *testing.T) {
	t.Parallel()
	f := newFamilyPages(t)
	youth := f.page(t, f.school, "/jeugdigen/"+f.daan)
	mustNotContain(t, youth, "Op hetzelfde adres", "Jeugdhulp Zuid", f.hein, "/relaties/nieuw")
	mustContain(t, youth, "ziet daarom niet de relaties die andere organisaties legden", `name="burgerservicenummer"`)

	rel := f.page(t, f.school, "/jeugdigen/"+f.daan+"/relaties/nieuw")
	mustNotContain(t, rel, householdNames...)
	mustNotContain(t, rel, `name="persoon"`, "Uit de basisregistratie personen")
	mustContain(t, rel, "geeft alleen signalen", `name="burgerservicenummer"`)

	// A candidate's key, which it was never shown, is refused; by BSN it
	// lays a relation.
	res := post(t, f.school, f.a.base+"/jeugdigen/"+f.daan+"/relaties", url.Values{"persoon": {"0123456789abcdef01234567"}, "relatie": {"ouder"}})
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("the school sends a candidate's key: status %d, want 403", res.StatusCode)
	}
	res = post(t, f.school, f.a.base+"/jeugdigen/"+f.daan+"/relaties", url.Values{"burgerservicenummer": {population.BSNParent}, "relatie": {"ouder"}})
	if res.Request.URL.Path != "/jeugdigen/"+f.daan {
		t.Fatalf("the school lays a relation by BSN: %s %d", res.Request.URL, res.StatusCode)
	}
	mustContain(t, res, "Johan Groot Esselink")
}

func TestPagesCareOrganisationSeesTheHouseholdOnlyOnTheRelationPage(t *testing.T) {
	t.Parallel()
	f := newFamilyPages(t)
	youth := f.page(t, f.ggz, "/jeugdigen/"+f.daan)
	mustNotContain(t, youth, "Op hetzelfde adres", "Jeugdhulp Zuid", f.hein)
	mustContain(t, youth, `href="/jeugdigen/`+f.daan+`/relaties/nieuw"`)

	rel := f.page(t, f.ggz, "/jeugdigen/"+f.daan+"/relaties/nieuw")
	mustContain(t, rel, householdNames...)
	// GGZ is not involved with Hein: nothing but his name, birth date and kind.
	mustNotContain(t, rel, f.hein, "Jeugdhulp Zuid")
}

func TestPagesCoordinatorSeesTheOtherChildAtTheAddress(t *testing.T) {
	t.Parallel()
	f := newFamilyPages(t)
	youth := f.page(t, f.jh, "/jeugdigen/"+f.daan)
	_, block, ok := strings.Cut(youth.Body, "Op hetzelfde adres</h2>")
	block, _, _ = strings.Cut(block, "<h2")
	if !ok || !strings.Contains(block, "is 1 ander kind") || !strings.Contains(block, "coördinator Jeugdhulp Zuid") || strings.Contains(block, f.hein) {
		t.Errorf("the coordinator's address block:\n%s\nwant one other child, its coordinator, no reference", block)
	}
}

func TestPagesShieldedYouthsHaveNoAddressView(t *testing.T) {
	t.Parallel()
	// Vaso (BSNSecret) is secret in the register; Daan and Hein live at a
	// shelter address.
	a := startApp(t, server.Config{ShelterAddresses: []string{"3032CG 651"}})
	police := a.person(t, a.env.Org(t, "Politie", model.TypePolitie), false, true)
	jh := a.person(t, a.env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp), false, true)
	zuid := a.person(t, a.env.Org(t, "Jeugdhulp Zuid", model.TypeJeugdhulp), false, true)
	var refs []string
	for _, bsn := range []string{population.BSNSecret, population.BSNSibling1} {
		refs = append(refs, a.env.Register(t, police.Actor, bsn, model.KindSignaal).Youth.Reference)
		a.env.Register(t, jh.Actor, bsn, model.KindKetenregistratie)
	}
	a.env.Register(t, police.Actor, population.BSNSibling2, model.KindSignaal)
	a.env.Register(t, zuid.Actor, population.BSNSibling2, model.KindKetenregistratie)
	c := a.login(t, jh)
	for _, ref := range refs {
		p := get(t, c, a.base+"/jeugdigen/"+ref)
		mustContain(t, p, "Op hetzelfde adres", "Het adres van deze jeugdige is afgeschermd")
		mustNotContain(t, p, "ander kind", "andere kinderen", "Jeugdhulp Zuid", "8646", "3032")
		rel := get(t, c, a.base+"/jeugdigen/"+ref+"/relaties/nieuw")
		mustNotContain(t, rel, `<option value="huisgenoot" selected>`)
	}
}
