package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

// The privacy answers as a client reads them.

type informed struct {
	Ouders   string `json:"ouders"`
	Jeugdige string `json:"jeugdige"`
}

type privacyRegistration struct {
	ID         int64      `json:"id"`
	Status     string     `json:"status"`
	GeldigTot  string     `json:"geldigTot"`
	VerlengdOp *time.Time `json:"verlengdOp"`
	RedenEinde *string    `json:"redenEinde"`
	Informatie informed   `json:"informatie"`
}

type objection struct {
	ID           int64   `json:"id"`
	Jeugdige     string  `json:"jeugdige"`
	Uitkomst     *string `json:"uitkomst"`
	Registraties []struct {
		ID          int64         `json:"id"`
		Status      string        `json:"status"`
		Organisatie *organisation `json:"organisatie"`
	} `json:"registraties"`
}

func TestAPIRegistrationRecordsWhetherParentsAndYouthWereInformed(t *testing.T) {
	t.Parallel()
	h := start(t)
	school := h.user(t, "Stedelijk College", model.TypeOnderwijs)
	jh := h.user(t, "Jeugdhulp Noord", model.TypeJeugdhulp)

	var got privacyRegistration
	h.call(t, "POST", "/api/v1/registraties", school.token, map[string]any{
		"burgerservicenummer": population.BSNTeen, "soort": "signaal", "ouders": "geinformeerd-niet-eens", "jeugdige": "niet-informeren-veiligheid",
	}).want(t, http.StatusCreated, &got)
	if got.Informatie != (informed{"geinformeerd-niet-eens", "niet-informeren-veiligheid"}) || got.GeldigTot != "2028-11-22" {
		t.Fatalf("registration = %+v; want the informing as sent and a term until 2028-11-22", got)
	}
	h.call(t, "POST", "/api/v1/registraties", jh.token, map[string]any{"burgerservicenummer": population.BSNChild, "soort": "ketenregistratie"}).want(t, http.StatusCreated, &got)
	if got.Informatie != (informed{"nog-niet-geinformeerd", "niet-van-toepassing"}) {
		t.Fatalf("defaults for a 9-year-old = %+v", got.Informatie)
	}

	for _, c := range []struct {
		name  string
		body  map[string]any
		field string
	}{
		{"unknown code", map[string]any{"burgerservicenummer": population.BSNYoungAdult, "soort": "signaal", "ouders": "boos"}, "ouders"},
		{"not applicable from 12", map[string]any{"burgerservicenummer": population.BSNYoungAdult, "soort": "signaal", "jeugdige": "niet-van-toepassing"}, "jeugdige"},
		{"free text", map[string]any{"burgerservicenummer": population.BSNYoungAdult, "soort": "signaal", "ouders": "geinformeerd", "toelichting": "moeder was boos"}, "toelichting"},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantProblem(t, h.call(t, "POST", "/api/v1/registraties", school.token, c.body), http.StatusBadRequest, c.field)
			if list := h.registrations(t, school); len(list) != 1 {
				t.Fatalf("%d registrations after refused input, want the 1 from before", len(list))
			}
		})
	}
}

func TestAPIOwningOrganisationRecordsInformingLater(t *testing.T) {
	t.Parallel()
	h := start(t)
	jh := h.user(t, "Jeugdhulp Noord", model.TypeJeugdhulp)
	ggz := h.user(t, "GGZ Oost", model.TypeGGZ)
	reg := h.register(t, jh, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)
	path := "/api/v1/registraties/" + itoa(reg.ID) + "/informatie"

	var got privacyRegistration
	h.call(t, "POST", path, jh.token, map[string]any{"ouders": "geinformeerd"}).want(t, http.StatusOK, &got)
	if got.Informatie != (informed{"geinformeerd", "nog-niet-geinformeerd"}) {
		t.Fatalf("after recording the parents were informed: %+v", got.Informatie)
	}
	wantProblem(t, h.call(t, "POST", path, ggz.token, map[string]any{"ouders": "geinformeerd"}), http.StatusNotFound)
	wantProblem(t, h.call(t, "POST", path, jh.token, map[string]any{}), http.StatusBadRequest, "ouders", "jeugdige")
	wantProblem(t, h.call(t, "POST", path, jh.token, map[string]any{"jeugdige": "niet-van-toepassing"}), http.StatusBadRequest, "jeugdige")
	h.call(t, "GET", "/api/v1/registraties/"+itoa(reg.ID), jh.token, nil).want(t, http.StatusOK, &got)
	if got.Informatie != (informed{"geinformeerd", "nog-niet-geinformeerd"}) {
		t.Fatalf("refused input changed the informing: %+v", got.Informatie)
	}
}

