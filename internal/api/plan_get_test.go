package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

// The plan of action as a client reads it.

type agreementResponse struct {
	ID                int64  `json:"id"`
	Actie             string `json:"actie"`
	Verantwoordelijke struct {
		Naam     string `json:"naam"`
		Telefoon string `json:"telefoon"`
		Email    string `json:"email"`
	} `json:"verantwoordelijke"`
	Organisatie organisation `json:"organisatie"`
	Startdatum  string       `json:"startdatum"`
	Einddatum   string       `json:"einddatum"`
	Status      string       `json:"status"`
	Verlopen    bool         `json:"verlopen"`
}

type signallerResponse struct {
	Registratie        int64        `json:"registratie"`
	Organisatie        organisation `json:"organisatie"`
	Soort              string       `json:"soort"`
	GebeldOp           *string      `json:"gebeldOp"`
	OverlegOnterechtOp *string      `json:"overlegOnterechtOp"`
	Medewerker         struct {
		Naam     string `json:"naam"`
		Telefoon string `json:"telefoon"`
	} `json:"medewerker"`
}

type planResponse struct {
	Jeugdige      string              `json:"jeugdige"`
	Wijzigbaar    bool                `json:"wijzigbaar"`
	Acties        []string            `json:"acties"`
	Afspraken     []agreementResponse `json:"afspraken"`
	Signaalgevers []signallerResponse `json:"signaalgevers"`
}

// planHarness: a school and the police signalled, the wijkteam coordinates
// and accepted; a JGZ is not involved.
type planHarness struct {
	*harness
	school, police, wijkteam, jgz user
	ref                           string
	schoolSignal, policeSignal    int64
}

func startPlan(t *testing.T) *planHarness {
	t.Helper()
	h := &planHarness{harness: start(t)}
	h.school = h.user(t, "Stedelijk College", model.TypeOnderwijs)
	h.police = h.user(t, "Politie Oost-Brabant", model.TypePolitie)
	h.wijkteam = h.user(t, "Wijkteam Woensel", model.TypeWijkteam)
	h.jgz = h.user(t, "JGZ Zuidoost-Brabant", model.TypeJGZ)
	h.schoolSignal = h.register(t, h.school, population.BSNTeen, model.KindSignaal, http.StatusCreated).ID
	h.policeSignal = h.register(t, h.police, population.BSNTeen, model.KindSignaal, http.StatusCreated).ID
	care := h.register(t, h.wijkteam, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)
	h.ref = care.Jeugdige.Referentie
	if _, err := h.env.Registry.Coordinations.AcceptCoordination(t.Context(), h.wijkteam.Actor, h.ref, ""); err != nil {
		t.Fatal(err)
	}
	return h
}

func (h *planHarness) plan(t *testing.T, u user) planResponse {
	t.Helper()
	var out planResponse
	h.call(t, "GET", "/api/v1/jeugdigen/"+h.ref+"/plan", u.token, nil).want(t, http.StatusOK, &out)
	return out
}

func kindsOf(msgs []message, kind string) []message {
	var out []message
	for _, m := range msgs {
		if m.Soort == kind {
			out = append(out, m)
		}
	}
	return out
}

