package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// coordinationApp: a school signalled and a youth-care provider registered
// care; the provider is assigned as coordinator, not accepted yet. A GGZ is
// involved too. Everyone can log in.
type coordinationApp struct {
	*app
	school, jh, ggz person
	ref             string
}

func startCoordinationApp(t *testing.T) *coordinationApp {
	t.Helper()
	a := &coordinationApp{app: startApp(t, server.Config{})}
	a.school = a.person(t, a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs), false, true)
	a.jh = a.person(t, a.env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp), false, true)
	a.ggz = a.person(t, a.env.Org(t, "GGZ Oost", model.TypeGGZ), false, true)
	a.env.Register(t, a.school.Actor, population.BSNChild, model.KindSignaal)
	a.ref = a.env.Register(t, a.jh.Actor, population.BSNChild, model.KindKetenregistratie).Youth.Reference
	a.env.Clock.Advance(time.Minute)
	a.env.Register(t, a.ggz.Actor, population.BSNChild, model.KindKetenregistratie)
	return a
}

func (a *coordinationApp) youth() string { return a.base + "/jeugdigen/" + a.ref }

// coordinationSection is the coordination panel of the youth's page.
func coordinationSection(t *testing.T, p page) string {
	t.Helper()
	_, s, ok := strings.Cut(p.Body, `id="coordinatie"`)
	if !ok {
		t.Fatalf("%s %d has no coordination panel", p.Request.URL.Path, p.StatusCode)
	}
	s, _, _ = strings.Cut(s, "</section>")
	return s
}

// wantNotice checks that a form came back to the page with the notice.
func wantNotice(t *testing.T, p page, key, text string) {
	t.Helper()
	if p.StatusCode != http.StatusOK || p.Request.URL.Query().Get("melding") != key {
		t.Fatalf("after the form: %d %s, want the page with melding=%s", p.StatusCode, p.Request.URL, key)
	}
	mustContain(t, p, text)
}

func TestWebAssignedOrganisationAcceptsOnTheYouthPage(t *testing.T) {
	a := startCoordinationApp(t)
	colleague := a.env.Pro(t, a.jh.Organisation)
	c := a.login(t, a.jh)

	before := get(t, c, a.youth())
	panel := coordinationSection(t, before)
	for _, want := range []string{"toegewezen, nog niet geaccepteerd", "Accepteren vóór", "maandag 30 november 2026",
		`action="/jeugdigen/` + a.ref + `/coordinatie/accepteren"`, `<option value="` + colleague.Professional.Email + `"`,
		`action="/jeugdigen/` + a.ref + `/coordinatie/niet-nodig"`, `<option value="onderlinge-afstemming">De betrokken professionals stemmen onderling af</option>`} {
		if !strings.Contains(panel, want) {
			t.Errorf("the assigned organisation's panel lacks %q", want)
		}
	}
	if strings.Contains(before.Body, "/coordinatie/afsluiten") || strings.Contains(panel, "/coordinatie/overdracht") {
		t.Error("before acceptance the panel offers closing or handing over")
	}

	p := post(t, c, a.youth()+"/coordinatie/accepteren", url.Values{"coordinerendeMedewerker": {colleague.Professional.Email}})
	wantNotice(t, p, "coordinatie-geaccepteerd", "De coördinatie is geaccepteerd.")
	panel = coordinationSection(t, p)
	for _, want := range []string{"geaccepteerd", colleague.Professional.Name, `href="tel:` + colleague.Professional.Phone + `"`, "Overdragen aan", "GGZ Oost"} {
		if !strings.Contains(panel, want) {
			t.Errorf("after accepting the panel lacks %q", want)
		}
	}
	// Closing the case has its own section, last on the page.
	mustContain(t, p, `id="casus-afsluiten"`, `action="/jeugdigen/`+a.ref+`/coordinatie/afsluiten"`)

	school := coordinationSection(t, get(t, a.login(t, a.school), a.youth()))
	if !strings.Contains(school, colleague.Professional.Phone) || strings.Contains(school, "<form") {
		t.Errorf("the school should see whom to call and no forms:\n%s", school)
	}
}

func TestWebOtherOrganisationCannotAccept(t *testing.T) {
	a := startCoordinationApp(t)
	p := post(t, a.login(t, a.school), a.youth()+"/coordinatie/accepteren", url.Values{})
	if p.StatusCode != http.StatusForbidden {
		t.Fatalf("the school accepting: status %d, want 403", p.StatusCode)
	}
	if n := a.count(t, `SELECT count(*) FROM coordinations WHERE status = 'geaccepteerd'`); n != 0 {
		t.Errorf("%d accepted coordinations after a refusal", n)
	}
}

func TestWebNotNeededTakesAReasonFromTheList(t *testing.T) {
	a := startCoordinationApp(t)
	c := a.login(t, a.jh)
	p := post(t, c, a.youth()+"/coordinatie/niet-nodig", url.Values{"reden": {"moeder is ziek"}})
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("free text as reason: status %d, want 422", p.StatusCode)
	}
	mustContain(t, p, "Er is iets niet goed gegaan", `href="#coordinatie-reden"`, "Onbekende reden")
	if strings.Contains(p.Body, "moeder is ziek") {
		t.Error("the page repeats the free text")
	}
	if n := a.count(t, `SELECT count(*) FROM coordinations WHERE status = 'niet-nodig'`); n != 0 {
		t.Fatal("refused input changed the coordination")
	}
	p = post(t, c, a.youth()+"/coordinatie/niet-nodig", url.Values{"reden": {"adequate-hulp"}})
	wantNotice(t, p, "coordinatie-niet-nodig", "Vastgelegd dat coördinatie niet nodig is.")
	mustContain(t, p, "coördinatie niet nodig: Er wordt al adequate hulp geboden")
}

