package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

const notAYouth = "Burgerservicenummer en geboortedatum horen niet bij een jeugdige in de basisregistratie personen"

// A typo in the BSN, an unknown BSN, an adult and a birth date not the
// BSN's own get one answer that names no person and no age (issue 14).
func TestRegisterFormRefusesBSNAndBirthDateOfNoYouthWithoutDisclosing(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool", model.TypeOnderwijs), false, true)
	c := a.login(t, school)
	cases := []struct{ name, bsn, born, says string }{
		{"another child's birth date", population.BSNTeen, "2017-01-06", notAYouth},
		{"unknown person", "999999990", "2012-12-30", notAYouth},
		{"adult", population.BSNAdult, "1985-12-01", notAYouth},
		{"invalid BSN", "123456789", "2012-12-30", "elfproef"},
	}
	for _, tc := range cases {
		p := post(t, c, a.base+"/registreren", url.Values{"burgerservicenummer": {tc.bsn}, "geboortedatum": {tc.born}, "soort": {"signaal"}})
		if p.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: status %d", tc.name, p.StatusCode)
		}
		mustContain(t, p, tc.says, `value="`+tc.bsn+`"`, `value="`+tc.born+`"`, `href="#burgerservicenummer"`)
		mustNotContain(t, p, "40 jaar", "41 jaar", "13 jaar", "Moulin", "Suzanne", "Mastenbroek", "Jason")
	}
	p := post(t, c, a.base+"/registreren", url.Values{"burgerservicenummer": {population.BSNTeen}, "soort": {"signaal"}})
	mustContain(t, p, `href="#geboortedatum"`, "Vul de geboortedatum")
	if n := a.count(t, `SELECT count(*) FROM registrations`); n != 0 {
		t.Fatalf("%d registrations stored from refused forms", n)
	}
	p = post(t, c, a.base+"/registreren", url.Values{"burgerservicenummer": {population.BSNTeen}, "geboortedatum": {"30-12-2012"}, "soort": {"signaal"}})
	mustContain(t, p, "Het initiatief ligt bij u")
}

func TestSignalOnlyOrganisationIsNotOfferedKetenregistratie(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool", model.TypeOnderwijs), false, true)
	smw := a.person(t, a.env.Org(t, "SMW", model.TypeSMW), false, true)
	p := get(t, a.login(t, school), a.base+"/registreren")
	mustContain(t, p, `id="geboortedatum"`, `type="date"`, "kan alleen signalen afgeven", `name="ouders"`, `name="jeugdige"`)
	mustNotContain(t, p, `value="ketenregistratie"`)
	mustContain(t, get(t, a.login(t, smw), a.base+"/registreren"), `value="ketenregistratie"`)
	mustNotContain(t, get(t, a.login(t, smw), a.base+"/registreren"), "kan alleen signalen afgeven")
}

func TestRegisterFormRecordsInformingAndARepeatAppliesIt(t *testing.T) {
	a := startApp(t, server.Config{})
	smw := a.person(t, a.env.Org(t, "SMW", model.TypeSMW), false, true)
	c := a.login(t, smw)
	form := url.Values{"burgerservicenummer": {population.BSNTeen}, "geboortedatum": {birthDate(population.BSNTeen)}, "soort": {"signaal"},
		"ouders": {"niet-informeren-veiligheid"}, "jeugdige": {"niet-van-toepassing"}}
	p := post(t, c, a.base+"/registreren", form)
	mustContain(t, p, `href="#jeugdige"`, "jonger dan 12", `<option value="niet-informeren-veiligheid" selected>`)
	form.Set("jeugdige", "geinformeerd")
	post(t, c, a.base+"/registreren", form)
	if n := a.count(t, `SELECT count(*) FROM registrations WHERE parents_informed = 'niet-informeren-veiligheid' AND youth_informed = 'geinformeerd'`); n != 1 {
		t.Fatalf("%d registrations with the informing given", n)
	}
	form.Set("ouders", "geinformeerd")
	p = post(t, c, a.base+"/registreren", form)
	mustContain(t, p, "had al een actieve", "informeren van de ouders en de jeugdige is wel vastgelegd")
	if n := a.count(t, `SELECT count(*) FROM registrations WHERE parents_informed = 'geinformeerd'`); n != 1 {
		t.Fatal("the repeated registration did not apply the informing")
	}
}

func TestRestoreButtonUndoesAnEndingWithin24Hours(t *testing.T) {
	a := startApp(t, server.Config{})
	school := a.person(t, a.env.Org(t, "Basisschool", model.TypeOnderwijs), false, true)
	c := a.login(t, school)
	r := a.env.Register(t, school.Actor, population.BSNTeen, model.KindSignaal)
	path := a.base + "/registraties/" + strconv.FormatInt(r.Registration.ID, 10)
	mustNotContain(t, get(t, c, path), "/herstellen")

	p := post(t, c, path+"/beeindigen", url.Values{"bevestigd": {"ja"}})
	mustContain(t, p, `action="/registraties/`+strconv.FormatInt(r.Registration.ID, 10)+`/herstellen"`, "Registratie herstellen")
	p = post(t, c, path+"/herstellen", nil)
	mustContain(t, p, "De registratie is hersteld", "Actief")
	mustNotContain(t, p, "Registratie herstellen")

	post(t, c, path+"/beeindigen", url.Values{"bevestigd": {"ja"}})
	a.env.Clock.Advance(25 * time.Hour)
	c = a.login(t, school) // the session has expired meanwhile
	mustNotContain(t, get(t, c, path), "Registratie herstellen")
	p = post(t, c, path+"/herstellen", nil)
	if p.StatusCode != http.StatusConflict {
		t.Errorf("restore after 25 hours: status %d", p.StatusCode)
	}
	mustContain(t, p, "langer dan 24 uur")
}
