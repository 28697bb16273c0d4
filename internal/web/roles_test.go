package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/demo"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// Menu items as the layout writes them.
const (
	menuRegister      = `href="/registreren"`
	menuRegistrations = `href="/registraties"`
	menuWorklist      = `href="/werklijst"`
	menuMessages      = `href="/berichten"`
	menuMonitoring    = `href="/monitoring"`
)

// TestAMonitoringAccountLandsOnTheFiguresAndIsOfferedNothingElse: after
// login and at "/" a monitoring account sees the figures; the menu has no
// registering or worklist, and those pages say in Dutch why they are not
// for it instead of showing an empty list.
func TestAMonitoringAccountLandsOnTheFiguresAndIsOfferedNothingElse(t *testing.T) {
	a := startApp(t, server.Config{})
	monitor := a.monitor(t, a.env.Org(t, "Gemeente Eindhoven", model.TypeGemeente))
	c := newJar()
	post(t, c, a.base+"/inloggen", url.Values{"email": {monitor.Professional.Email}, "wachtwoord": {password}})
	res := post(t, c, a.base+"/inloggen/code", url.Values{"code": {a.code(t, monitor)}})
	if res.Request.URL.Path != "/monitoring" || res.StatusCode != http.StatusOK {
		t.Fatalf("after the login: %s %d, want /monitoring", res.Request.URL.Path, res.StatusCode)
	}
	mustContain(t, res, menuMonitoring, menuMessages)
	mustNotContain(t, res, menuRegister, menuRegistrations, menuWorklist)
	if res := get(t, c, a.base+"/"); res.Request.URL.Path != "/monitoring" {
		t.Errorf("/ leads a monitoring account to %s", res.Request.URL.Path)
	}
	for path, says := range map[string]string{
		"/registreren":  "registreert u niet",
		"/registraties": "geen registraties of jeugdigen",
		"/werklijst":    "geen werklijst",
	} {
		res := get(t, c, a.base+path)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("GET %s: %d, want 403", path, res.StatusCode)
		}
		mustContain(t, res, says, "Monitoring")
		mustNotContain(t, res, "Uw organisatie heeft", "Er zijn geen")
	}
}

// TestAMunicipalityRegistersNothing: a professional of a municipality that
// is not its monitoring account cannot register either, and is not offered to.
func TestAMunicipalityRegistersNothing(t *testing.T) {
	a := startApp(t, server.Config{})
	p := a.person(t, a.env.Org(t, "Gemeente Eindhoven", model.TypeGemeente), false, true)
	c := a.login(t, p)
	home := get(t, c, a.base+"/")
	if home.Request.URL.Path != "/berichten" {
		t.Errorf("/ leads a municipality's professional to %s", home.Request.URL.Path)
	}
	mustNotContain(t, home, menuRegister, menuRegistrations, menuWorklist)
	res := post(t, c, a.base+"/registreren", url.Values{"burgerservicenummer": {population.BSNChild}, "soort": {"signaal"}})
	if res.StatusCode != http.StatusForbidden || a.count(t, `SELECT count(*) FROM registrations`) != 0 {
		t.Errorf("a municipality registering: %d, %d registrations", res.StatusCode, a.count(t, `SELECT count(*) FROM registrations`))
	}
	mustContain(t, res, "Een gemeente registreert niet")
	mustContain(t, get(t, c, a.base+"/registraties"), "Een gemeente registreert niet")
}

// TestTheWorklistIsOfferedToThoseWithWork: the coordinating organisation
// finds Werklijst in the menu; a signaller without agreements and a care
// organisation that coordinates nothing do not.
func TestTheWorklistIsOfferedToThoseWithWork(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool", model.TypeOnderwijs), false, true)
	jgz := a.person(t, a.env.Org(t, "GGD", model.TypeJGZ), false, true)
	wijkteam, link := youthLink(t, a, true)
	a.env.Register(t, school.Actor, population.BSNChild, model.KindSignaal)

	mustContain(t, get(t, a.login(t, wijkteam), a.base+link), menuWorklist, menuRegister, menuRegistrations)
	for name, p := range map[string]person{"school": school, "jgz": jgz} {
		t.Run(name, func(t *testing.T) {
			res := get(t, a.login(t, p), a.base+"/berichten")
			mustContain(t, res, menuRegister, menuRegistrations, menuMessages)
			mustNotContain(t, res, menuWorklist)
		})
	}
}

// TestTheDemoMunicipalityLogsInAndSeesTheFigures: the demo's monitoring
// account, with the login it prints, lands on /monitoring.
func TestTheDemoMunicipalityLogsInAndSeesTheFigures(t *testing.T) {
	a := startApp(t, server.Config{})
	region, err := demo.Seed(context.Background(), a.env.DB, a.env.Keys, a.env.Registry, a.env.Region, a.people)
	if err != nil {
		t.Fatal(err)
	}
	var monitor *demo.Login
	for i, p := range region.Professionals {
		if p.Monitoring {
			monitor = &region.Professionals[i]
		}
	}
	if monitor == nil || monitor.Type != string(model.TypeGemeente) || monitor.TOTPSecret == "" {
		t.Fatalf("the demo has no municipality monitoring account: %+v", monitor)
	}
	c := newJar()
	post(t, c, a.base+"/inloggen", url.Values{"email": {monitor.Email}, "wachtwoord": {monitor.Password}})
	res := post(t, c, a.base+"/inloggen/code", url.Values{"code": {a.code(t, person{Secret: monitor.TOTPSecret})}})
	if res.Request.URL.Path != "/monitoring" || res.StatusCode != http.StatusOK {
		t.Fatalf("the demo's monitoring account after login: %s %d", res.Request.URL.Path, res.StatusCode)
	}
	mustContain(t, res, "Monitoring", `href="/monitoring/rapporten"`)
}
