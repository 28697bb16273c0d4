package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/plan"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// planApp: a school and the police signalled, the wijkteam coordinates and
// accepted; a JGZ is not involved. Everyone can log in.
type planApp struct {
	*app
	school, police, wijkteam, jgz person
	ref                           string
	policeSignal                  int64
}

func startPlanApp(t *testing.T) *planApp {
	t.Helper()
	a := &planApp{app: startApp(t, server.Config{})}
	a.school = a.person(t, a.env.Org(t, "Stedelijk College", model.TypeOnderwijs), false, true)
	a.police = a.person(t, a.env.Org(t, "Politie Oost-Brabant", model.TypePolitie), false, true)
	a.wijkteam = a.person(t, a.env.Org(t, "Wijkteam Woensel", model.TypeWijkteam), false, true)
	a.jgz = a.person(t, a.env.Org(t, "JGZ Zuidoost-Brabant", model.TypeJGZ), false, true)
	a.env.Register(t, a.school.Actor, population.BSNTeen, model.KindSignaal)
	a.policeSignal = a.env.Register(t, a.police.Actor, population.BSNTeen, model.KindSignaal).Registration.ID
	r := a.env.Register(t, a.wijkteam.Actor, population.BSNTeen, model.KindKetenregistratie)
	a.ref = r.Youth.Reference
	if _, err := a.env.Registry.Coordinations.AcceptCoordination(t.Context(), a.wijkteam.Actor, a.ref, ""); err != nil {
		t.Fatal(err)
	}
	return a
}

// planSection is the plan panel of the youth's page.
func planSection(t *testing.T, p page) string {
	t.Helper()
	_, s, ok := strings.Cut(p.Body, `id="plan"`)
	if !ok {
		t.Fatalf("%s %d has no plan of action", p.Request.URL.Path, p.StatusCode)
	}
	s, _, _ = strings.Cut(s, "</section>")
	return s
}

func TestWebTheCoordinatorKeepsThePlanOnTheYouthPage(t *testing.T) {
	a := startPlanApp(t)
	youth := a.base + "/jeugdigen/" + a.ref
	c := a.login(t, a.wijkteam)

	plan := planSection(t, get(t, c, youth))
	for _, want := range []string{"Er zijn nog geen afspraken", "Afspraak toevoegen", `<option value="huisbezoek">`, a.school.Professional.Email, a.police.Professional.Email, "nog niet gebeld"} {
		if !strings.Contains(plan, want) {
			t.Errorf("the coordinator's plan lacks %q", want)
		}
	}

	p := post(t, c, youth+"/plan/afspraken", url.Values{"actie": {"huisbezoek"}, "verantwoordelijke": {a.school.Professional.Email}, "startdatum": {"2026-11-23"}, "einddatum": {"2026-11-30"}})
	if p.StatusCode != http.StatusOK || p.Request.URL.Query().Get("melding") != "afspraak-gemaakt" {
		t.Fatalf("after adding: %d %s", p.StatusCode, p.Request.URL)
	}
	mustContain(t, p, "De afspraak staat in het plan van aanpak", "huisbezoek", "30 november 2026")

	// Refused input shows the page again with the error; nothing is stored.
	p = post(t, c, youth+"/plan/afspraken", url.Values{"actie": {"Sanne wordt gepest"}, "verantwoordelijke": {a.school.Professional.Email}, "startdatum": {"2026-11-23"}, "einddatum": {"2026-11-30"}})
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("action not on the list: status %d", p.StatusCode)
	}
	mustContain(t, p, "Er is iets niet goed gegaan", `href="#afspraak-actie"`, "Kies een actie uit de lijst van de regio")
	if strings.Contains(p.Body, "gepest") {
		t.Error("the page repeats the free text")
	}
	p = post(t, c, youth+"/plan/afspraken", url.Values{"actie": {"huisbezoek"}, "verantwoordelijke": {a.school.Professional.Email}, "startdatum": {"30-11-2026"}, "einddatum": {"23-11-2026"}})
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("end before start: status %d", p.StatusCode)
	}
	mustContain(t, p, `href="#afspraak-einddatum"`, "De einddatum ligt vóór de startdatum")
	if n := a.count(t, `SELECT count(*) FROM agreements`); n != 1 {
		t.Fatalf("%d agreements after refused input, want 1", n)
	}

	pl, err := a.env.Registry.Plans.Plan(t.Context(), a.wijkteam.Actor, a.ref)
	if err != nil || len(pl.Agreements) != 1 {
		t.Fatalf("plan = %+v, %v", pl, err)
	}
	id := pl.Agreements[0].ID
	update := youth + "/plan/afspraken/" + itoa(id)
	p = post(t, c, update, url.Values{"status": {"gedaan"}, "einddatum": {"2026-12-04"}, "verantwoordelijke": {a.police.Professional.Email}})
	if p.Request.URL.Query().Get("melding") != "afspraak-gewijzigd" {
		t.Fatalf("after the change: %d %s", p.StatusCode, p.Request.URL)
	}
	plan = planSection(t, p)
	for _, want := range []string{"gedaan", "4 december 2026", a.police.Professional.Name} {
		if !strings.Contains(plan, want) {
			t.Errorf("the plan after the change lacks %q", want)
		}
	}
	p = post(t, c, update, url.Values{"status": {"half"}})
	if p.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(p.Body, `href="#afspraak-`+itoa(id)+`-status"`) {
		t.Errorf("unknown status: %d, want 422 with the error at the agreement's own field", p.StatusCode)
	}
}

