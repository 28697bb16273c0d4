package api_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

type escalationSeen struct {
	Status            string `json:"status"`
	Referentie        string `json:"referentie"`
	Doorzettingsmacht struct {
		Soort string `json:"soort"`
	} `json:"doorzettingsmacht"`
	VolgendeStap *int `json:"volgendeStap"`
	Stappen      []struct {
		Stap       int        `json:"stap"`
		Status     string     `json:"status"`
		Uiterlijk  *time.Time `json:"uiterlijk"`
		GedaanDoor *struct {
			Naam string `json:"naam"`
		} `json:"gedaanDoor"`
		Uitkomst *string `json:"uitkomst"`
	} `json:"stappen"`
}

type escalationResponse struct {
	Escalatie *escalationSeen `json:"escalatie"`
}

type pyramid struct {
	Niveau       *int `json:"niveau"`
	Bijeenroepen *struct {
		Uiterlijk time.Time `json:"uiterlijk"`
		BelegdOp  *string   `json:"belegdOp"`
	} `json:"bijeenroepen"`
	Brandpunt *struct {
		Uren      int `json:"uren"`
		Stagnatie *struct {
			Uiterlijk        time.Time  `json:"uiterlijk"`
			BijeengeroepenOp *time.Time `json:"bijeengeroepenOp"`
			OpdrachtOp       *time.Time `json:"opdrachtOp"`
		} `json:"stagnatie"`
	} `json:"brandpunt"`
}

type pyramidResponse struct {
	Zorgpiramide *pyramid `json:"zorgpiramide"`
}

// escalationWorld is a school and a youth-care provider that coordinates,
// accepted, under the brabant covenant; a regional administrator; and a JGZ
// that is not involved.
func escalationWorld(t *testing.T) (h *harness, school, jh, admin, outsider user, ref string) {
	t.Helper()
	h = start(t)
	school = h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	jh = h.user(t, "Jeugdhulp Brabant", model.TypeJeugdhulp)
	outsider = h.user(t, "JGZ Zuidoost-Brabant", model.TypeJGZ)
	admin = h.admin(t)
	h.register(t, school, population.BSNChild, model.KindSignaal, http.StatusCreated)
	r := h.register(t, jh, population.BSNChild, model.KindKetenregistratie, http.StatusCreated)
	ref = r.Jeugdige.Referentie
	if _, err := h.env.Registry.Coordinations.AcceptCoordination(t.Context(), jh.Actor, ref, ""); err != nil {
		t.Fatal(err)
	}
	return h, school, jh, admin, outsider, ref
}

