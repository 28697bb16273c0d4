package api_test

import (
	"net/http"
	"testing"
	"time"
)

type worklistResponse struct {
	Verstreken int `json:"verstreken"`
	Jeugdigen  []struct {
		Referentie  string `json:"referentie"`
		Status      string `json:"status"`
		Coordinator *struct {
			Naam string `json:"naam"`
		} `json:"coordinator"`
	} `json:"jeugdigen"`
	Afspraken []struct {
		Actie      string `json:"actie"`
		Einde      string `json:"einde"`
		Verstreken bool   `json:"verstreken"`
	} `json:"afspraken"`
	Signaalgevers []struct {
		Jeugdige   string    `json:"jeugdige"`
		BellenVoor time.Time `json:"bellenVoor"`
		Verstreken bool      `json:"verstreken"`
	} `json:"signaalgevers"`
	Overdrachten []any `json:"overdrachten"`
	Escalaties   []any `json:"escalaties"`
}

// TestWorklistThroughTheAPI: the coordinator reads its worklist; after the
// deadlines pass the items are marked; another organisation's list is empty.
func TestWorklistThroughTheAPI(t *testing.T) {
	h := startPlan(t)
	var w worklistResponse
	h.call(t, "GET", "/api/v1/werklijst", h.wijkteam.token, nil).want(t, http.StatusOK, &w)
	if len(w.Jeugdigen) != 1 || w.Jeugdigen[0].Referentie != h.ref || w.Jeugdigen[0].Status != "geaccepteerd" || w.Jeugdigen[0].Coordinator == nil {
		t.Fatalf("jeugdigen = %+v", w.Jeugdigen)
	}
	if len(w.Signaalgevers) != 2 || w.Verstreken != 0 || w.Overdrachten == nil || w.Escalaties == nil {
		t.Fatalf("werklijst = %+v", w)
	}
	h.call(t, "POST", "/api/v1/jeugdigen/"+h.ref+"/plan/afspraken", h.wijkteam.token, map[string]any{
		"actie": "huisbezoek", "verantwoordelijke": h.wijkteam.Professional.Email, "startdatum": "2026-11-23", "einddatum": "2026-11-24",
	}).want(t, http.StatusCreated, nil)

	h.env.Clock.Set(time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC))
	h.call(t, "GET", "/api/v1/werklijst", h.wijkteam.token, nil).want(t, http.StatusOK, &w)
	if w.Verstreken != 3 || len(w.Afspraken) != 1 || !w.Afspraken[0].Verstreken || w.Afspraken[0].Einde != "2026-11-24" {
		t.Errorf("after the deadlines: %+v", w)
	}
	for _, s := range w.Signaalgevers {
		if !s.Verstreken || s.Jeugdige != h.ref {
			t.Errorf("signaalgever %+v not overdue", s)
		}
	}

	var school worklistResponse
	h.call(t, "GET", "/api/v1/werklijst", h.school.token, nil).want(t, http.StatusOK, &school)
	if len(school.Jeugdigen)+len(school.Afspraken)+len(school.Signaalgevers) != 0 {
		t.Errorf("the school's worklist = %+v", school)
	}
}
