package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

// relation is a relation as a client reads it.
type relation struct {
	ID      int64  `json:"id"`
	Relatie string `json:"relatie"`
	Persoon struct {
		Naam          string `json:"naam"`
		Geboortedatum string `json:"geboortedatum"`
	} `json:"persoon"`
	Jeugdige    *string      `json:"jeugdige"`
	Organisatie organisation `json:"organisatie"`
	Medewerker  struct {
		Naam, Telefoon, Email string
	} `json:"medewerker"`
	GelegdOp      time.Time `json:"gelegdOp"`
	Verwijderbaar bool      `json:"verwijderbaar"`
}

func relationsPath(ref string) string { return "/api/v1/jeugdigen/" + ref + "/relaties" }

func (h *harness) relations(t *testing.T, u user, ref string) []relation {
	t.Helper()
	var out struct {
		Relaties []relation `json:"relaties"`
	}
	h.call(t, "GET", relationsPath(ref), u.token, nil).want(t, http.StatusOK, &out)
	return out.Relaties
}

func TestAPIRelationIsLaidListedAndRemovedByItsOrganisation(t *testing.T) {
	t.Parallel()
	h := start(t)
	school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	jh := h.user(t, "Jeugdhulp Brabant", model.TypeJeugdhulp)
	ref := h.register(t, school, population.BSNSibling1, model.KindSignaal, http.StatusCreated).Jeugdige.Referentie
	h.register(t, jh, population.BSNSibling1, model.KindKetenregistratie, http.StatusCreated)

	var made relation
	res := h.call(t, "POST", relationsPath(ref), school.token, map[string]any{"burgerservicenummer": population.BSNParent, "relatie": "ouder"})
	res.want(t, http.StatusCreated, &made)
	if made.Relatie != "ouder" || made.Persoon.Naam != "Johan Groot Esselink" || made.Persoon.Geboortedatum != "1985-05-27" ||
		made.Organisatie.ID != school.Organisation.ID || made.Medewerker.Email != school.email() || !made.Verwijderbaar || made.Jeugdige != nil {
		t.Errorf("relation laid: %s", res.body)
	}
	if strings.Contains(string(res.body), population.BSNParent) {
		t.Errorf("the answer shows the parent's BSN: %s", res.body)
	}

	list := h.relations(t, jh, ref)
	if len(list) != 1 || list[0].ID != made.ID || list[0].Verwijderbaar {
		t.Fatalf("jeugdhulp sees %+v; want the school's relation, not removable by it", list)
	}
	p := wantProblem(t, h.call(t, "POST", relationsPath(ref)+"/"+itoa(made.ID)+"/verwijderen", jh.token, nil), http.StatusForbidden)
	if !strings.Contains(p.Detail, "Alleen de organisatie") {
		t.Errorf("detail %q", p.Detail)
	}
	var removed struct {
		ID     int64  `json:"id"`
		Status string `json:"status"`
	}
	h.call(t, "POST", relationsPath(ref)+"/"+itoa(made.ID)+"/verwijderen", school.token, nil).want(t, http.StatusOK, &removed)
	if removed.ID != made.ID || removed.Status != "verwijderd" {
		t.Errorf("removal answered %+v", removed)
	}
	if list := h.relations(t, school, ref); len(list) != 0 {
		t.Errorf("relations after removal: %+v", list)
	}
	wantProblem(t, h.call(t, "POST", relationsPath(ref)+"/"+itoa(made.ID)+"/verwijderen", school.token, nil), http.StatusNotFound)
}

