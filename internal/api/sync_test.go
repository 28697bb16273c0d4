package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/api"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/synchronisation"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

type syncAnswer struct {
	ID           int64  `json:"id"`
	Proef        bool   `json:"proef"`
	Status       string `json:"status"`
	AantalRegels int    `json:"aantalRegels"`
	Verwerkt     int    `json:"verwerkt"`
	Aantallen    struct {
		Aangemaakt  int `json:"aangemaakt"`
		Ongewijzigd int `json:"ongewijzigd"`
		Bijgewerkt  int `json:"bijgewerkt"`
		Beeindigd   int `json:"beeindigd"`
		Geweigerd   int `json:"geweigerd"`
	} `json:"aantallen"`
	GeweigerdeRegels []struct {
		Regel  int `json:"regel"`
		Fouten []struct {
			Veld  string `json:"veld"`
			Reden string `json:"reden"`
		} `json:"fouten"`
	} `json:"geweigerdeRegels"`
}

func syncBody(complete bool, lines ...map[string]string) map[string]any {
	return map[string]any{"volledig": complete, "aantalRegels": len(lines), "regels": lines}
}

func TestSynchronisationOverTheAPIAnswersItsCountsAndItsReportAgain(t *testing.T) {
	h := start(t)
	care := h.user(t, "Jeugdhulp De Brug", model.TypeJeugdhulp)
	token := h.clientSystem(t, care.Organisation)
	h.register(t, care, population.BSNChild, model.KindKetenregistratie, http.StatusCreated)
	body := syncBody(true,
		map[string]string{"burgerservicenummer": population.BSNTeen, "soort": "ketenregistratie", "medewerker": care.email()},
		map[string]string{"burgerservicenummer": "123456789", "soort": "ketenregistratie", "medewerker": care.email()},
	)

	var dry syncAnswer
	h.call(t, "POST", "/api/v1/synchronisaties?proef=true", token, body).want(t, http.StatusOK, &dry)
	if !dry.Proef || dry.ID != 0 || dry.Aantallen.Aangemaakt != 1 || dry.Aantallen.Beeindigd != 1 || dry.Aantallen.Geweigerd != 1 {
		t.Fatalf("dry run answered %+v", dry)
	}
	if n := testenv.Count(t, testenv.RawDB(t, h.env), "sync_reports"); n != 0 {
		t.Fatalf("a dry run kept %d reports", n)
	}

	res := h.call(t, "POST", "/api/v1/synchronisaties", token, body)
	var got syncAnswer
	res.want(t, http.StatusCreated, &got)
	if got.Aantallen != dry.Aantallen || got.Status != "klaar" || got.Verwerkt != 2 {
		t.Fatalf("synchronisation answered %+v, the dry run %+v", got, dry)
	}
	if len(got.GeweigerdeRegels) != 1 || got.GeweigerdeRegels[0].Regel != 2 || got.GeweigerdeRegels[0].Fouten[0].Veld != "burgerservicenummer" {
		t.Fatalf("refused lines %+v, want line 2 for its burgerservicenummer", got.GeweigerdeRegels)
	}
	loc := res.header.Get("Location")
	if loc != fmt.Sprintf("/api/v1/synchronisaties/%d", got.ID) {
		t.Fatalf("Location %q", loc)
	}
	var again syncAnswer
	h.call(t, "GET", loc, token, nil).want(t, http.StatusOK, &again)
	if again.ID != got.ID || again.Aantallen != got.Aantallen || len(again.GeweigerdeRegels) != 1 {
		t.Fatalf("report again %+v, want %+v", again, got)
	}
	other := h.clientSystem(t, h.user(t, "Stedelijk College", model.TypeOnderwijs).Organisation)
	h.call(t, "GET", loc, other, nil).want(t, http.StatusNotFound, nil)
}

func TestListThatDidNotArriveWholeIsRefusedAsProblem(t *testing.T) {
	h := start(t)
	care := h.user(t, "Jeugdhulp De Brug", model.TypeJeugdhulp)
	h.register(t, care, population.BSNChild, model.KindKetenregistratie, http.StatusCreated)
	body := syncBody(true, map[string]string{"burgerservicenummer": population.BSNTeen, "soort": "ketenregistratie"})
	body["aantalRegels"] = 2
	res := h.call(t, "POST", "/api/v1/synchronisaties", care.token, body)
	var p struct {
		Detail        string                  `json:"detail"`
		InvalidParams []struct{ Name string } `json:"invalidParams"`
	}
	res.want(t, http.StatusBadRequest, &p)
	if !strings.HasPrefix(res.header.Get("Content-Type"), "application/problem+json") || len(p.InvalidParams) == 0 || p.InvalidParams[0].Name != "aantalRegels" {
		t.Fatalf("answer %s %s", res.header.Get("Content-Type"), res.body)
	}
	if n := testenv.CountWhere(t, testenv.RawDB(t, h.env), `SELECT count(*) FROM registrations WHERE ended_at IS NULL`); n != 1 {
		t.Fatalf("%d active registrations after a cut list, want the 1 there was", n)
	}
}

