package brpstub_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/population/brpstub"
)

// startStub serves the RvIG test set on a real listener, the clock on
// population.TestDay.
func startStub(t *testing.T, apiKey string) string {
	t.Helper()
	stub, err := brpstub.New(population.TestPersons())
	if err != nil {
		t.Fatal(err)
	}
	stub.APIKey = apiKey
	stub.Now = population.TestDay
	srv := httptest.NewServer(stub)
	t.Cleanup(srv.Close)
	return srv.URL
}

type answer struct {
	status      int
	contentType string
	body        map[string]any
}

func post(t *testing.T, url string, body any, header ...string) answer {
	t.Helper()
	b, _ := json.Marshal(body)
	if s, ok := body.(string); ok {
		b = []byte(s)
	}
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	a := answer{status: res.StatusCode, contentType: res.Header.Get("Content-Type")}
	if err := json.NewDecoder(res.Body).Decode(&a.body); err != nil {
		t.Fatalf("answer %d is no JSON: %v", res.StatusCode, err)
	}
	return a
}

func bsnQuery(fields []string, bsns ...string) map[string]any {
	return map[string]any{"type": "RaadpleegMetBurgerservicenummer", "fields": fields, "burgerservicenummer": bsns}
}

// roundTrip makes a literal comparable with a decoded JSON answer.
func roundTrip(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	json.Unmarshal(b, &out)
	return out
}

func personen(t *testing.T, a answer) []any {
	t.Helper()
	if a.status != http.StatusOK {
		t.Fatalf("status %d: %v", a.status, a.body)
	}
	list, ok := a.body["personen"].([]any)
	if !ok {
		t.Fatalf("no personen list in %v", a.body)
	}
	return list
}

func TestStubAnswersOnlyTheAskedFields(t *testing.T) {
	url := startStub(t, "") + "/personen"
	a := post(t, url, bsnQuery([]string{"burgerservicenummer", "naam.geslachtsnaam", "geboorte.datum"}, population.BSNTeen))
	want := roundTrip(t, []any{map[string]any{
		"burgerservicenummer": "999998006",
		"naam":                map[string]any{"geslachtsnaam": "Mastenbroek"},
		"geboorte":            map[string]any{"datum": map[string]any{"type": "Datum", "datum": "2012-12-30", "langFormaat": "30 december 2012"}},
	}})
	if got := personen(t, a); !reflect.DeepEqual(got, want) {
		t.Errorf("personen = %v\nwant %v", got, want)
	}
	if a.body["type"] != "RaadpleegMetBurgerservicenummer" || !strings.HasPrefix(a.contentType, "application/json") {
		t.Errorf("type %v, content type %q", a.body["type"], a.contentType)
	}
}

func TestStubServesAddressMunicipalityAndParentsFromTheGBAVColumns(t *testing.T) {
	url := startStub(t, "") + "/personen"
	fields := []string{"naam", "geslacht", "leeftijd", "gemeenteVanInschrijving", "verblijfplaats", "ouders.burgerservicenummer"}
	got := personen(t, post(t, url, bsnQuery(fields, population.BSNLeapDay)))
	want := roundTrip(t, []any{map[string]any{
		"naam": map[string]any{
			"voornamen": "Fuçili Anton Truus", "voorvoegsel": "van der", "geslachtsnaam": "Sommen",
			"voorletters": "F.A.T.", "volledigeNaam": "Fuçili Anton Truus van der Sommen",
		},
		"geslacht":                map[string]any{"code": "M", "omschrijving": "man"},
		"leeftijd":                18, // on population.TestDay
		"gemeenteVanInschrijving": map[string]any{"code": "0599"},
		"verblijfplaats": map[string]any{"type": "Adres", "verblijfadres": map[string]any{
			"officieleStraatnaam": "Anna van Westrienenstraat", "korteStraatnaam": "Anna van Westrienenstr",
			"huisnummer": 1, "huisletter": "C", "postcode": "3938SX", "woonplaats": "Rotterdam",
		}},
		"ouders": []any{map[string]any{"burgerservicenummer": "900194054"}},
	}})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("personen = %v\nwant %v", got, want)
	}
}

