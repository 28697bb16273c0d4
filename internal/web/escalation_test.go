package web_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// startAlmere is startApp with Almere's covenant: the care pyramid.
func startAlmere(t *testing.T) *app {
	t.Helper()
	env := testenv.New(t)
	rules, err := covenant.Preset("almere")
	if err != nil {
		t.Fatal(err)
	}
	env.Registry.Covenant = rules
	srv, err := server.Start(server.Config{
		Addr: "127.0.0.1:0", DB: env.DB, Keys: env.Keys, Covenant: rules, Now: env.Clock.Now, Argon2: cheap,
		Log: slog.New(slog.DiscardHandler),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return &app{env: env, base: "http://" + srv.Addr(), people: srv.People}
}

func TestEscalationPanelTakesTheCoordinatorThroughTheSteps(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs), false, true)
	jh := a.person(t, a.env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp), false, true)
	admin := a.person(t, a.env.Org(t, "Regio Zuidoost-Brabant", model.TypeWijkteam), true, true)
	a.env.Register(t, school.Actor, population.BSNChild, model.KindSignaal)
	ref := a.env.Register(t, jh.Actor, population.BSNChild, model.KindKetenregistratie).Youth.Reference
	if _, err := a.env.Registry.Coordinations.AcceptCoordination(context.Background(), jh.Actor, ref, ""); err != nil {
		t.Fatal(err)
	}
	jc, sc, ac := a.login(t, jh), a.login(t, school), a.login(t, admin)
	youth := a.base + "/jeugdigen/" + ref

	p := get(t, jc, youth)
	mustContain(t, p, "Escalatieprocedure starten")
	if strings.Contains(get(t, sc, youth).Body, "Escalatieprocedure starten") {
		t.Error("the school may start the escalation")
	}

	// Started on Monday 23 November 2026: step 2 by the end of Wednesday.
	p = post(t, jc, youth+"/escalatie", url.Values{"bevestigd": {"ja"}})
	if p.StatusCode != http.StatusOK || p.Request.URL.Path != "/jeugdigen/"+ref {
		t.Fatalf("after starting: %d %s", p.StatusCode, p.Request.URL)
	}
	mustContain(t, p, "De escalatieprocedure is gestart", "Directie van de coördinerende organisatie", "uiterlijk woensdag 25 november 2026",
		"aan de beurt", "Stap 2 vastleggen", "Escalatie intrekken", "portefeuillehouder jeugd (wethouder)")

	// A step out of turn comes back with the reason, and changes nothing.
	p = post(t, jc, youth+"/escalatie/stappen", url.Values{"stap": {"4"}})
	if p.StatusCode != http.StatusConflict {
		t.Fatalf("step out of turn: %d", p.StatusCode)
	}
	mustContain(t, p, "Er is iets niet goed gegaan", "Eerst stap 2", "Stap 2 vastleggen")

	// The school sees the steps but no form.
	p = get(t, sc, youth)
	mustContain(t, p, "uiterlijk woensdag 25 november 2026")
	if strings.Contains(p.Body, "Stap 2 vastleggen") || strings.Contains(p.Body, "Escalatie intrekken") {
		t.Error("the school sees the coordinator's forms")
	}
	if p = post(t, sc, youth+"/escalatie/stappen", url.Values{"stap": {"2"}}); p.StatusCode != http.StatusForbidden {
		t.Errorf("the school records step 2: %d", p.StatusCode)
	}

	post(t, jc, youth+"/escalatie/stappen", url.Values{"stap": {"2"}})
	p = post(t, jc, youth+"/escalatie/stappen", url.Values{"stap": {"3"}})
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("step 3 without an outcome: %d", p.StatusCode)
	}
	mustContain(t, p, "Uitkomst", "overeenstemming")
	post(t, jc, youth+"/escalatie/stappen", url.Values{"stap": {"3"}, "uitkomst": {"geen-overeenstemming"}})
	p = post(t, jc, youth+"/escalatie/stappen", url.Values{"stap": {"4"}})
	mustContain(t, p, "De stap is vastgelegd", "Uitkomst: geen overeenstemming")

	// Overdue: the deadline of step 5 passed (Wednesday 25 November).
	a.env.Clock.Set(a.env.Clock.Now().Add(72 * time.Hour))
	jc, ac = a.login(t, jh), a.login(t, admin) // the sessions expired meanwhile
	mustContain(t, get(t, jc, youth), "(verstreken)")

	// The administrator is not involved: the list shows the reference,
	// never the name, and records the alderman's ruling there.
	list := get(t, ac, a.base+"/beheer/escalaties")
	mustContain(t, list, ref, "Jeugdhulp Brabant", "Stap 5 vastleggen", "(verstreken)")
	if strings.Contains(list.Body, "Charbon") {
		t.Error("the administrator's list names the youth")
	}
	if p = get(t, ac, youth); p.StatusCode != http.StatusNotFound {
		t.Errorf("the administrator opens the youth's page: %d", p.StatusCode)
	}
	p = post(t, ac, youth+"/escalatie/stappen", url.Values{"stap": {"5"}, "terug": {"beheer"}})
	if p.Request.URL.Path != "/beheer/escalaties" {
		t.Fatalf("after step 5: %s", p.Request.URL)
	}
	mustContain(t, p, "De stap is vastgelegd")
	p = post(t, ac, youth+"/escalatie/stappen", url.Values{"stap": {"5"}, "terug": {"beheer"}})
	if p.StatusCode != http.StatusConflict {
		t.Errorf("step 5 twice: %d", p.StatusCode)
	}
	mustContain(t, p, "al vastgelegd")

	p = post(t, jc, youth+"/escalatie/intrekken", nil)
	mustContain(t, p, "De escalatie is ingetrokken", "ingetrokken door de coördinator", "Escalatieprocedure starten")
}

