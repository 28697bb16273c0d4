package api_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

// youthAddress is the adres of GET /api/v1/jeugdigen/{referentie}, raw, so
// that null is told apart from an empty view.
func (h *harness) youthAddress(t *testing.T, u user, ref string) json.RawMessage {
	t.Helper()
	var out struct {
		Adres json.RawMessage `json:"adres"`
	}
	h.call(t, "GET", "/api/v1/jeugdigen/"+ref, u.token, nil).want(t, http.StatusOK, &out)
	return out.Adres
}

// The address view and the relations in the API follow the table "Wie ziet
// wat van het gezin" (docs/privacy.md): the address view for the
// coordinator only, only its own relations for a signal-only organisation.
func TestAPIAddressViewIsForTheCoordinatorOnly(t *testing.T) {
	t.Parallel()
	h := start(t)
	school := h.user(t, "School", model.TypeOnderwijs)
	jh := h.user(t, "Jeugdhulp Brabant", model.TypeJeugdhulp)
	zuid := h.user(t, "Jeugdhulp Zuid", model.TypeJeugdhulp)
	ggz := h.user(t, "GGZ Oost", model.TypeGGZ)
	daan := h.register(t, school, population.BSNSibling1, model.KindSignaal, http.StatusCreated).Jeugdige.Referentie
	h.register(t, jh, population.BSNSibling1, model.KindKetenregistratie, http.StatusCreated)
	hein := h.register(t, school, population.BSNSibling2, model.KindSignaal, http.StatusCreated).Jeugdige.Referentie
	h.register(t, zuid, population.BSNSibling2, model.KindKetenregistratie, http.StatusCreated)
	h.clockTick()
	h.register(t, ggz, population.BSNSibling1, model.KindKetenregistratie, http.StatusCreated)

	for _, who := range []user{school, ggz} {
		if got := string(h.youthAddress(t, who, daan)); got != "null" {
			t.Errorf("%s, not coordinating, gets adres %s; want null", who.Organisation.Name, got)
		}
	}
	var view struct {
		Afgeschermd bool `json:"afgeschermd"`
		Aantal      int  `json:"aantal"`
		Kinderen    []struct {
			Coordinator *string `json:"coordinator"`
			Referentie  *string `json:"referentie"`
		} `json:"kinderen"`
	}
	if err := json.Unmarshal(h.youthAddress(t, jh, daan), &view); err != nil {
		t.Fatal(err)
	}
	if view.Afgeschermd || view.Aantal != 1 || len(view.Kinderen) != 1 || view.Kinderen[0].Coordinator == nil ||
		*view.Kinderen[0].Coordinator != "Jeugdhulp Zuid" || view.Kinderen[0].Referentie != nil {
		t.Errorf("the coordinator's adres %+v; want Hein's coordinator and no reference (%s)", view, hein)
	}

	// Vaso is secret in the register: her coordinator learns only that.
	h.register(t, school, population.BSNSecret, model.KindSignaal, http.StatusCreated)
	vaso := h.register(t, jh, population.BSNSecret, model.KindKetenregistratie, http.StatusCreated).Jeugdige.Referentie
	view.Aantal, view.Kinderen = -1, nil
	if err := json.Unmarshal(h.youthAddress(t, jh, vaso), &view); err != nil {
		t.Fatal(err)
	}
	if !view.Afgeschermd || view.Aantal != 0 || len(view.Kinderen) != 0 {
		t.Errorf("the secret youth's adres %+v; want afgeschermd, nobody", view)
	}

	// The school sees the relations it laid itself, not Jeugdhulp's.
	h.call(t, "POST", relationsPath(daan), jh.token, map[string]any{"burgerservicenummer": population.BSNParent, "relatie": "ouder"}).want(t, http.StatusCreated, nil)
	if list := h.relations(t, school, daan); len(list) != 0 {
		t.Errorf("the school sees Jeugdhulp's relations: %+v", list)
	}
	h.call(t, "POST", relationsPath(daan), school.token, map[string]any{"burgerservicenummer": "999999357", "relatie": "ouder"}).want(t, http.StatusCreated, nil)
	if list := h.relations(t, school, daan); len(list) != 1 || list[0].Persoon.Naam != "Wilma Haverkamp" {
		t.Errorf("the school sees %+v; want only its own relation", list)
	}
	if list := h.relations(t, ggz, daan); len(list) != 2 {
		t.Errorf("GGZ, a care organisation, sees %d relations, want both", len(list))
	}
}