func TestStubGivesAWholeDateOrTableValueAndKeepsAnAddressItsType(t *testing.T) {
	url := startStub(t, "") + "/personen"
	got := personen(t, post(t, url, bsnQuery([]string{"geboorte.datum.langFormaat", "geslacht.code", "verblijfplaats.verblijfadres.postcode"}, population.BSNTeen)))
	want := roundTrip(t, []any{map[string]any{
		"geboorte":       map[string]any{"datum": map[string]any{"type": "Datum", "datum": "2012-12-30", "langFormaat": "30 december 2012"}},
		"geslacht":       map[string]any{"code": "M", "omschrijving": "man"},
		"verblijfplaats": map[string]any{"type": "Adres", "verblijfadres": map[string]any{"postcode": "3596CZ"}},
	}})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("personen = %v\nwant %v", got, want)
	}
}

func TestStubAnswersSeveralBSNsInOrderAndNobodyWithAnEmptyList(t *testing.T) {
	url := startStub(t, "") + "/personen"
	got := personen(t, post(t, url, bsnQuery([]string{"burgerservicenummer"}, population.BSNChild, "999999011", population.BSNTeen, population.BSNChild)))
	want := roundTrip(t, []any{map[string]any{"burgerservicenummer": population.BSNChild}, map[string]any{"burgerservicenummer": population.BSNTeen}})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("personen = %v, want %v", got, want)
	}
	// Nobody known: 200 with an empty list, as the contract has no 404.
	if got := personen(t, post(t, url, bsnQuery([]string{"burgerservicenummer"}, "999999011"))); len(got) != 0 {
		t.Errorf("unknown BSN gave %v", got)
	}
	// gemeenteVanInschrijving narrows the answer.
	q := bsnQuery([]string{"burgerservicenummer"}, population.BSNTeen)
	q["gemeenteVanInschrijving"] = "0599"
	if got := personen(t, post(t, url, q)); len(got) != 0 {
		t.Errorf("Jason (0518) found in 0599: %v", got)
	}
}

func TestStubFindsAHouseholdByPostcodeAndHouseNumber(t *testing.T) {
	url := startStub(t, "") + brpstub.BasePath + "/personen"
	a := post(t, url, map[string]any{"type": "ZoekMetPostcodeEnHuisnummer", "fields": []string{"burgerservicenummer", "naam.voornamen"}, "postcode": "3032 cg", "huisnummer": 651})
	var got []string
	for _, p := range personen(t, a) {
		m := p.(map[string]any)
		got = append(got, m["burgerservicenummer"].(string)+" "+m["naam"].(map[string]any)["voornamen"].(string))
	}
	want := []string{"999999345 Johan", "999999357 Wilma", "999999369 Teun", "999999370 Daan", "999999412 Hein"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("household = %v, want %v", got, want)
	}
	if a.body["type"] != "ZoekMetPostcodeEnHuisnummer" {
		t.Errorf("type = %v", a.body["type"])
	}
	for letter, n := range map[string]int{"c": 1, "D": 0} {
		a := post(t, url, map[string]any{"type": "ZoekMetPostcodeEnHuisnummer", "fields": []string{"burgerservicenummer"}, "postcode": "3938SX", "huisnummer": 1, "huisletter": letter})
		if got := personen(t, a); len(got) != n {
			t.Errorf("3938SX 1%s: %d persons, want %d", letter, len(got), n)
		}
	}
}