// TestDryRunParameterThatIsNotAYesOrANoChangesNothing: a client that wrote
// ?proef=ja meant a dry run; taking it as "no" would register the list.
func TestDryRunParameterThatIsNotAYesOrANoChangesNothing(t *testing.T) {
	h := start(t)
	care := h.user(t, "Jeugdhulp De Brug", model.TypeJeugdhulp)
	token := h.clientSystem(t, care.Organisation)
	body := syncBody(false, map[string]string{"burgerservicenummer": population.BSNTeen, "soort": "ketenregistratie", "medewerker": care.email()})
	for _, value := range []string{"ja", "yes", "proef"} {
		res := h.call(t, "POST", "/api/v1/synchronisaties?proef="+value, token, body)
		var p struct {
			InvalidParams []struct{ Name, Reason string } `json:"invalidParams"`
		}
		res.want(t, http.StatusBadRequest, &p)
		if !strings.HasPrefix(res.header.Get("Content-Type"), "application/problem+json") || len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "proef" {
			t.Fatalf("proef=%s: %s %s", value, res.header.Get("Content-Type"), res.body)
		}
	}
	db := testenv.RawDB(t, h.env)
	if n := testenv.Count(t, db, "registrations"); n != 0 {
		t.Fatalf("%d registrations after refused dry runs, want none", n)
	}
	if n := testenv.Count(t, db, "sync_reports"); n != 0 {
		t.Fatalf("%d reports after refused dry runs, want none", n)
	}
}

func TestListOfMoreThanTheMostLinesIsTooLarge(t *testing.T) {
	h := start(t)
	token := h.clientSystem(t, h.user(t, "Jeugdhulp De Brug", model.TypeJeugdhulp).Organisation)
	var b strings.Builder
	b.WriteString(`{"volledig":false,"regels":[`)
	for i := 0; i <= synchronisation.MaxLines; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"burgerservicenummer":"999998006","soort":"signaal"}`)
	}
	b.WriteString(`]}`)
	res := h.call(t, "POST", "/api/v1/synchronisaties", token, b.String())
	if res.status != http.StatusRequestEntityTooLarge || !strings.HasPrefix(res.header.Get("Content-Type"), "application/problem+json") {
		t.Fatalf("status %d %s: %.300s", res.status, res.header.Get("Content-Type"), res.body)
	}
}

// TestTokenLimitedToSynchronisingDoesNothingElse walks every route: a
// client system's token limited to synchronising is refused on each but
// the two synchronisation routes and the list of professionals, where it
// gets in.
func TestTokenLimitedToSynchronisingDoesNothingElse(t *testing.T) {
	h := start(t)
	care := h.user(t, "Jeugdhulp De Brug", model.TypeJeugdhulp)
	admin := h.admin(t)
	var created struct{ Token string }
	h.call(t, "POST", "/api/v1/tokens", admin.token, map[string]any{"organisatie": care.Organisation.ID, "bereik": "synchronisatie"}).want(t, http.StatusCreated, &created)

	for _, rt := range api.Routes() {
		path := strings.NewReplacer("{id}", "1", "{referentie}", "J-ZZZZZZZZ", "{registratie}", "1").Replace(rt.Path)
		var body any
		if rt.Method == "POST" {
			body = map[string]any{}
		}
		res := h.call(t, rt.Method, path, created.Token, body)
		switch {
		case rt.Path == "/api/v1/openapi.json":
		case strings.HasPrefix(rt.Path, "/api/v1/synchronisaties"), rt.Path == "/api/v1/medewerkers/synchronisatie":
			if res.status == http.StatusForbidden || res.status == http.StatusUnauthorized {
				t.Errorf("%s %s: %d for a token made to synchronise", rt.Method, rt.Path, res.status)
			}
		case res.status != http.StatusForbidden || !strings.Contains(string(res.body), "alleen synchroniseren"):
			t.Errorf("%s %s: %d %s, want 403: the token may only synchronise", rt.Method, rt.Path, res.status, res.body)
		}
	}
	var got syncAnswer
	h.call(t, "POST", "/api/v1/synchronisaties", created.Token,
		syncBody(false, map[string]string{"burgerservicenummer": population.BSNTeen, "soort": "ketenregistratie", "medewerker": care.email()})).
		want(t, http.StatusCreated, &got)
	if got.Aantallen.Aangemaakt != 1 {
		t.Fatalf("the synchronising token's synchronisation: %+v", got)
	}
	h.call(t, "POST", "/api/v1/tokens", admin.token, map[string]any{"medewerker": care.email(), "bereik": "synchronisatie"}).want(t, http.StatusBadRequest, nil)
}
