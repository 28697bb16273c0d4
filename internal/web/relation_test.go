package web_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/population/brpstub"
	"github.com/jeugdketen/jeugdketen/internal/population/haalcentraal"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// relationWorld is a school and a youth care organisation both involved
// with Daan (BSNSibling1), each with a logged-in professional.
type relationWorld struct {
	a           *app
	school, jh  *http.Client
	schoolActor person
	ref         string
}

func newRelationWorld(t *testing.T, cfg server.Config) relationWorld {
	t.Helper()
	a := startApp(t, cfg)
	school := a.person(t, a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs), false, true)
	jh := a.person(t, a.env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp), false, true)
	ref := a.env.Register(t, school.Actor, population.BSNSibling1, model.KindSignaal).Youth.Reference
	a.env.Register(t, jh.Actor, population.BSNSibling1, model.KindKetenregistratie)
	return relationWorld{a: a, school: a.login(t, school), jh: a.login(t, jh), schoolActor: school, ref: ref}
}

func (w relationWorld) youthPage(t *testing.T, c *http.Client) page {
	t.Helper()
	p := get(t, c, w.a.base+"/jeugdigen/"+w.ref)
	if p.StatusCode != http.StatusOK {
		t.Fatalf("youth page: %d", p.StatusCode)
	}
	return p
}

func TestYouthPageListsRelationsAndItsFormLaysOne(t *testing.T) {
	t.Parallel()
	w := newRelationWorld(t, server.Config{})
	mustContain(t, w.youthPage(t, w.school), `id="relaties"`, "Er zijn geen relaties gelegd.", `action="/jeugdigen/`+w.ref+`/relaties"`)
	mustContain(t, w.youthPage(t, w.jh), `href="/jeugdigen/`+w.ref+`/relaties/nieuw"`)

	res := post(t, w.school, w.a.base+"/jeugdigen/"+w.ref+"/relaties", url.Values{"relatie": {"ouder"}, "burgerservicenummer": {"9999 99 345"}})
	if res.StatusCode != http.StatusOK || res.Request.URL.Path != "/jeugdigen/"+w.ref {
		t.Fatalf("after laying a relation: %s %d", res.Request.URL, res.StatusCode)
	}
	mustContain(t, res, "Johan Groot Esselink", "Ouder", "27 mei 1985", "Basisschool De Regenboog", "Verwijder relatie met Johan Groot Esselink")
	if strings.Contains(res.Body, population.BSNParent) {
		t.Error("the youth page shows the parent's BSN")
	}
	// The other organisation involved sees it, without the remove button.
	other := w.youthPage(t, w.jh)
	mustContain(t, other, "Johan Groot Esselink", "alleen Basisschool De Regenboog")
	if strings.Contains(other.Body, "/verwijderen") && strings.Contains(other.Body, "Verwijder relatie") {
		t.Error("jeugdhulp gets a button to remove the school's relation")
	}
}

func TestRelationFormErrorsComeBackAtTheirFieldAndStoreNothing(t *testing.T) {
	t.Parallel()
	w := newRelationWorld(t, server.Config{})
	send := func(v url.Values) page {
		return post(t, w.school, w.a.base+"/jeugdigen/"+w.ref+"/relaties", v)
	}
	cases := []struct {
		name   string
		form   url.Values
		status int
		parts  []string
	}{
		{"eleven-check", url.Values{"relatie": {"ouder"}, "burgerservicenummer": {"123456789"}}, http.StatusUnprocessableEntity,
			[]string{`href="#burgerservicenummer"`, "elfproef", `value="123456789"`}},
		{"no kind", url.Values{"burgerservicenummer": {population.BSNParent}}, http.StatusUnprocessableEntity,
			[]string{`href="#relatie"`, "Kies de soort relatie"}},
		{"not in the register", url.Values{"relatie": {"ouder"}, "burgerservicenummer": {"999999011"}}, http.StatusUnprocessableEntity,
			[]string{"staat niet in de basisregistratie personen"}},
	}
	for _, c := range cases {
		res := send(c.form)
		if res.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d", c.name, res.StatusCode, c.status)
		}
		mustContain(t, res, append(c.parts, "Er is iets niet goed gegaan", "Relatie leggen voor jeugdige "+w.ref)...)
	}
	if n := w.a.count(t, `SELECT count(*) FROM relations`); n != 0 {
		t.Fatalf("%d relations after refused input", n)
	}
	send(url.Values{"relatie": {"ouder"}, "burgerservicenummer": {population.BSNParent}})
	res := send(url.Values{"relatie": {"ouder"}, "burgerservicenummer": {population.BSNParent}})
	if res.StatusCode != http.StatusConflict {
		t.Errorf("the same relation again: status %d, want 409", res.StatusCode)
	}
	mustContain(t, res, "al gelegd")
	if n := w.a.count(t, `SELECT count(*) FROM relations`); n != 1 {
		t.Errorf("%d relations, want 1", n)
	}
}