func TestAPIThePlanOfAction(t *testing.T) {
	t.Parallel()
	h := startPlan(t)
	path := "/api/v1/jeugdigen/" + h.ref + "/plan/afspraken"
	good := map[string]any{"actie": "gesprek met jeugdige", "verantwoordelijke": h.school.email(), "startdatum": "2026-11-23", "einddatum": "2026-11-24"}

	var a agreementResponse
	h.call(t, "POST", path, h.wijkteam.token, good).want(t, http.StatusCreated, &a)
	if a.ID == 0 || a.Actie != "gesprek met jeugdige" || a.Verantwoordelijke.Email != h.school.email() || a.Organisatie.ID != h.school.Organisation.ID ||
		a.Status != "open" || a.Einddatum != "2026-11-24" || a.Verlopen {
		t.Fatalf("created agreement = %+v", a)
	}
	if got := kindsOf(h.inbox(t, h.school), "afspraak"); len(got) != 1 || got[0].Jeugdige != h.ref {
		t.Errorf("the responsible's inbox has %+v, want one 'afspraak' about the youth", got)
	}

	// Refusals: another involved organisation, the uninvolved, bad input.
	p := wantProblem(t, h.call(t, "POST", path, h.school.token, good), http.StatusForbidden)
	if !strings.Contains(p.Detail, "coördinerende organisatie") {
		t.Errorf("403 detail %q", p.Detail)
	}
	refused := h.call(t, "POST", path, h.jgz.token, good)
	unknown := h.call(t, "POST", "/api/v1/jeugdigen/J-ZZZZZZZZ/plan/afspraken", h.jgz.token, good)
	wantProblem(t, refused, http.StatusNotFound)
	if string(refused.body) != string(unknown.body) {
		t.Errorf("the refusal differs from the answer for an unknown youth:\n%s\n%s", refused.body, unknown.body)
	}
	bad := map[string]any{"actie": "Sanne wordt gepest", "verantwoordelijke": h.school.email(), "startdatum": "2026-11-23", "einddatum": "2026-11-24"}
	p = wantProblem(t, h.call(t, "POST", path, h.wijkteam.token, bad), http.StatusBadRequest, "actie")
	if strings.Contains(p.Detail+p.InvalidParams[0].Reason, "gepest") {
		t.Errorf("the refusal repeats the free text: %+v", p)
	}
	bad = map[string]any{"actie": "huisbezoek", "verantwoordelijke": h.school.email(), "startdatum": "2026-11-24", "einddatum": "2026-11-23"}
	wantProblem(t, h.call(t, "POST", path, h.wijkteam.token, bad), http.StatusBadRequest, "einddatum")
	bad = map[string]any{"actie": "huisbezoek", "verantwoordelijke": h.jgz.email(), "startdatum": "24-11-2026", "einddatum": "2026-11-23"}
	wantProblem(t, h.call(t, "POST", path, h.wijkteam.token, bad), http.StatusBadRequest, "startdatum")
	bad = map[string]any{"actie": "huisbezoek", "verantwoordelijke": h.jgz.email(), "startdatum": "2026-11-23", "einddatum": "2026-11-23", "inhoud": "x"}
	wantProblem(t, h.call(t, "POST", path, h.wijkteam.token, bad), http.StatusBadRequest, "inhoud")

	// Everyone involved sees it; only the coordinator may change it.
	seen := h.plan(t, h.police)
	if seen.Wijzigbaar || len(seen.Acties) != 0 || len(seen.Afspraken) != 1 || len(seen.Signaalgevers) != 2 {
		t.Fatalf("the police's plan = %+v", seen)
	}
	mine := h.plan(t, h.wijkteam)
	if !mine.Wijzigbaar || len(mine.Acties) == 0 {
		t.Fatalf("the coordinator's plan = %+v", mine)
	}
	wantProblem(t, h.call(t, "GET", "/api/v1/jeugdigen/"+h.ref+"/plan", h.jgz.token, nil), http.StatusNotFound)

	// Overdue once the end day has passed (Dutch days), flagged to both.
	h.env.Clock.Set(time.Date(2026, 11, 24, 23, 30, 0, 0, time.UTC)) // 00:30 on the 25th in Amsterdam
	if _, err := h.env.Registry.SweepDeadlines(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := h.plan(t, h.school).Afspraken[0]; !got.Verlopen {
		t.Errorf("agreement after its end day = %+v, want verlopen", got)
	}
	for _, u := range []user{h.school, h.wijkteam} {
		if got := kindsOf(h.inbox(t, u), "afspraak-verlopen"); len(got) != 1 {
			t.Errorf("%s has %d 'afspraak-verlopen' messages, want 1", u.Organisation.Name, len(got))
		}
	}

	// The coordinator closes it; an agreement of another youth is not found.
	update := path + "/" + itoa(a.ID)
	h.call(t, "POST", update, h.wijkteam.token, map[string]any{"status": "gedaan"}).want(t, http.StatusOK, &a)
	if a.Status != "gedaan" || a.Verlopen || a.Einddatum != "2026-11-24" {
		t.Fatalf("after the update: %+v", a)
	}
	wantProblem(t, h.call(t, "POST", update, h.school.token, map[string]any{"status": "open"}), http.StatusForbidden)
	wantProblem(t, h.call(t, "POST", update, h.wijkteam.token, map[string]any{"status": "misschien"}), http.StatusBadRequest, "status")
	wantProblem(t, h.call(t, "POST", path+"/987654", h.wijkteam.token, map[string]any{"status": "open"}), http.StatusNotFound)
	wantProblem(t, h.call(t, "POST", path+"/abc", h.wijkteam.token, map[string]any{"status": "open"}), http.StatusNotFound)
	// A client system acts for a named professional of the coordinator.
	client := h.clientSystem(t, h.wijkteam.Organisation)
	h.call(t, "POST", update, client, map[string]any{"status": "niet-nagekomen", "medewerker": h.wijkteam.email()}).want(t, http.StatusOK, &a)
	if a.Status != "niet-nagekomen" {
		t.Errorf("status after the client system's update = %q", a.Status)
	}
}

func TestAPISignallersAreCalledAndAWrongSignalIsRemovedAfterConsultation(t *testing.T) {
	t.Parallel()
	h := startPlan(t)
	base := "/api/v1/jeugdigen/" + h.ref + "/signaalgevers/"

	var s signallerResponse
	h.call(t, "POST", base+itoa(h.schoolSignal)+"/gebeld", h.wijkteam.token, nil).want(t, http.StatusOK, &s)
	if s.GebeldOp == nil || *s.GebeldOp != "2026-11-23" || s.Organisatie.ID != h.school.Organisation.ID {
		t.Fatalf("called without a day (today) = %+v", s)
	}
	wantProblem(t, h.call(t, "POST", base+itoa(h.policeSignal)+"/gebeld", h.wijkteam.token, map[string]any{"datum": "2026-11-24"}), http.StatusBadRequest, "datum")
	wantProblem(t, h.call(t, "POST", base+itoa(h.policeSignal)+"/gebeld", h.school.token, nil), http.StatusForbidden)
	wantProblem(t, h.call(t, "POST", base+itoa(h.policeSignal)+"/gebeld", h.jgz.token, nil), http.StatusNotFound)
	for _, sg := range h.plan(t, h.police).Signaalgevers {
		if called := sg.GebeldOp != nil; called != (sg.Registratie == h.schoolSignal) {
			t.Errorf("signaller %+v: called = %v", sg, called)
		}
	}

	remove := base + itoa(h.policeSignal) + "/verwijderen"
	p := wantProblem(t, h.call(t, "POST", remove, h.wijkteam.token, map[string]any{"bevestigd": true}), http.StatusConflict)
	if !strings.Contains(p.Detail, "Overleg eerst met de signaalgever") {
		t.Errorf("409 detail %q", p.Detail)
	}
	h.call(t, "POST", base+itoa(h.policeSignal)+"/overleg-onterecht", h.wijkteam.token, map[string]any{"datum": "2026-11-23"}).want(t, http.StatusOK, &s)
	if s.OverlegOnterechtOp == nil || *s.OverlegOnterechtOp != "2026-11-23" {
		t.Fatalf("after the consultation: %+v", s)
	}
	wantProblem(t, h.call(t, "POST", remove, h.wijkteam.token, nil), http.StatusBadRequest, "bevestigd")
	wantProblem(t, h.call(t, "POST", remove, h.school.token, map[string]any{"bevestigd": true}), http.StatusForbidden)

	var out struct {
		ID     int64  `json:"id"`
		Status string `json:"status"`
	}
	h.call(t, "POST", remove, h.wijkteam.token, map[string]any{"bevestigd": true}).want(t, http.StatusOK, &out)
	if out.ID != h.policeSignal || out.Status != "verwijderd" {
		t.Fatalf("removal answer = %+v", out)
	}
	if got := kindsOf(h.inbox(t, h.police), "ingetrokken"); len(got) != 1 {
		t.Errorf("the police got %d 'ingetrokken' messages, want 1", len(got))
	}
	wantProblem(t, h.call(t, "GET", "/api/v1/jeugdigen/"+h.ref, h.police.token, nil), http.StatusNotFound)
	if got := h.plan(t, h.wijkteam).Signaalgevers; len(got) != 1 || got[0].Registratie != h.schoolSignal {
		t.Errorf("signallers after the removal = %+v, want only the school", got)
	}
}
