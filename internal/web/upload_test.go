package web_test

import (
	"bytes"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// uploadCSV is a file of three lines: two youths, and a BSN that fails the
// 11-check on the file's line 3.
func uploadCSV() string {
	return "burgerservicenummer;soort;medewerker;geboortedatum;einddatum;ouders;jeugdige\r\n" +
		population.BSNTeen + ";signaal;;" + birthDate(population.BSNTeen) + ";;;\r\n" +
		"123456789;signaal;;2012-01-01;;;\r\n" +
		population.BSNChild + ";signaal;;" + birthDate(population.BSNChild) + ";;;\r\n"
}

func postFile(t *testing.T, c *http.Client, u string, fields map[string]string, file string) page {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("bestand", "registraties.csv")
	fw.Write([]byte(file))
	mw.Close()
	res, err := c.Post(u, mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	return read(t, res)
}

var hiddenInput = regexp.MustCompile(`<input type="hidden" name="([a-z]+)" value="([^"]*)">`)

// hidden reads the confirmation's hidden fields, as the browser posts them.
func hidden(p page) url.Values {
	v := url.Values{}
	for _, m := range hiddenInput.FindAllStringSubmatch(p.Body, -1) {
		v.Set(m[1], html.UnescapeString(m[2]))
	}
	return v
}

func TestUploadShowsTheDryRunFirstAndAppliesExactlyTheFileChecked(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs), false, true)
	c := a.login(t, school)

	tmpl := get(t, c, a.base+"/registraties/uploaden/sjabloon.csv")
	if tmpl.StatusCode != 200 || !strings.HasPrefix(tmpl.Header.Get("Content-Type"), "text/csv") || !strings.HasPrefix(tmpl.Body, "burgerservicenummer;soort;medewerker;") {
		t.Fatalf("template: %d %s %q", tmpl.StatusCode, tmpl.Header.Get("Content-Type"), tmpl.Body)
	}
	check := postFile(t, c, a.base+"/registraties/uploaden", nil, uploadCSV())
	mustContain(t, check, "er is nog niets veranderd", "2 nieuw, 1 geweigerd: regel 3, burgerservicenummer klopt niet", "Bevestigen en verwerken")
	if n := a.count(t, `SELECT count(*) FROM registrations`); n != 0 {
		t.Fatalf("%d registrations after the check, want none yet", n)
	}

	tampered := hidden(check)
	tampered.Set("bestandstekst", strings.Replace(tampered.Get("bestandstekst"), population.BSNChild, population.BSNYoungest, 1))
	refused := post(t, c, a.base+"/registraties/uploaden/bevestigen", tampered)
	if refused.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a file changed after the check: %d", refused.StatusCode)
	}
	mustContain(t, refused, "Het bestand is veranderd sinds de controle")
	if n := a.count(t, `SELECT count(*) FROM registrations`); n != 0 {
		t.Fatalf("%d registrations from a file changed after its check", n)
	}

	done := post(t, c, a.base+"/registraties/uploaden/bevestigen", hidden(check))
	mustContain(t, done, "Verwerkt", "2 nieuw, 1 geweigerd: regel 3, burgerservicenummer klopt niet")
	if n := a.count(t, `SELECT count(*) FROM registrations WHERE professional_id = $1`, school.Professional.ID); n != 2 {
		t.Fatalf("%d registrations of the uploader, want 2", n)
	}
}

func TestUploadOfAFileThatIsNoCSVChangesNothingAndSaysWhy(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs), false, true)
	c := a.login(t, school)
	res := postFile(t, c, a.base+"/registraties/uploaden", nil, "bsn,soort\n999998006,signaal\n")
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", res.StatusCode)
	}
	mustContain(t, res, "Regel 1 noemt de kolom")
}

func TestAdministratorUploadsForTheOrganisationChosen(t *testing.T) {
	a := startApp(t, server.Config{})
	admin := a.person(t, a.env.Org(t, "Regio Zuidoost-Brabant", model.TypeWijkteam), true, true)
	school := a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	teacher := a.env.Pro(t, school)
	c := a.login(t, admin)
	file := "burgerservicenummer;soort;medewerker;geboortedatum\r\n" + population.BSNTeen + ";signaal;" + teacher.Professional.Email + ";" + birthDate(population.BSNTeen) + "\r\n" +
		population.BSNChild + ";signaal;;" + birthDate(population.BSNChild) + "\r\n"
	noOrg := postFile(t, c, a.base+"/registraties/uploaden", nil, file)
	// An empty medewerker is the administrator only for their own
	// organisation: the page must not tell them "leeg is uzelf" plainly.
	mustContain(t, noOrg, "Kies de organisatie", "verplicht als u voor een andere organisatie uploadt")
	check := postFile(t, c, a.base+"/registraties/uploaden", map[string]string{"organisatie": itoa(school.ID)}, file)
	mustContain(t, check, "voor Basisschool De Regenboog", "1 nieuw, 1 geweigerd: regel 3, medewerker klopt niet")
	post(t, c, a.base+"/registraties/uploaden/bevestigen", hidden(check))
	if n := a.count(t, `SELECT count(*) FROM registrations WHERE organisation_id = $1 AND professional_id = $2`, school.ID, teacher.Professional.ID); n != 1 {
		t.Fatalf("%d registrations of the school's professional, want 1", n)
	}
}
