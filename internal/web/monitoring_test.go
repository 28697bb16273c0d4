package web_test

import (
	"context"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/server"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// monitoringWorld has two made months of figures, in Eindhoven (0772) and
// Rotterdam (0599), written straight as rounded cells; a municipality's
// monitoring account of Eindhoven, the regional administrator and a
// professional.
type monitoringWorld struct {
	a                     *app
	monitor, admin, other *http.Client
}

func newMonitoringWorld(t *testing.T) *monitoringWorld {
	t.Helper()
	a := startApp(t, server.Config{})
	town := a.env.Org(t, "Gemeente Eindhoven", model.TypeGemeente)
	wijkteam := a.env.Org(t, "Wijkteam Woensel", model.TypeWijkteam)
	school := a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	reg := func(month, town string, org model.Organisation, kind string, shown int) model.MonitoringCell {
		return model.MonitoringCell{Month: month, Municipality: town, OrganisationID: org.ID, Measure: "registraties", Category: kind, N: shown, Shown: shown}
	}
	a.saveMonth(t, "2026-09", reg("2026-09", "0772", school, "signaal", 5))
	a.saveMonth(t, "2026-10",
		reg("2026-10", "0772", school, "signaal", 10), reg("2026-10", "0772", wijkteam, "signaal", 5),
		reg("2026-10", "0772", wijkteam, "ketenregistratie", 10), reg("2026-10", "0599", wijkteam, "signaal", 20))
	return &monitoringWorld{a: a,
		monitor: a.login(t, a.monitor(t, town)),
		admin:   a.login(t, a.person(t, a.env.Org(t, "Regio Zuidoost-Brabant", model.TypeWijkteam), true, true)),
		other:   a.login(t, a.person(t, wijkteam, false, true)),
	}
}

// saveMonth makes a month as the sweep would, with the cells given.
func (a *app) saveMonth(t *testing.T, month string, cells ...model.MonitoringCell) {
	t.Helper()
	ctx := context.Background()
	if err := a.env.DB.Update(ctx, func(tx *storage.Tx) error {
		return tx.SaveMonitoringMonth(ctx, month, cells, a.env.Clock.Now())
	}); err != nil {
		t.Fatal(err)
	}
}

var (
	cellPattern = regexp.MustCompile(`(?s)<t[hd][^>]*>(.*?)</t[hd]>`)
	tagPattern  = regexp.MustCompile(`<[^>]*>`)
)

// tableRows reads the table captioned id from the page, a line per row
// (the header first), each cell's text.
func tableRows(t *testing.T, p page, id string) [][]string {
	t.Helper()
	start := strings.Index(p.Body, `id="`+id+`-naam"`)
	if start < 0 {
		t.Fatalf("%s has no table %s", p.Request.URL, id)
	}
	seg := p.Body[start : start+strings.Index(p.Body[start:], "</table>")]
	var out [][]string
	for _, tr := range strings.Split(seg, "<tr")[1:] {
		var row []string
		for _, m := range cellPattern.FindAllStringSubmatch(tr, -1) {
			row = append(row, strings.TrimSpace(html.UnescapeString(tagPattern.ReplaceAllString(m[1], ""))))
		}
		out = append(out, row)
	}
	return out
}

func sameRows(t *testing.T, what string, got [][]string, want ...string) {
	t.Helper()
	var lines []string
	for _, r := range got {
		lines = append(lines, strings.Join(r, " | "))
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n%s\nwant\n%s", what, strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// TestAMunicipalityMonitorSeesOnlyItsOwnMunicipalitysSums: the table is
// the sum of Eindhoven's rounded cells per month with their total; no
// municipality to choose, no table per organisation, the scope, the months
// made and the rounding said, and a chart of the trend with its numbers.
func TestAMunicipalityMonitorSeesOnlyItsOwnMunicipalitysSums(t *testing.T) {
	t.Parallel()
	w := newMonitoringWorld(t)
	p := get(t, w.monitor, w.a.base+"/monitoring")
	if p.StatusCode != http.StatusOK {
		t.Fatalf("status %d", p.StatusCode)
	}
	sameRows(t, "registrations by kind", tableRows(t, p, "registraties-soort"),
		"Categorie | september 2026 | oktober 2026 | Totaal",
		"Signalen | 5 | 15 | 20",
		"Ketenregistraties | 0 | 10 | 10",
		"Registraties | 5 | 25 | 30")
	mustContain(t, p, "Gemeente Eindhoven (0772)", "Cijfers tot en met oktober 2026", "september 2026 tot en met oktober 2026, per maand",
		"Alle aantallen zijn afgerond op vijftallen; een 0 kan 0 tot 4 zijn", `href="/monitoring/rapporten"`,
		`value="2026-09"`, `value="2026-10"`, `type="month"`, `<tr class="utrecht-table__row jk-sum">`,
		`href="/monitoring/registraties-soort.csv?gemeente=&amp;groep=maand&amp;tot=2026-10&amp;van=2026-09"`,
		`role="img"`, `<title id="grafiek-registraties-soort-aantal-titel">Registraties: verloop per maand</title>`,
		"Hoogste waarde: 15 (Signalen, oktober 2026).", "Cijfers bij deze grafiek")
	mustNotContain(t, p, `id="gemeente"`, "Rotterdam", "Deelname per organisatie", "Wijkteam Woensel")
	sameRows(t, "the trend's numbers", tableRows(t, p, "verloop-registraties-soort"),
		"Categorie | september 2026 | oktober 2026 | Totaal",
		"Signalen | 5 | 15 | 20",
		"Ketenregistraties | 0 | 10 | 10",
		"Registraties | 5 | 25 | 30")

	if p := get(t, w.monitor, w.a.base+"/monitoring?gemeente=0599"); p.StatusCode != http.StatusForbidden {
		t.Errorf("Eindhoven's monitor asked for Rotterdam: %d, want 403", p.StatusCode)
	}
	if p := get(t, w.other, w.a.base+"/monitoring"); p.StatusCode != http.StatusForbidden {
		t.Errorf("a professional opened the monitoring page: %d", p.StatusCode)
	}
}

// TestTheRegionalAdministratorSeesEveryMunicipalityAndChoosesOne: all
// municipalities summed, a select to pick one, and the participation per
// organisation.
func TestTheRegionalAdministratorSeesEveryMunicipalityAndChoosesOne(t *testing.T) {
	t.Parallel()
	w := newMonitoringWorld(t)
	p := get(t, w.admin, w.a.base+"/monitoring?van=2026-09&tot=2026-10&groep=maand")
	sameRows(t, "all municipalities", tableRows(t, p, "registraties-soort"),
		"Categorie | september 2026 | oktober 2026 | Totaal",
		"Signalen | 5 | 35 | 40",
		"Ketenregistraties | 0 | 10 | 10",
		"Registraties | 5 | 45 | 50")
	mustContain(t, p, "Alle gemeenten", `<select class="utrecht-select utrecht-select--html-select" id="gemeente" name="gemeente">`,
		`<option value="0599">Rotterdam (0599)</option>`, `<option value="0772">Eindhoven (0772)</option>`, "Deelname per organisatie")

	p = get(t, w.admin, w.a.base+"/monitoring?van=2026-10&tot=2026-10&gemeente=0599")
	sameRows(t, "Rotterdam in October", tableRows(t, p, "registraties-soort"),
		"Categorie | oktober 2026",
		"Signalen | 20",
		"Ketenregistraties | 0",
		"Registraties | 20")
	mustContain(t, p, "Gemeente Rotterdam (0599)", `<option value="0599" selected>`)

	p = get(t, w.admin, w.a.base+"/monitoring?van=2026-09&tot=2026-10&groep=kwartaal")
	sameRows(t, "by quarter", tableRows(t, p, "registraties-soort"),
		"Categorie | 3e kwartaal 2026 | 4e kwartaal 2026 | Totaal",
		"Signalen | 5 | 35 | 40",
		"Ketenregistraties | 0 | 10 | 10",
		"Registraties | 5 | 45 | 50")
}

// TestAWrongPeriodComesBackWithTheErrorsAtTheFields: the summary names
// each field, the typed values are kept, 422, and no figures of another
// period are shown in their place.
func TestAWrongPeriodComesBackWithTheErrorsAtTheFields(t *testing.T) {
	t.Parallel()
	w := newMonitoringWorld(t)
	p := get(t, w.admin, w.a.base+"/monitoring?van=2026-13&tot=2026-10&groep=week")
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("status %d, want 422", p.StatusCode)
	}
	mustContain(t, p, "Er is iets niet goed gegaan", `href="#van"`, "Van maand: Geef een maand als JJJJ-MM", `href="#groep"`, "Indeling: Kies maand, kwartaal of jaar.",
		`id="van-fout"`, `id="groep-fout"`, `value="2026-13"`, `value="2026-10"`, "<title>Fout: Monitoring", "Verloop per maand")
	mustNotContain(t, p, `id="registraties-soort-naam"`, ".csv?", "Cijfers tot en met")

	p = get(t, w.admin, w.a.base+"/monitoring?van=2026-08")
	mustContain(t, p, "De eerste cijfers zijn van september 2026.", `value="2026-08"`)
	p = get(t, w.admin, w.a.base+"/monitoring?gemeente=9999")
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("unknown municipality: %d", p.StatusCode)
	}
	mustContain(t, p, `href="#gemeente"`, "Deze gemeente kennen wij niet", `id="gemeente"`)
}

// TestBeforeTheFirstMonthIsMadeThePageSaysWhen: no figures yet.
func TestBeforeTheFirstMonthIsMadeThePageSaysWhen(t *testing.T) {
	t.Parallel()
	a := startApp(t, server.Config{})
	monitor := a.login(t, a.monitor(t, a.env.Org(t, "Gemeente Eindhoven", model.TypeGemeente)))
	p := get(t, monitor, a.base+"/monitoring")
	if p.StatusCode != http.StatusOK {
		t.Fatalf("status %d", p.StatusCode)
	}
	mustContain(t, p, "Er zijn nog geen cijfers.", "eerste werkdag van volgende maand")
	mustNotContain(t, p, "<table", "Cijfers tot en met")
}

// TestATableDownloadsAsCSV: the same sums as the page, as a file named for
// the table, the municipality and the months; an unknown table is the
// Dutch 404, and only those who see the page get the file.
func TestATableDownloadsAsCSV(t *testing.T) {
	t.Parallel()
	w := newMonitoringWorld(t)
	p := get(t, w.monitor, w.a.base+"/monitoring/registraties-soort.csv?van=2026-09&tot=2026-10")
	if p.StatusCode != http.StatusOK || !strings.HasPrefix(p.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("status %d, %s", p.StatusCode, p.Header.Get("Content-Type"))
	}
	if got := p.Header.Get("Content-Disposition"); got != `attachment; filename="monitoring-registraties-soort-0772-2026-09-2026-10.csv"` {
		t.Errorf("Content-Disposition %q", got)
	}
	want := "\uFEFFCategorie;september 2026;oktober 2026;Totaal\r\nSignalen;5;15;20\r\nKetenregistraties;0;10;10\r\nRegistraties;5;25;30\r\n"
	if p.Body != want {
		t.Errorf("CSV %q, want %q", p.Body, want)
	}
	for _, path := range []string{"/monitoring/bestaat-niet.csv", "/monitoring/registraties-soort", "/monitoring/deelname-organisatie.csv"} {
		p := get(t, w.monitor, w.a.base+path)
		if p.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, p.StatusCode)
		}
		mustContain(t, p, "Pagina niet gevonden")
	}
	if p := get(t, w.admin, w.a.base+"/monitoring/deelname-organisatie.csv"); p.StatusCode != http.StatusOK {
		t.Errorf("the administrator's table per organisation: %d", p.StatusCode)
	}
	if p := get(t, w.other, w.a.base+"/monitoring/registraties-soort.csv"); p.StatusCode != http.StatusForbidden {
		t.Errorf("a professional downloaded figures: %d", p.StatusCode)
	}
}