func TestAPIEscalationStepByStep(t *testing.T) {
	h, school, jh, admin, outsider, ref := escalationWorld(t)
	path := "/api/v1/jeugdigen/" + ref + "/escalatie"
	var out escalationResponse
	h.call(t, "GET", path, school.token, nil).want(t, http.StatusOK, &out)
	if out.Escalatie != nil {
		t.Fatalf("escalation before any started: %+v", out.Escalatie)
	}
	wantProblem(t, h.call(t, "POST", path, school.token, nil), http.StatusForbidden)

	h.call(t, "POST", path, jh.token, nil).want(t, http.StatusCreated, &out)
	e := out.Escalatie
	// Monday 23 November 2026, 10:00: step 2 is due by the end of Wednesday.
	due := time.Date(2026, 11, 25, 22, 59, 59, 999e6, time.UTC)
	if e == nil || e.Status != "lopend" || e.Doorzettingsmacht.Soort != "wethouder" || e.VolgendeStap == nil || *e.VolgendeStap != 2 ||
		len(e.Stappen) != 7 || e.Stappen[0].Status != "gedaan" || e.Stappen[1].Status != "aan-de-beurt" || e.Stappen[1].Uiterlijk == nil || !e.Stappen[1].Uiterlijk.Equal(due) {
		t.Fatalf("started escalation %+v", e)
	}
	wantProblem(t, h.call(t, "POST", path, jh.token, nil), http.StatusConflict)

	steps := path + "/stappen"
	wantProblem(t, h.call(t, "POST", steps, jh.token, map[string]any{"stap": 4}), http.StatusConflict)
	wantProblem(t, h.call(t, "POST", steps, jh.token, map[string]any{"stap": 2, "uitkomst": "overeenstemming"}), http.StatusBadRequest, "uitkomst")
	wantProblem(t, h.call(t, "POST", steps, jh.token, map[string]any{"stap": 2, "reden": "ruzie"}), http.StatusBadRequest, "reden")
	wantProblem(t, h.call(t, "POST", steps, school.token, map[string]any{"stap": 2}), http.StatusForbidden)
	h.call(t, "POST", steps, jh.token, map[string]any{"stap": 2}).want(t, http.StatusOK, &out)
	wantProblem(t, h.call(t, "POST", steps, jh.token, map[string]any{"stap": 2}), http.StatusConflict)

	// A client system records for a professional it names.
	client := h.clientSystem(t, jh.Organisation)
	h.call(t, "POST", steps, client, map[string]any{"stap": 3, "uitkomst": "geen-overeenstemming", "medewerker": jh.email()}).want(t, http.StatusOK, &out)
	if s := out.Escalatie.Stappen[2]; s.Uitkomst == nil || *s.Uitkomst != "geen-overeenstemming" || s.GedaanDoor == nil || s.GedaanDoor.Naam != jh.Professional.Name {
		t.Fatalf("step 3 = %+v", s)
	}
	h.call(t, "POST", steps, jh.token, map[string]any{"stap": 4}).want(t, http.StatusOK, &out)
	wantProblem(t, h.call(t, "POST", steps, jh.token, map[string]any{"stap": 5}), http.StatusForbidden)

	// The administrator is not involved but records the alderman's ruling.
	h.call(t, "GET", path, admin.token, nil).want(t, http.StatusOK, &out)
	h.call(t, "POST", steps, admin.token, map[string]any{"stap": 5}).want(t, http.StatusOK, &out)
	if *out.Escalatie.VolgendeStap != 6 {
		t.Fatalf("next step %d, want 6", *out.Escalatie.VolgendeStap)
	}

	missing := wantProblem(t, h.call(t, "GET", "/api/v1/jeugdigen/J-ZZZZZZZZ/escalatie", outsider.token, nil), http.StatusNotFound)
	refused := wantProblem(t, h.call(t, "GET", path, outsider.token, nil), http.StatusNotFound)
	if missing.Detail != refused.Detail {
		t.Errorf("refusal %q differs from the answer for an unknown youth %q", refused.Detail, missing.Detail)
	}

	h.call(t, "POST", path+"/intrekken", jh.token, nil).want(t, http.StatusOK, &out)
	if out.Escalatie.Status != "ingetrokken" || out.Escalatie.VolgendeStap != nil {
		t.Fatalf("after withdrawing: %+v", out.Escalatie)
	}
	wantProblem(t, h.call(t, "POST", path+"/intrekken", jh.token, nil), http.StatusConflict)
}

func TestAPIBrandpuntStepsAreTheAdministrators(t *testing.T) {
	h, school, jh, admin, _, ref := escalationWorld(t)
	base := "/api/v1/jeugdigen/" + ref + "/zorgpiramide"
	var out pyramidResponse
	h.call(t, "GET", base, school.token, nil).want(t, http.StatusOK, &out)
	if out.Zorgpiramide != nil {
		t.Errorf("brabant has a care pyramid: %+v", out.Zorgpiramide)
	}
	wantProblem(t, h.call(t, "POST", base+"/stagnatie", school.token, nil), http.StatusConflict)
	wantProblem(t, h.call(t, "POST", base+"/overleg", jh.token, map[string]any{"datum": "2026-11-24"}), http.StatusConflict)
	for _, who := range []user{school, jh} {
		wantProblem(t, h.call(t, "POST", base+"/stagnatie/bijeengeroepen", who.token, nil), http.StatusForbidden)
	}
	wantProblem(t, h.call(t, "POST", base+"/stagnatie/bijeengeroepen", admin.token, nil), http.StatusNotFound)
}

