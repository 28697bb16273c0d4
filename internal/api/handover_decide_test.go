package api_test

import (
	"net/http"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

func TestAPIHandoverProposedAcceptedByTheReceiver(t *testing.T) {
	h := startCoordination(t)
	ggz := h.join(t, "GGZ Oost", model.TypeGGZ)
	wantProblem(t, h.call(t, "POST", h.path("overdracht"), h.jh.token, map[string]any{"organisatie": ggz.Organisation.ID}), http.StatusConflict)
	h.act(t, h.jh, "accepteren", nil)

	c := h.youthCoordination(t, h.jh)
	if m := c.Mogelijkheden; !m.Overdragen || len(m.Kandidaten) != 1 || m.Kandidaten[0].ID != ggz.Organisation.ID {
		t.Fatalf("coordinator may %+v, want to hand over to GGZ only (the school is a signaller)", m)
	}
	wantProblem(t, h.call(t, "POST", h.path("overdracht"), h.jh.token, map[string]any{"organisatie": h.school.Organisation.ID}), http.StatusBadRequest, "organisatie")
	wantProblem(t, h.call(t, "POST", h.path("overdracht"), h.jh.token, map[string]any{"organisatie": "GGZ Oost"}), http.StatusBadRequest, "organisatie")

	out := h.act(t, h.jh, "overdracht", map[string]any{"organisatie": ggz.Organisation.ID})
	if o := out.Coordinator.Overdracht; o == nil || o.Naar.ID != ggz.Organisation.ID || !out.Coordinator.Mogelijkheden.OverdrachtIntrekken {
		t.Fatalf("answer %+v, want the open proposal to GGZ, which the coordinator may withdraw", out.Coordinator)
	}
	wantProblem(t, h.call(t, "POST", h.path("overdracht"), h.jh.token, map[string]any{"organisatie": ggz.Organisation.ID}), http.StatusConflict)
	if m := h.youthCoordination(t, ggz).Mogelijkheden; !m.OverdrachtAccepteren || !m.OverdrachtWeigeren {
		t.Errorf("GGZ may %+v, want to accept or decline", m)
	}
	wantProblem(t, h.call(t, "POST", h.path("overdracht/accepteren"), h.school.token, nil), http.StatusForbidden)

	out = h.act(t, ggz, "overdracht/accepteren", nil)
	c = out.Coordinator
	if c.Organisatie.ID != ggz.Organisation.ID || c.Status != "geaccepteerd" || c.Regel != "overdracht" ||
		c.Reden != "Overgedragen door Jeugdhulp Brabant." || c.Medewerker == nil || c.Medewerker.Email != ggz.email() || c.Overdracht != nil {
		t.Fatalf("after accepting: %+v, want GGZ coordinating, accepted, by handover", c)
	}
	var told bool
	for _, m := range h.inbox(t, h.school) {
		told = told || (m.Soort == "coordinator" && m.Onderwerp == "Coördinator voor jeugdige "+h.ref+": GGZ Oost (overgedragen door Jeugdhulp Brabant)")
	}
	if !told {
		t.Error("the school was not told of the handover")
	}
}

func TestAPIHandoverDeclinedOrWithdrawn(t *testing.T) {
	h := startCoordination(t)
	ggz := h.join(t, "GGZ Oost", model.TypeGGZ)
	h.act(t, h.jh, "accepteren", nil)
	propose := map[string]any{"organisatie": ggz.Organisation.ID}

	h.act(t, h.jh, "overdracht", propose)
	out := h.act(t, ggz, "overdracht/weigeren", nil)
	if out.Coordinator.Organisatie.ID != h.jh.Organisation.ID || out.Coordinator.Overdracht != nil {
		t.Fatalf("after declining: %+v, want Jeugdhulp still coordinating, no proposal open", out.Coordinator)
	}
	var told bool
	for _, m := range h.inbox(t, h.jh) {
		told = told || m.Soort == "overdracht"
	}
	if !told {
		t.Error("the coordinator was not told of the refusal")
	}

	h.act(t, h.jh, "overdracht", propose)
	wantProblem(t, h.call(t, "POST", h.path("overdracht/intrekken"), ggz.token, nil), http.StatusForbidden)
	out = h.act(t, h.jh, "overdracht/intrekken", nil)
	if out.Coordinator.Overdracht != nil || !out.Coordinator.Mogelijkheden.Overdragen {
		t.Fatalf("after withdrawing: %+v, want no proposal and the option to propose again", out.Coordinator)
	}
	wantProblem(t, h.call(t, "POST", h.path("overdracht/accepteren"), ggz.token, nil), http.StatusConflict)
}

func TestAPIGIHandsOverToYouthCareNotToEducation(t *testing.T) {
	h := startCoordination(t)
	gi := h.join(t, "GI Brabant", model.TypeGI)
	h.act(t, gi, "accepteren", nil)
	wantProblem(t, h.call(t, "POST", h.path("overdracht"), gi.token, map[string]any{"organisatie": h.school.Organisation.ID}), http.StatusBadRequest, "organisatie")
	out := h.act(t, gi, "overdracht", map[string]any{"organisatie": h.jh.Organisation.ID})
	if out.Coordinator.Overdracht == nil || out.Coordinator.Overdracht.Naar.ID != h.jh.Organisation.ID {
		t.Fatalf("GI's proposal %+v, want one to Jeugdhulp", out.Coordinator.Overdracht)
	}
}
