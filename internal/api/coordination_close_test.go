package api_test

import (
	"net/http"
	"testing"
)

func TestAPICloseEndsEveryRegistration(t *testing.T) {
	h := startCoordination(t)
	wantProblem(t, h.call(t, "POST", h.path("afsluiten"), h.jh.token, map[string]any{"bevestigd": true}), http.StatusConflict)
	h.act(t, h.jh, "accepteren", nil)
	wantProblem(t, h.call(t, "POST", h.path("afsluiten"), h.school.token, map[string]any{"bevestigd": true}), http.StatusForbidden)
	wantProblem(t, h.call(t, "POST", h.path("afsluiten"), h.jh.token, nil), http.StatusBadRequest, "bevestigd")

	var out struct {
		Referentie             string `json:"referentie"`
		Status                 string `json:"status"`
		BeeindigdeRegistraties int    `json:"beeindigdeRegistraties"`
		Bericht                string `json:"bericht"`
	}
	h.call(t, "POST", h.path("afsluiten"), h.jh.token, map[string]any{"bevestigd": true}).want(t, http.StatusOK, &out)
	if out.Referentie != h.ref || out.Status != "afgesloten" || out.BeeindigdeRegistraties != 2 || out.Bericht == "" {
		t.Fatalf("answer %+v, want afgesloten with 2 registrations ended", out)
	}
	for _, u := range []user{h.school, h.jh} {
		regs := h.registrations(t, u)
		if len(regs) != 1 || regs[0].Status != "beeindigd" || regs[0].RedenEinde == nil || *regs[0].RedenEinde != "afgesloten" {
			t.Errorf("%s's registrations %+v, want one ended afgesloten", u.Organisation.Name, regs)
		}
		wantProblem(t, h.call(t, "GET", "/api/v1/jeugdigen/"+h.ref, u.token, nil), http.StatusNotFound)
		var closed int
		for _, m := range h.inbox(t, u) {
			if m.Soort == "coordinatie-afgesloten" {
				closed++
			}
		}
		if closed != 1 {
			t.Errorf("%s got %d closing messages, want 1", u.Organisation.Name, closed)
		}
	}
}
