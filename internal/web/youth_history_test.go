package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

func TestYouthPageShowsTheHistoryWithEndedOrganisations(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool", model.TypeOnderwijs), false, true)
	amw := a.person(t, a.env.Org(t, "Algemeen Maatschappelijk Werk", model.TypeAMW), false, true)
	r := a.env.Register(t, school.Actor, population.BSNChild, model.KindSignaal)
	left := a.env.Register(t, amw.Actor, population.BSNChild, model.KindKetenregistratie)
	if _, err := a.env.Registry.Registrations.End(t.Context(), amw.Actor, left.Registration.ID); err != nil {
		t.Fatal(err)
	}
	p := get(t, a.login(t, school), a.base+"/jeugdigen/"+r.Youth.Reference)
	_, history, ok := strings.Cut(p.Body, "Geschiedenis</h2>")
	if p.StatusCode != http.StatusOK || !ok {
		t.Fatalf("youth page %d has no Geschiedenis heading", p.StatusCode)
	}
	for _, want := range []string{"<caption", "Algemeen Maatschappelijk Werk", "beëindigd door de organisatie", "Basisschool", school.Professional.Phone} {
		if !strings.Contains(history, want) {
			t.Errorf("Geschiedenis does not contain %q", want)
		}
	}
	for _, gone := range []string{amw.Professional.Name, amw.Professional.Phone, amw.Professional.Email} {
		if strings.Contains(p.Body, gone) {
			t.Errorf("the page shows %q of the organisation that left; only the organisation may be shown", gone)
		}
	}
}

func TestYouthPageShowsOtherChildrenAtTheAddressWithoutDetails(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool", model.TypeOnderwijs), false, true)
	jh := a.person(t, a.env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp), false, true)
	ggz := a.person(t, a.env.Org(t, "GGZ Oost", model.TypeGGZ), false, true)
	a.env.Register(t, school.Actor, population.BSNSibling1, model.KindSignaal)
	first := a.env.Register(t, jh.Actor, population.BSNSibling1, model.KindKetenregistratie)
	a.env.Register(t, school.Actor, population.BSNSibling2, model.KindSignaal)
	second := a.env.Register(t, ggz.Actor, population.BSNSibling2, model.KindKetenregistratie)

	p := get(t, a.login(t, jh), a.base+"/jeugdigen/"+first.Youth.Reference)
	_, address, ok := strings.Cut(p.Body, "Op hetzelfde adres</h2>")
	address, _, _ = strings.Cut(address, "<h2")
	if p.StatusCode != http.StatusOK || !ok {
		t.Fatalf("youth page %d has no address heading", p.StatusCode)
	}
	for _, want := range []string{"is 1 ander kind", "coördinator GGZ Oost"} {
		if !strings.Contains(address, want) {
			t.Errorf("address block lacks %q:\n%s", want, address)
		}
	}
	for _, hidden := range []string{second.Youth.Reference, second.Youth.Person.GivenNames, "signaal"} {
		if strings.Contains(address, hidden) {
			t.Errorf("address block shows %q to a professional not involved with the sibling:\n%s", hidden, address)
		}
	}

	// The school, involved with both children, coordinates neither: it
	// sees no address view, nor who coordinates the sibling.
	p = get(t, a.login(t, school), a.base+"/jeugdigen/"+first.Youth.Reference)
	for _, hidden := range []string{"Op hetzelfde adres", "GGZ Oost", second.Youth.Reference} {
		if strings.Contains(p.Body, hidden) {
			t.Errorf("the school's page of the youth shows %q", hidden)
		}
	}
}