func TestAPIAlmereConveneAndBrandpunt(t *testing.T) {
	h := startWith(t, func(cfg *server.Config) {
		almere, err := covenant.Preset("almere")
		if err != nil {
			t.Fatal(err)
		}
		cfg.Covenant = almere
	})
	school := h.user(t, "Basisschool De Wissel", model.TypeOnderwijs)
	wijkteam := h.user(t, "Wijkteam Almere Haven", model.TypeWijkteam)
	jgz := h.user(t, "JGZ Almere", model.TypeJGZ)
	jh := h.user(t, "Jeugdhulp Flevoland", model.TypeJeugdhulp)
	admin := h.admin(t)
	var ref string
	for i, u := range []user{school, wijkteam, jgz, jh} {
		kind := model.KindKetenregistratie
		if i == 0 {
			kind = model.KindSignaal
		}
		ref = h.register(t, u, population.BSNChild, kind, http.StatusCreated).Jeugdige.Referentie
	}
	base := "/api/v1/jeugdigen/" + ref + "/zorgpiramide"
	var out pyramidResponse
	h.call(t, "GET", base, jgz.token, nil).want(t, http.StatusOK, &out)
	p := out.Zorgpiramide
	// Level 3 from Monday 23 November: convene by the end of Monday 30 November.
	if p == nil || p.Niveau == nil || *p.Niveau != 3 || p.Bijeenroepen == nil || !p.Bijeenroepen.Uiterlijk.Equal(time.Date(2026, 11, 30, 22, 59, 59, 999e6, time.UTC)) ||
		p.Brandpunt == nil || p.Brandpunt.Uren != 48 {
		t.Fatalf("pyramid %+v", p)
	}
	if _, err := h.env.Registry.Coordinations.AcceptCoordination(t.Context(), wijkteam.Actor, ref, ""); err != nil {
		t.Fatal(err)
	}
	wantProblem(t, h.call(t, "POST", base+"/overleg", jgz.token, map[string]any{"datum": "2026-11-27"}), http.StatusForbidden)
	wantProblem(t, h.call(t, "POST", base+"/overleg", wijkteam.token, map[string]any{"datum": "27 november"}), http.StatusBadRequest, "datum")
	h.call(t, "POST", base+"/overleg", wijkteam.token, map[string]any{"datum": "27-11-2026"}).want(t, http.StatusOK, &out)
	if b := out.Zorgpiramide.Bijeenroepen; b.BelegdOp == nil || *b.BelegdOp != "2026-11-27" {
		t.Fatalf("after recording: %+v", b)
	}

	h.call(t, "POST", base+"/stagnatie", school.token, nil).want(t, http.StatusCreated, &out)
	st := out.Zorgpiramide.Brandpunt.Stagnatie
	if *out.Zorgpiramide.Niveau != 4 || st == nil || !st.Uiterlijk.Equal(h.env.Clock.Now().Add(48*time.Hour)) {
		t.Fatalf("after the report: level %v, %+v", *out.Zorgpiramide.Niveau, st)
	}
	wantProblem(t, h.call(t, "POST", base+"/stagnatie/opdracht", admin.token, nil), http.StatusConflict)
	h.call(t, "POST", base+"/stagnatie/bijeengeroepen", admin.token, nil).want(t, http.StatusOK, &out)
	h.call(t, "POST", base+"/stagnatie/opdracht", admin.token, nil).want(t, http.StatusOK, &out)
	if st := out.Zorgpiramide.Brandpunt.Stagnatie; st.BijeengeroepenOp == nil || st.OpdrachtOp == nil {
		t.Fatalf("after the brandpunt's steps: %+v", st)
	}
}