func TestAPIRenewalStartsANewTermAndEndedOnesCannotBeRenewed(t *testing.T) {
	t.Parallel()
	h := start(t)
	jh := h.user(t, "Jeugdhulp Noord", model.TypeJeugdhulp)
	reg := h.register(t, jh, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)
	path := "/api/v1/registraties/" + itoa(reg.ID) + "/verlengen"

	h.env.Clock.Set(time.Date(2027, 6, 1, 10, 0, 0, 0, time.UTC))
	var got privacyRegistration
	h.call(t, "POST", path, jh.token, nil).want(t, http.StatusOK, &got)
	if got.GeldigTot != "2029-05-31" || got.VerlengdOp == nil {
		t.Fatalf("renewed on 1 June 2027: %+v; want a term until 2029-05-31", got)
	}
	h.end(t, jh, reg.ID, http.StatusOK)
	wantProblem(t, h.call(t, "POST", path, jh.token, nil), http.StatusConflict)
}

func TestAPIUpheldObjectionWithdrawsTheRegistrationsAndTellsOnlyThat(t *testing.T) {
	t.Parallel()
	h := start(t)
	admin := h.admin(t)
	school := h.user(t, "Stedelijk College", model.TypeOnderwijs)
	smw := h.user(t, "SMW Eindhoven", model.TypeSMW)
	signal := h.register(t, school, population.BSNTeen, model.KindSignaal, http.StatusCreated)
	h.register(t, smw, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)

	body := map[string]any{"burgerservicenummer": population.BSNTeen, "gemeente": "Eindhoven", "ontvangen": "2026-11-20", "registraties": []int64{signal.ID}}
	wantProblem(t, h.call(t, "POST", "/api/v1/bezwaren", smw.token, body), http.StatusForbidden)
	wantProblem(t, h.call(t, "POST", "/api/v1/bezwaren", admin.token, map[string]any{"burgerservicenummer": population.BSNTeen, "gemeente": "", "ontvangen": "20-11-2026"}),
		http.StatusBadRequest, "ontvangen")
	wantProblem(t, h.call(t, "POST", "/api/v1/bezwaren", admin.token, map[string]any{"burgerservicenummer": population.BSNTeen, "gemeente": "", "ontvangen": "2026-11-20"}),
		http.StatusBadRequest, "gemeente")

	var o objection
	r := h.call(t, "POST", "/api/v1/bezwaren", admin.token, body)
	r.want(t, http.StatusCreated, &o)
	if o.Uitkomst != nil || len(o.Registraties) != 1 || o.Registraties[0].Status != "actief" || o.Registraties[0].Organisatie.Naam != "Stedelijk College" {
		t.Fatalf("recorded objection = %+v", o)
	}
	if loc := r.header.Get("Location"); loc != "/api/v1/bezwaren/"+itoa(o.ID) {
		t.Errorf("Location %q", loc)
	}
	decide := "/api/v1/bezwaren/" + itoa(o.ID) + "/besluit"
	wantProblem(t, h.call(t, "POST", decide, admin.token, map[string]any{"uitkomst": "ja", "datum": "2026-11-23"}), http.StatusBadRequest, "uitkomst")
	before := h.inbox(t, smw)
	h.call(t, "POST", decide, admin.token, map[string]any{"uitkomst": "toegewezen", "datum": "2026-11-23"}).want(t, http.StatusOK, &o)
	if o.Uitkomst == nil || *o.Uitkomst != "toegewezen" || o.Registraties[0].Status != "verwijderd" || o.Registraties[0].Organisatie != nil {
		t.Fatalf("decided objection = %+v", o)
	}
	wantProblem(t, h.call(t, "POST", decide, admin.token, map[string]any{"uitkomst": "afgewezen", "datum": "2026-11-23"}), http.StatusConflict)
	wantProblem(t, h.call(t, "POST", "/api/v1/bezwaren/999/besluit", admin.token, map[string]any{"uitkomst": "afgewezen", "datum": "2026-11-23"}), http.StatusNotFound)

	// The school's registration is gone; the SMW is told that, and nothing more.
	wantProblem(t, h.call(t, "GET", "/api/v1/registraties/"+itoa(signal.ID), school.token, nil), http.StatusNotFound)
	var withdrawn []message
	for _, m := range newMessages(before, h.inbox(t, smw)) {
		if m.Soort == "ingetrokken" {
			withdrawn = append(withdrawn, m)
		}
	}
	if len(withdrawn) != 1 || !strings.Contains(withdrawn[0].Tekst, "Stedelijk College") {
		t.Fatalf("SMW's withdrawal messages = %+v", withdrawn)
	}
	for _, secret := range []string{"bezwaar", "Bezwaar", "gemeente", "Eindhoven", admin.Professional.Name} {
		if strings.Contains(withdrawn[0].Onderwerp+withdrawn[0].Tekst, secret) {
			t.Errorf("the withdrawal message says %q:\n%s", secret, withdrawn[0].Tekst)
		}
	}
	var page struct {
		Betrokkenen []involvement `json:"betrokkenen"`
	}
	h.call(t, "GET", "/api/v1/jeugdigen/"+o.Jeugdige, smw.token, nil).want(t, http.StatusOK, &page)
	if len(page.Betrokkenen) != 1 {
		t.Fatalf("%d involved after the objection, want only the SMW", len(page.Betrokkenen))
	}
}