func TestPyramidPanelShowsLevelDeadlinesAndBrandpunt(t *testing.T) {
	a := startAlmere(t)
	people := []person{
		a.person(t, a.env.Org(t, "Basisschool De Wissel", model.TypeOnderwijs), false, true),
		a.person(t, a.env.Org(t, "Wijkteam Almere Haven", model.TypeWijkteam), false, true),
		a.person(t, a.env.Org(t, "JGZ Almere", model.TypeJGZ), false, true),
		a.person(t, a.env.Org(t, "Jeugdhulp Flevoland", model.TypeJeugdhulp), false, true),
	}
	admin := a.person(t, a.env.Org(t, "Gemeente Almere", model.TypeWijkteam), true, true)
	var ref string
	for i, p := range people {
		kind := model.KindKetenregistratie
		if i == 0 {
			kind = model.KindSignaal
		}
		ref = a.env.Register(t, p.Actor, population.BSNChild, kind).Youth.Reference
	}
	school, wijkteam := people[0], people[1]
	if _, err := a.env.Registry.Coordinations.AcceptCoordination(context.Background(), wijkteam.Actor, ref, ""); err != nil {
		t.Fatal(err)
	}
	wc, sc, ac := a.login(t, wijkteam), a.login(t, school), a.login(t, admin)
	youth := a.base + "/jeugdigen/" + ref

	// Level 3 from Monday 23 November: convene by the end of Monday 30 November.
	p := get(t, wc, youth)
	mustContain(t, p, "Niveau 3: procescoördinatie", "uiterlijk maandag 30 november 2026", "Overleg vastleggen", "Stagnatie melden")
	if strings.Contains(get(t, sc, youth).Body, "Overleg vastleggen") {
		t.Error("the school may record the meeting")
	}
	p = post(t, wc, youth+"/zorgpiramide/overleg", url.Values{"datum": {"gisteren"}})
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a bad date: %d", p.StatusCode)
	}
	mustContain(t, p, "Datum van het overleg", "dd-mm-jjjj")
	p = post(t, wc, youth+"/zorgpiramide/overleg", url.Values{"datum": {"2026-11-27"}})
	mustContain(t, p, "Het overleg met alle betrokkenen is vastgelegd", "belegd op 27 november 2026")

	p = post(t, sc, youth+"/zorgpiramide/stagnatie", nil)
	mustContain(t, p, "De stagnatie is gemeld", "Niveau 4", "uiterlijk woensdag 25 november 2026, 10:0")
	if strings.Contains(p.Body, "Stagnatie melden") {
		t.Error("a second report is offered while the first waits")
	}
	if p = post(t, sc, youth+"/zorgpiramide/stagnatie/bijeengeroepen", nil); p.StatusCode != http.StatusForbidden {
		t.Errorf("the school records for the brandpunt officer: %d", p.StatusCode)
	}

	list := get(t, ac, a.base+"/beheer/escalaties")
	mustContain(t, list, ref, "Iedereen is bijeengeroepen")
	p = post(t, ac, youth+"/zorgpiramide/stagnatie/bijeengeroepen", url.Values{"terug": {"beheer"}})
	mustContain(t, p, "de brandpuntfunctionaris heeft alle betrokkenen bijeengeroepen", "Er is een opdracht gegeven")
	p = post(t, ac, youth+"/zorgpiramide/stagnatie/opdracht", url.Values{"terug": {"beheer"}})
	mustContain(t, p, "de brandpuntfunctionaris heeft een opdracht gegeven", "geen stagnatie gemeld die nog op de brandpuntfunctionaris wacht")
	mustContain(t, get(t, wc, youth), "gegeven op", "Stagnatie melden")
}