func TestWebHandoverProposedDeclinedWithdrawnAndAccepted(t *testing.T) {
	a := startCoordinationApp(t)
	if _, err := a.env.Registry.Coordinations.AcceptCoordination(t.Context(), a.jh.Actor, a.ref, ""); err != nil {
		t.Fatal(err)
	}
	jh, ggz := a.login(t, a.jh), a.login(t, a.ggz)
	propose := url.Values{"organisatie": {strconv.FormatInt(a.ggz.Organisation.ID, 10)}}

	p := post(t, jh, a.youth()+"/coordinatie/overdracht", url.Values{"organisatie": {strconv.FormatInt(a.school.Organisation.ID, 10)}})
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("handing over to the school: status %d, want 422", p.StatusCode)
	}
	mustContain(t, p, `href="#overdracht-organisatie"`)

	wantNotice(t, post(t, jh, a.youth()+"/coordinatie/overdracht", propose), "overdracht-voorgesteld", "De overdracht is voorgesteld.")
	panel := coordinationSection(t, get(t, ggz, a.youth()))
	for _, want := range []string{"Jeugdhulp Brabant wil de coördinatie aan uw organisatie overdragen", "/coordinatie/overdracht/accepteren", "/coordinatie/overdracht/weigeren"} {
		if !strings.Contains(panel, want) {
			t.Errorf("GGZ's panel lacks %q", want)
		}
	}
	wantNotice(t, post(t, ggz, a.youth()+"/coordinatie/overdracht/weigeren", url.Values{}), "overdracht-geweigerd", "De overdracht is geweigerd.")

	post(t, jh, a.youth()+"/coordinatie/overdracht", propose)
	if !strings.Contains(coordinationSection(t, get(t, jh, a.youth())), "/coordinatie/overdracht/intrekken") {
		t.Error("the coordinator is not offered to withdraw its proposal")
	}
	wantNotice(t, post(t, jh, a.youth()+"/coordinatie/overdracht/intrekken", url.Values{}), "overdracht-ingetrokken", "Het voorstel tot overdracht is ingetrokken.")

	post(t, jh, a.youth()+"/coordinatie/overdracht", propose)
	p = post(t, ggz, a.youth()+"/coordinatie/overdracht/accepteren", url.Values{"coordinerendeMedewerker": {a.ggz.Professional.Email}})
	wantNotice(t, p, "overdracht-geaccepteerd", "uw organisatie coördineert nu")
	if panel := coordinationSection(t, p); !strings.Contains(panel, "<strong>GGZ Oost</strong>") || !strings.Contains(panel, "Overgedragen door Jeugdhulp Brabant.") {
		t.Errorf("after the handover the panel does not show GGZ coordinating:\n%s", panel)
	}
	if n := a.count(t, `SELECT count(*) FROM handovers WHERE outcome IS NOT NULL`); n != 3 {
		t.Errorf("%d decided handovers, want 3 (declined, withdrawn, accepted)", n)
	}
}

func TestWebClosingAsksForConfirmationAndEndsEveryRegistration(t *testing.T) {
	a := startCoordinationApp(t)
	if _, err := a.env.Registry.Coordinations.AcceptCoordination(t.Context(), a.jh.Actor, a.ref, ""); err != nil {
		t.Fatal(err)
	}
	c := a.login(t, a.jh)
	p := post(t, c, a.youth()+"/coordinatie/afsluiten", url.Values{})
	if p.StatusCode != http.StatusOK {
		t.Fatalf("closing without confirmation: status %d, want the confirmation page", p.StatusCode)
	}
	mustContain(t, p, "Casus afsluiten?", "Alle registraties over deze jeugdige worden beëindigd", `name="bevestigd" value="ja"`, "Ja, casus afsluiten", "Annuleren")
	if n := a.count(t, `SELECT count(*) FROM registrations WHERE ended_at IS NULL`); n != 3 {
		t.Fatalf("%d active registrations after an unconfirmed closing, want 3", n)
	}

	p = post(t, c, a.youth()+"/coordinatie/afsluiten", url.Values{"bevestigd": {"ja"}})
	if p.StatusCode != http.StatusOK || p.Request.URL.Path != "/registraties" {
		t.Fatalf("after closing: %d %s, want my registrations", p.StatusCode, p.Request.URL)
	}
	mustContain(t, p, "De casus is afgesloten")
	if n := a.count(t, `SELECT count(*) FROM registrations WHERE end_reason = 'afgesloten'`); n != 3 {
		t.Errorf("%d registrations ended afgesloten, want all 3", n)
	}
	if p := get(t, c, a.youth()); p.StatusCode != http.StatusNotFound {
		t.Errorf("the youth's page after closing: status %d, want 404", p.StatusCode)
	}
}