func TestAPIRegistrationMadeInErrorIsRemovedAtOnce(t *testing.T) {
	t.Parallel()
	h := start(t)
	jh := h.user(t, "Jeugdhulp Noord", model.TypeJeugdhulp)
	ggz := h.user(t, "GGZ Oost", model.TypeGGZ)
	reg := h.register(t, jh, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)
	path := "/api/v1/registraties/" + itoa(reg.ID) + "/verwijderen"

	reason := map[string]any{"reden": model.RemovalWrongYouth}
	wantProblem(t, h.call(t, "POST", path, ggz.token, reason), http.StatusNotFound)
	// Without a reason from the list nothing is removed.
	wantProblem(t, h.call(t, "POST", path, jh.token, map[string]any{}), http.StatusBadRequest, "reden")
	wantProblem(t, h.call(t, "POST", path, jh.token, map[string]any{"reden": "geen-zin"}), http.StatusBadRequest, "reden")
	var got struct {
		ID     int64  `json:"id"`
		Status string `json:"status"`
	}
	h.call(t, "POST", path, jh.token, reason).want(t, http.StatusOK, &got)
	if got.ID != reg.ID || got.Status != "verwijderd" {
		t.Fatalf("answer = %+v", got)
	}
	wantProblem(t, h.call(t, "GET", "/api/v1/registraties/"+itoa(reg.ID), jh.token, nil), http.StatusNotFound)
	if list := h.registrations(t, jh); len(list) != 0 {
		t.Fatalf("the removed registration is still listed (archived?): %+v", list)
	}
}