func TestAPIRelationInputErrors(t *testing.T) {
	t.Parallel()
	h := start(t)
	school := h.user(t, "School", model.TypeOnderwijs)
	ref := h.register(t, school, population.BSNSibling1, model.KindSignaal, http.StatusCreated).Jeugdige.Referentie
	post := func(body any) response { return h.call(t, "POST", relationsPath(ref), school.token, body) }

	wantProblem(t, post(map[string]any{"burgerservicenummer": "123456789", "relatie": "ouder"}), http.StatusBadRequest, "burgerservicenummer")
	wantProblem(t, post(map[string]any{"burgerservicenummer": population.BSNParent, "relatie": "buurman"}), http.StatusBadRequest, "relatie")
	wantProblem(t, post(map[string]any{"burgerservicenummer": population.BSNParent, "relatie": "ouder", "reden": "ruzie"}), http.StatusBadRequest, "reden")
	p := wantProblem(t, post(map[string]any{"burgerservicenummer": "999999011", "relatie": "ouder"}), http.StatusBadRequest, "burgerservicenummer")
	if !strings.Contains(p.Detail, "basisregistratie personen") {
		t.Errorf("a person not in the register: detail %q", p.Detail)
	}
	post(map[string]any{"burgerservicenummer": population.BSNParent, "relatie": "ouder"}).want(t, http.StatusCreated, nil)
	wantProblem(t, post(map[string]any{"burgerservicenummer": population.BSNParent, "relatie": "ouder"}), http.StatusConflict)
	if n := len(h.relations(t, school, ref)); n != 1 {
		t.Errorf("%d relations after refused input and a duplicate, want 1", n)
	}
}

// Relations of a youth are answered exactly as a youth that does not exist
// to anyone not involved, whatever they send.
func TestAPIRelationsOfAYouthNotInvolvedWithAreNotFound(t *testing.T) {
	t.Parallel()
	h := start(t)
	school := h.user(t, "School", model.TypeOnderwijs)
	outsider := h.user(t, "JGZ", model.TypeJGZ)
	ref := h.register(t, school, population.BSNSibling1, model.KindSignaal, http.StatusCreated).Jeugdige.Referentie
	var made relation
	h.call(t, "POST", relationsPath(ref), school.token, map[string]any{"burgerservicenummer": population.BSNParent, "relatie": "ouder"}).want(t, http.StatusCreated, &made)

	for _, c := range []struct {
		method, suffix string
		body           any
	}{
		{"GET", "", nil},
		{"POST", "", map[string]any{"burgerservicenummer": population.BSNParent, "relatie": "broer-zus"}},
		{"POST", "", map[string]any{"burgerservicenummer": "123", "relatie": "vriend"}},
		{"POST", "/" + itoa(made.ID) + "/verwijderen", nil},
	} {
		got := h.call(t, c.method, relationsPath(ref)+c.suffix, outsider.token, c.body)
		wantProblem(t, got, http.StatusNotFound)
		sameAnswer(t, c.method+" relaties"+c.suffix, got, h.call(t, c.method, relationsPath("J-ZZZZZZZZ")+c.suffix, outsider.token, c.body))
	}
	if n := len(h.relations(t, school, ref)); n != 1 {
		t.Errorf("%d relations after the outsider's calls, want 1", n)
	}
}

func TestAPIRelationByAClientSystemNamesTheProfessional(t *testing.T) {
	t.Parallel()
	h := start(t)
	school := h.user(t, "School", model.TypeOnderwijs)
	token := h.clientSystem(t, school.Organisation)
	ref := h.register(t, school, population.BSNSibling1, model.KindSignaal, http.StatusCreated).Jeugdige.Referentie
	wantProblem(t, h.call(t, "POST", relationsPath(ref), token, map[string]any{"burgerservicenummer": population.BSNSibling2, "relatie": "broer-zus"}), http.StatusBadRequest)
	var made relation
	h.call(t, "POST", relationsPath(ref), token, map[string]any{"burgerservicenummer": population.BSNSibling2, "relatie": "broer-zus", "medewerker": school.email()}).
		want(t, http.StatusCreated, &made)
	if made.Medewerker.Email != school.email() {
		t.Errorf("laid by %q, want %q", made.Medewerker.Email, school.email())
	}
	var list struct {
		Relaties []json.RawMessage `json:"relaties"`
	}
	h.call(t, "GET", relationsPath(ref)+"?medewerker="+school.email(), token, nil).want(t, http.StatusOK, &list)
	if len(list.Relaties) != 1 {
		t.Errorf("the client system lists %d relations, want 1", len(list.Relaties))
	}
}
