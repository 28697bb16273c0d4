package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

// A BSN with a birth date not its own, an unknown BSN and an adult get one
// problem that names neither the person nor their age (issue 14).
func TestRegistrationWithBirthDateOfAnotherPersonIsOneProblemThatDisclosesNothing(t *testing.T) {
	t.Parallel()
	h := start(t)
	school := h.user(t, "Basisschool", model.TypeOnderwijs)
	var first string
	for _, c := range []struct{ name, bsn, born string }{
		{"another child's birth date", population.BSNTeen, "2017-01-06"},
		{"unknown person", "111222333", "2012-12-30"},
		{"adult with her own birth date", population.BSNAdult, "1985-12-01"},
	} {
		r := h.call(t, "POST", "/api/v1/registraties", school.token, map[string]any{"burgerservicenummer": c.bsn, "geboortedatum": c.born, "soort": "signaal"})
		p := wantProblem(t, r, http.StatusBadRequest, "burgerservicenummer", "geboortedatum")
		if !strings.Contains(p.Detail, "horen niet bij een jeugdige") {
			t.Errorf("%s: detail %q", c.name, p.Detail)
		}
		said := p.Detail
		for _, ip := range p.InvalidParams {
			said += " " + ip.Reason
		}
		for _, leak := range []string{"jaar", "Mastenbroek", "Moulin", "Suzanne", "40", "13"} {
			if strings.Contains(said, leak) {
				t.Errorf("%s: problem discloses %q: %s", c.name, leak, r.body)
			}
		}
		if first == "" {
			first = string(r.body)
		} else if string(r.body) != first {
			t.Errorf("%s: problem %s differs from %s", c.name, r.body, first)
		}
	}
	if n := len(h.registrations(t, school)); n != 0 {
		t.Fatalf("%d registrations stored from refused requests", n)
	}
	r := h.call(t, "POST", "/api/v1/registraties", school.token, map[string]any{"burgerservicenummer": population.BSNTeen, "geboortedatum": "2012-12-30", "soort": "signaal"})
	r.want(t, http.StatusCreated, nil)
}

// Without a birth date the adult is refused without the age; with a birth
// date that is no date, the field is named.
func TestRegistrationOfAnAdultWithoutBirthDateDoesNotTellTheAge(t *testing.T) {
	t.Parallel()
	h := start(t)
	school := h.user(t, "Basisschool", model.TypeOnderwijs)
	adult := h.call(t, "POST", "/api/v1/registraties", school.token, map[string]any{"burgerservicenummer": population.BSNAdult, "soort": "signaal"})
	wantProblem(t, adult, http.StatusBadRequest, "burgerservicenummer")
	unknown := h.call(t, "POST", "/api/v1/registraties", school.token, map[string]any{"burgerservicenummer": "111222333", "soort": "signaal"})
	if string(adult.body) != string(unknown.body) || strings.Contains(string(adult.body), "jaar") {
		t.Errorf("adult %s and unknown %s", adult.body, unknown.body)
	}
	bad := h.call(t, "POST", "/api/v1/registraties", school.token, map[string]any{"burgerservicenummer": population.BSNTeen, "geboortedatum": "30-12-2012", "soort": "signaal"})
	wantProblem(t, bad, http.StatusBadRequest, "geboortedatum")
}

func TestRegionCanRequireTheBirthDateForTheAPI(t *testing.T) {
	t.Parallel()
	h := startWith(t, func(c *server.Config) { c.RequireBirthDate = true })
	school := h.user(t, "Basisschool", model.TypeOnderwijs)
	r := h.call(t, "POST", "/api/v1/registraties", school.token, map[string]any{"burgerservicenummer": population.BSNTeen, "soort": "signaal"})
	p := wantProblem(t, r, http.StatusBadRequest, "geboortedatum")
	if !strings.Contains(string(r.body), "Vul de geboortedatum") {
		t.Errorf("problem %+v does not ask the birth date", p)
	}
	r = h.call(t, "POST", "/api/v1/registraties", school.token, map[string]any{"burgerservicenummer": population.BSNTeen, "geboortedatum": "2012-12-30", "soort": "signaal"})
	r.want(t, http.StatusCreated, nil)
}

// A registration sent again applies the informing sent with it, and says so.
func TestResentRegistrationAppliesTheInforming(t *testing.T) {
	t.Parallel()
	h := start(t)
	school := h.user(t, "Basisschool", model.TypeOnderwijs)
	h.register(t, school, population.BSNTeen, model.KindSignaal, http.StatusCreated)
	var got struct {
		Informatie struct{ Ouders, Jeugdige string } `json:"informatie"`
		Bericht    string                            `json:"bericht"`
	}
	h.call(t, "POST", "/api/v1/registraties", school.token, map[string]any{"burgerservicenummer": population.BSNTeen, "soort": "signaal", "ouders": "geinformeerd", "jeugdige": "niet-bereikbaar"}).
		want(t, http.StatusOK, &got)
	if got.Informatie.Ouders != "geinformeerd" || got.Informatie.Jeugdige != "niet-bereikbaar" || !strings.Contains(got.Bericht, "informeren is bijgewerkt") {
		t.Errorf("resent with informing: %+v", got)
	}
}