func TestAPIAccessReportAsJSONPageAndPDF(t *testing.T) {
	t.Parallel()
	h := start(t)
	admin := h.admin(t)
	school := h.user(t, "Stedelijk College", model.TypeOnderwijs)
	jh := h.user(t, "Jeugdhulp Noord", model.TypeJeugdhulp)
	h.register(t, school, population.BSNTeen, model.KindSignaal, http.StatusCreated)
	reg := h.register(t, jh, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)
	h.call(t, "GET", "/api/v1/jeugdigen/"+reg.Jeugdige.Referentie, jh.token, nil).want(t, http.StatusOK, nil)

	wantProblem(t, h.call(t, "POST", "/api/v1/inzage", jh.token, map[string]any{"burgerservicenummer": population.BSNTeen}), http.StatusForbidden)
	wantProblem(t, h.call(t, "POST", "/api/v1/inzage", admin.token, map[string]any{"burgerservicenummer": population.BSNTeen, "formaat": "docx"}), http.StatusBadRequest, "formaat")
	wantProblem(t, h.call(t, "POST", "/api/v1/inzage", admin.token, map[string]any{"burgerservicenummer": "123"}), http.StatusBadRequest, "burgerservicenummer")

	var rep struct {
		Jeugdige *struct {
			Referentie string `json:"referentie"`
		} `json:"jeugdige"`
		Registraties []struct {
			Organisatie organisation `json:"organisatie"`
			Soort       string       `json:"soort"`
			Informatie  informed     `json:"informatie"`
		} `json:"registraties"`
		Inzages []struct {
			Medewerker  string `json:"medewerker"`
			Organisatie string `json:"organisatie"`
			Object      string `json:"object"`
		} `json:"inzages"`
		Bericht string `json:"bericht"`
	}
	h.call(t, "POST", "/api/v1/inzage", admin.token, map[string]any{"burgerservicenummer": population.BSNTeen}).want(t, http.StatusOK, &rep)
	if rep.Jeugdige == nil || rep.Jeugdige.Referentie != reg.Jeugdige.Referentie || len(rep.Registraties) != 2 || rep.Registraties[0].Organisatie.Naam != "Stedelijk College" {
		t.Fatalf("report = %+v", rep)
	}
	var viewers []string
	for _, i := range rep.Inzages {
		viewers = append(viewers, i.Medewerker+" ("+i.Organisatie+") "+i.Object)
	}
	if len(viewers) != 1 || viewers[0] != jh.Professional.Name+" (Jeugdhulp Noord) jeugdige" {
		t.Fatalf("viewers in the report = %v; want the youth page by Jeugdhulp Noord", viewers)
	}

	page := h.call(t, "POST", "/api/v1/inzage", admin.token, map[string]any{"burgerservicenummer": population.BSNTeen, "formaat": "html"})
	if page.status != http.StatusOK || !strings.HasPrefix(page.header.Get("Content-Type"), "text/html") {
		t.Fatalf("HTML report: status %d, %q", page.status, page.header.Get("Content-Type"))
	}
	if csp := page.header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "style-src 'sha256-") || strings.Contains(csp, "script-src") {
		t.Errorf("HTML report's policy %q", csp)
	}
	if !bytes.Contains(page.body, []byte("Stedelijk College")) || bytes.Contains(bytes.ToLower(page.body), []byte("<script")) {
		t.Errorf("HTML report:\n%s", page.body)
	}
	pdf := h.call(t, "POST", "/api/v1/inzage", admin.token, map[string]any{"burgerservicenummer": population.BSNTeen, "formaat": "pdf"})
	if pdf.status != http.StatusOK || pdf.header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(pdf.body, []byte("%PDF-")) ||
		!strings.Contains(pdf.header.Get("Content-Disposition"), "attachment") || !bytes.Contains(pdf.body, []byte("Jeugdhulp Noord")) {
		t.Fatalf("PDF report: status %d, %q, %q, %.20q", pdf.status, pdf.header.Get("Content-Type"), pdf.header.Get("Content-Disposition"), pdf.body)
	}
	// Each report is in the audit trail, and so in the next report.
	h.call(t, "POST", "/api/v1/inzage", admin.token, map[string]any{"burgerservicenummer": population.BSNTeen}).want(t, http.StatusOK, &rep)
	if len(rep.Inzages) != 4 || rep.Inzages[3].Object != "inzagerapport" {
		t.Fatalf("report after three reports lists %+v", rep.Inzages)
	}

	var empty map[string]json.RawMessage
	h.call(t, "POST", "/api/v1/inzage", admin.token, map[string]any{"burgerservicenummer": population.BSNChild}).want(t, http.StatusOK, &empty)
	if string(empty["jeugdige"]) != "null" || string(empty["registraties"]) != "[]" || !strings.Contains(string(empty["bericht"]), "geen registraties") {
		t.Fatalf("report for a youth nobody registered = %s", empty)
	}
}