func TestStubRefusesBadRequestsAsTheSpecificationDescribes(t *testing.T) {
	url := startStub(t, "") + "/personen"
	bsn := []string{population.BSNTeen}
	many := make([]string, 21)
	for i := range many {
		many[i] = population.BSNTeen
	}
	postcode := func(extra map[string]any) map[string]any {
		q := map[string]any{"type": "ZoekMetPostcodeEnHuisnummer", "fields": []string{"burgerservicenummer"}}
		for k, v := range extra {
			q[k] = v
		}
		return q
	}
	cases := []struct {
		name  string
		body  any
		code  string // the problem's code
		param []string
	}{
		{"missing fields", map[string]any{"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": bsn},
			"paramsCombination", []string{"required fields Parameter is verplicht."}},
		{"empty fields", bsnQuery([]string{}, bsn...),
			"paramsValidation", []string{"minItems fields Array bevat minder dan 1 items."}},
		{"fields as one string", map[string]any{"type": "RaadpleegMetBurgerservicenummer", "fields": "burgerservicenummer,geslacht", "burgerservicenummer": bsn},
			"paramsValidation", []string{"array fields Parameter is geen array."}},
		{"unknown field", bsnQuery([]string{"burgerservicenummer", "aNummer", "bestaatNiet", "naam.roepnaam"}, bsn...),
			"paramsValidation", []string{"fields fields[2] Parameter bevat een niet bestaande veldnaam.", "fields fields[3] Parameter bevat een niet bestaande veldnaam."}},
		{"field with a bad character", bsnQuery([]string{"a*nummer"}, bsn...),
			"paramsValidation", []string{`pattern fields[0] Waarde voldoet niet aan patroon ^[a-zA-Z0-9\._]{1,200}$.`}},
		{"field delivered by itself", bsnQuery([]string{"inOnderzoek", "naam.inOnderzoek.voornamen", "geheimhoudingPersoonsgegevens"}, bsn...),
			"paramsValidation", []string{"fields fields[0] Parameter bevat een niet toegestane veldnaam.", "fields fields[1] Parameter bevat een niet toegestane veldnaam.", "fields fields[2] Parameter bevat een niet toegestane veldnaam."}},
		{"missing BSN", map[string]any{"type": "RaadpleegMetBurgerservicenummer", "fields": []string{"burgerservicenummer"}},
			"paramsCombination", []string{"required burgerservicenummer Parameter is verplicht."}},
		{"bad BSNs", bsnQuery([]string{"burgerservicenummer"}, "12345678", population.BSNTeen, "<script>123456789</script>"),
			"paramsValidation", []string{"pattern burgerservicenummer[0] Waarde voldoet niet aan patroon ^[0-9]{9}$.", "pattern burgerservicenummer[2] Waarde voldoet niet aan patroon ^[0-9]{9}$."}},
		{"21 BSNs", bsnQuery([]string{"burgerservicenummer"}, many...),
			"paramsValidation", []string{"maxItems burgerservicenummer Array bevat meer dan 20 items."}},
		{"missing type", map[string]any{"fields": []string{"burgerservicenummer"}, "burgerservicenummer": bsn},
			"paramsValidation", []string{"required type Parameter is verplicht."}},
		{"unknown type", map[string]any{"type": "raadpleegmetburgerservicenummer", "fields": []string{"burgerservicenummer"}, "burgerservicenummer": bsn},
			"paramsValidation", []string{"value type Waarde is geen geldig zoek type."}},
		{"parameter of another type", map[string]any{"type": "RaadpleegMetBurgerservicenummer", "fields": []string{"burgerservicenummer"}, "burgerservicenummer": bsn, "voornamen": "Jason"},
			"paramsValidation", []string{"unknownParam voornamen Parameter is niet verwacht."}},
		{"bad municipality", map[string]any{"type": "RaadpleegMetBurgerservicenummer", "fields": []string{"burgerservicenummer"}, "burgerservicenummer": bsn, "gemeenteVanInschrijving": "518"},
			"paramsValidation", []string{"pattern gemeenteVanInschrijving Waarde voldoet niet aan patroon ^[0-9]{4}$."}},
		{"no postcode and house number", postcode(nil),
			"paramsValidation", []string{"required postcode Parameter is verplicht.", "required huisnummer Parameter is verplicht."}},
		{"bad postcode and house number", postcode(map[string]any{"postcode": "0628HJ", "huisnummer": "twee"}),
			"paramsValidation", []string{"pattern postcode Waarde voldoet niet aan patroon ^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$.", "integer huisnummer Waarde is geen geldig getal."}},
		{"house number out of range", postcode(map[string]any{"postcode": "3032CG", "huisnummer": 100000}),
			"paramsValidation", []string{"integer huisnummer Waarde is geen geldig getal."}},
		{"bad letter and addition", postcode(map[string]any{"postcode": "3032CG", "huisnummer": 651, "huisletter": "1", "huisnummertoevoeging": "123.45"}),
			"paramsValidation", []string{"pattern huisletter Waarde voldoet niet aan patroon ^[a-zA-Z]{1}$.", `pattern huisnummertoevoeging Waarde voldoet niet aan patroon ^[a-zA-Z0-9 \-]{1,4}$.`}},
		{"address field on an address search", map[string]any{"type": "ZoekMetPostcodeEnHuisnummer", "fields": []string{"burgerservicenummer", "verblijfplaats"}, "postcode": "3032CG", "huisnummer": 651},
			"paramsValidation", []string{"fields fields[1] Parameter bevat een niet bestaande veldnaam."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := post(t, url, c.body)
			if a.status != http.StatusBadRequest || a.contentType != "application/problem+json" {
				t.Fatalf("status %d, content type %q: %v", a.status, a.contentType, a.body)
			}
			if a.body["code"] != c.code || a.body["status"] != float64(400) || a.body["instance"] != "/personen" {
				t.Errorf("problem %v, want code %s", a.body, c.code)
			}
			var got []string
			for _, p := range a.body["invalidParams"].([]any) {
				m := p.(map[string]any)
				got = append(got, m["code"].(string)+" "+m["name"].(string)+" "+m["reason"].(string))
			}
			if !reflect.DeepEqual(got, c.param) {
				t.Errorf("invalidParams = %q\nwant %q", got, c.param)
			}
		})
	}
}