var candidateKey = regexp.MustCompile(`name="persoon" value="([0-9a-f]+)">\s*<strong>([^<]+)</strong>`)

func TestRelationPageOffersTheRegistersRelativesWithoutTheirBSN(t *testing.T) {
	t.Parallel()
	w := newRelationWorld(t, server.Config{})
	p := get(t, w.jh, w.a.base+"/jeugdigen/"+w.ref+"/relaties/nieuw")
	if p.StatusCode != http.StatusOK {
		t.Fatalf("relation page: %d", p.StatusCode)
	}
	mustContain(t, p, "Johan Groot Esselink", "Wilma Haverkamp", "Teun Groot Esselink", "Hein Groot Esselink", `<option value="broer-zus" selected>`)
	for _, bsn := range []string{population.BSNParent, "999999357", "999999369", population.BSNSibling2} {
		if strings.Contains(p.Body, bsn) {
			t.Errorf("the relation page shows BSN %s", bsn)
		}
	}
	keys := map[string]string{}
	for _, m := range candidateKey.FindAllStringSubmatch(p.Body, -1) {
		keys[m[2]] = m[1]
	}
	key := keys["Teun Groot Esselink"]
	if key == "" {
		t.Fatalf("no form for Teun: %v", keys)
	}
	res := post(t, w.jh, w.a.base+"/jeugdigen/"+w.ref+"/relaties", url.Values{"persoon": {key}, "relatie": {"broer-zus"}})
	if res.Request.URL.Path != "/jeugdigen/"+w.ref {
		t.Fatalf("after choosing a relative: %s %d", res.Request.URL, res.StatusCode)
	}
	mustContain(t, res, "Broer of zus", "Teun Groot Esselink")
}

func TestRelationIsRemovedOnlyByTheOrganisationThatLaidIt(t *testing.T) {
	t.Parallel()
	w := newRelationWorld(t, server.Config{})
	post(t, w.school, w.a.base+"/jeugdigen/"+w.ref+"/relaties", url.Values{"relatie": {"ouder"}, "burgerservicenummer": {population.BSNParent}})
	list, err := w.a.env.Registry.Families.Relations(t.Context(), w.schoolActor.Actor, w.ref)
	if err != nil || len(list) != 1 {
		t.Fatalf("relations %+v, %v", list, err)
	}
	remove := w.a.base + "/jeugdigen/" + w.ref + "/relaties/" + itoa(list[0].ID) + "/verwijderen"
	if res := post(t, w.jh, remove, nil); res.StatusCode != http.StatusForbidden {
		t.Errorf("jeugdhulp removes the school's relation: status %d, want 403", res.StatusCode)
	}
	res := post(t, w.school, remove, nil)
	if res.Request.URL.Path != "/jeugdigen/"+w.ref {
		t.Fatalf("after removing: %s %d", res.Request.URL, res.StatusCode)
	}
	mustContain(t, res, "Er zijn geen relaties gelegd.")
}

func TestRelationPageWorksWithTheRegisterDown(t *testing.T) {
	t.Parallel()
	stub, err := brpstub.New(population.TestPersons())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(stub)
	client, err := haalcentraal.New(haalcentraal.Config{URL: srv.URL, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	w := newRelationWorld(t, server.Config{Population: client})
	srv.Close()
	p := get(t, w.jh, w.a.base+"/jeugdigen/"+w.ref+"/relaties/nieuw")
	if p.StatusCode != http.StatusOK {
		t.Fatalf("relation page with the register down: %d", p.StatusCode)
	}
	mustContain(t, p, "niet bereikbaar", `name="burgerservicenummer"`)
	res := post(t, w.jh, w.a.base+"/jeugdigen/"+w.ref+"/relaties", url.Values{"relatie": {"ouder"}, "burgerservicenummer": {population.BSNParent}})
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("laying a relation with the register down: status %d, want 503", res.StatusCode)
	}
	mustContain(t, res, "niet bereikbaar", "Er is niets opgeslagen")
	if n := w.a.count(t, `SELECT count(*) FROM relations`); n != 0 {
		t.Errorf("%d relations stored with the register down", n)
	}
}