func TestWebEveryInvolvedProfessionalSeesThePlanOnlyTheCoordinatorChangesIt(t *testing.T) {
	a := startPlanApp(t)
	youth := a.base + "/jeugdigen/" + a.ref
	if _, err := a.env.Registry.Plans.CreateAgreement(t.Context(), a.wijkteam.Actor, a.ref, plan.Agreeing{
		Action: "gesprek met jeugdige", Responsible: a.school.Professional.Email, Start: webDay("2026-11-23"), End: webDay("2026-11-24"),
	}); err != nil {
		t.Fatal(err)
	}
	// After the end day the agreement is flagged.
	a.env.Clock.Set(time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC))
	if _, err := a.env.Registry.SweepDeadlines(t.Context()); err != nil {
		t.Fatal(err)
	}

	school := a.login(t, a.school)
	plan := planSection(t, get(t, school, youth))
	for _, want := range []string{"gesprek met jeugdige", a.school.Professional.Name, "(verlopen)", "Politie Oost-Brabant", "nog niet gebeld"} {
		if !strings.Contains(plan, want) {
			t.Errorf("the school's plan lacks %q", want)
		}
	}
	for _, form := range []string{"Afspraak toevoegen", "Wijzig afspraak", "Gebeld vastleggen", "onterecht"} {
		if strings.Contains(plan, form) {
			t.Errorf("the school is offered %q", form)
		}
	}
	p := post(t, school, youth+"/plan/afspraken", url.Values{"actie": {"huisbezoek"}, "verantwoordelijke": {a.school.Professional.Email}, "startdatum": {"2026-11-25"}, "einddatum": {"2026-11-30"}})
	if p.StatusCode != http.StatusForbidden {
		t.Errorf("the school adding an agreement: status %d, want 403", p.StatusCode)
	}
	p = post(t, a.login(t, a.jgz), youth+"/plan/afspraken", url.Values{"actie": {"huisbezoek"}})
	if p.StatusCode != http.StatusNotFound {
		t.Errorf("the uninvolved JGZ adding an agreement: status %d, want 404", p.StatusCode)
	}
}

func TestWebSignallersAreCalledAndAWrongSignalRemovedAfterConsultation(t *testing.T) {
	a := startPlanApp(t)
	base := a.base + "/jeugdigen/" + a.ref + "/plan/signaalgevers/" + itoa(a.policeSignal)
	c := a.login(t, a.wijkteam)

	p := post(t, c, base+"/gebeld", url.Values{"datum": {"2026-11-23"}})
	if p.Request.URL.Query().Get("melding") != "signaalgever-gebeld" {
		t.Fatalf("after calling: %d %s", p.StatusCode, p.Request.URL)
	}
	mustContain(t, p, "gebeld op 23 november 2026")
	p = post(t, c, base+"/gebeld", url.Values{"datum": {"2026-12-01"}})
	if p.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(p.Body, "De datum van het contact ligt in de toekomst") {
		t.Errorf("a day in the future: %d", p.StatusCode)
	}

	p = post(t, c, base+"/verwijderen", url.Values{"bevestigd": {"ja"}})
	if p.StatusCode != http.StatusConflict || !strings.Contains(p.Body, "Overleg eerst met de signaalgever") {
		t.Fatalf("removal before consultation: %d", p.StatusCode)
	}
	p = post(t, c, base+"/overleg-onterecht", url.Values{"datum": {"2026-11-23"}})
	if p.Request.URL.Query().Get("melding") != "overleg-onterecht" {
		t.Fatalf("after the consultation: %d %s", p.StatusCode, p.Request.URL)
	}
	mustContain(t, p, "Overlegd op 23 november 2026", "Signaal verwijderen")
	p = post(t, c, base+"/verwijderen", url.Values{})
	if p.StatusCode != http.StatusOK || !strings.Contains(p.Body, "Signaal verwijderen?") || !strings.Contains(p.Body, `name="bevestigd" value="ja"`) {
		t.Fatalf("removal without the confirmation: %d, want the confirmation page", p.StatusCode)
	}
	if n := a.count(t, `SELECT count(*) FROM registrations WHERE id = $1`, a.policeSignal); n != 1 {
		t.Fatal("the signal went before it was confirmed")
	}

	p = post(t, c, base+"/verwijderen", url.Values{"bevestigd": {"ja"}})
	if p.Request.URL.Query().Get("melding") != "signaal-verwijderd" {
		t.Fatalf("after the removal: %d %s", p.StatusCode, p.Request.URL)
	}
	mustContain(t, p, "Het signaal is verwijderd")
	if n := a.count(t, `SELECT count(*) FROM registrations WHERE id = $1`, a.policeSignal); n != 0 {
		t.Fatal("the signal is still there")
	}
	var told bool
	for _, m := range a.env.Inbox(t, a.police.Actor) {
		told = told || m.Kind == registration.KindWithdrawn
	}
	if !told {
		t.Error("the police were not told that their signal was withdrawn")
	}

	p = post(t, a.login(t, a.school), a.base+"/jeugdigen/"+a.ref+"/plan/signaalgevers/"+itoa(a.policeSignal)+"/gebeld", url.Values{"datum": {"2026-11-23"}})
	if p.StatusCode != http.StatusForbidden {
		t.Errorf("the school recording a call: status %d, want 403", p.StatusCode)
	}
}

func webDay(s string) *time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return &d
}