func TestStubRequiresTheAPIKeyWhenConfigured(t *testing.T) {
	url := startStub(t, "sleutel-123") + "/personen"
	q := bsnQuery([]string{"burgerservicenummer"}, population.BSNTeen)
	for _, key := range []string{"", "sleutel-12", "sleutel-1234"} {
		a := post(t, url, q, "X-API-KEY", key)
		if a.status != http.StatusUnauthorized || a.body["code"] != "authentication" || a.contentType != "application/problem+json" {
			t.Errorf("key %q: status %d, %v", key, a.status, a.body)
		}
	}
	if got := personen(t, post(t, url, q, "X-API-KEY", "sleutel-123")); len(got) != 1 {
		t.Errorf("with the key: %v", got)
	}
}

func TestStubRefusesWhatIsNoJSONQuery(t *testing.T) {
	base := startStub(t, "")
	q, _ := json.Marshal(bsnQuery([]string{"burgerservicenummer"}, population.BSNTeen))
	cases := []struct {
		name, method, path, contentType, body string
		status                                int
		accept                                string
	}{
		{"accepts no JSON", http.MethodPost, "/personen", "application/json", string(q), http.StatusNotAcceptable, "text/html"},
		{"form", http.MethodPost, "/personen", "application/x-www-form-urlencoded", "type=RaadpleegMetBurgerservicenummer", http.StatusUnsupportedMediaType, ""},
		{"GET", http.MethodGet, "/personen", "", "", http.StatusMethodNotAllowed, ""},
		{"other path", http.MethodPost, "/ingeschrevenpersonen", "application/json", string(q), http.StatusNotFound, ""},
		{"broken JSON", http.MethodPost, "/personen", "application/json", `{"type":`, http.StatusBadRequest, ""},
		{"array", http.MethodPost, "/personen", "application/json", `[]`, http.StatusBadRequest, ""},
		{"type the stub does not answer", http.MethodPost, "/personen", "application/json",
			`{"type":"ZoekMetGeslachtsnaamEnGeboortedatum","fields":["burgerservicenummer"],"geslachtsnaam":"Mastenbroek","geboortedatum":"2012-12-30"}`, http.StatusNotImplemented, ""},
	}
	for _, c := range cases {
		req, _ := http.NewRequest(c.method, base+c.path, strings.NewReader(c.body))
		if c.contentType != "" {
			req.Header.Set("Content-Type", c.contentType)
		}
		if c.accept != "" {
			req.Header.Set("Accept", c.accept)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != c.status || res.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: status %d (%s), want %d problem+json", c.name, res.StatusCode, res.Header.Get("Content-Type"), c.status)
		}
	}
}

func TestStubAgeFollowsItsClock(t *testing.T) {
	stub, err := brpstub.New(population.TestPersons())
	if err != nil {
		t.Fatal(err)
	}
	stub.Now = func() time.Time { return time.Date(2026, 12, 29, 23, 30, 0, 0, time.UTC) } // 30 December in Amsterdam
	srv := httptest.NewServer(stub)
	defer srv.Close()
	got := personen(t, post(t, srv.URL+"/personen", bsnQuery([]string{"leeftijd"}, population.BSNTeen)))
	if age := got[0].(map[string]any)["leeftijd"]; age != float64(14) {
		t.Errorf("Jason's age on his birthday = %v, want 14", age)
	}
}

func TestStubDerivesInitialsAsRvIGSpecifies(t *testing.T) {
	url := startStub(t, "") + "/personen"
	got := personen(t, post(t, url, bsnQuery([]string{"naam.voorletters"}, population.BSNChild)))
	if v := got[0].(map[string]any)["naam"].(map[string]any)["voorletters"]; v != "V.F.D." {
		t.Errorf("initials of Vincent Frederik Declan = %v, want V.F.D.", v)
	}
}
