package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

func (h *harness) end(t *testing.T, u user, id int64, want int) response {
	t.Helper()
	r := h.call(t, "POST", "/api/v1/registraties/"+itoa(id)+"/beeindigen", u.token, nil)
	if r.status != want {
		t.Fatalf("ending %d: status %d, want %d; body: %s", id, r.status, want, r.body)
	}
	return r
}

// newMessages returns the messages of u not in before.
func newMessages(before, after []message) []message {
	seen := map[int64]bool{}
	for _, m := range before {
		seen[m.ID] = true
	}
	var out []message
	for _, m := range after {
		if !seen[m.ID] {
			out = append(out, m)
		}
	}
	return out
}

// Each rule uses its own organisations and its own youth on one server.
func TestEndingARegistration(t *testing.T) {
	t.Parallel()
	h := start(t)

	t.Run("OnlyOwnRegistrationCanBeEnded", func(t *testing.T) {
		smw := h.user(t, "SMW Eindhoven", model.TypeSMW)
		amw := h.user(t, "AMW Helmond", model.TypeAMW)
		reg := h.register(t, smw, population.BSNChild, model.KindKetenregistratie, http.StatusCreated)
		h.register(t, amw, population.BSNChild, model.KindKetenregistratie, http.StatusCreated)

		other := h.end(t, amw, reg.ID, http.StatusNotFound)
		wantProblem(t, other, http.StatusNotFound)
		sameAnswer(t, "ending another organisation's registration", other, h.end(t, amw, 99999, http.StatusNotFound))

		var still registered
		h.call(t, "GET", "/api/v1/registraties/"+itoa(reg.ID), smw.token, nil).want(t, http.StatusOK, &still)
		if still.Status != "actief" || len(still.Betrokkenen) != 2 {
			t.Errorf("after another organisation tried to end it: status %q, %d betrokkenen; want actief, 2", still.Status, len(still.Betrokkenen))
		}
	})

	t.Run("ClientSystemEndsInTheNameOfItsProfessional", func(t *testing.T) {
		smw := h.user(t, "SMW Eindhoven", model.TypeSMW)
		client := h.clientSystem(t, smw.Organisation)
		reg := h.register(t, smw, population.BSNSibling2, model.KindKetenregistratie, http.StatusCreated)
		path := "/api/v1/registraties/" + itoa(reg.ID) + "/beeindigen"

		wantProblem(t, h.call(t, "POST", path, client, nil), http.StatusBadRequest, "medewerker")
		wantProblem(t, h.call(t, "POST", path, client, map[string]any{"medewerker": smw.email(), "reden": "zorg afgerond"}), http.StatusBadRequest, "reden")
		var still registered
		h.call(t, "GET", "/api/v1/registraties/"+itoa(reg.ID), smw.token, nil).want(t, http.StatusOK, &still)
		if still.Status != "actief" {
			t.Fatalf("after refused requests the registration is %q, want actief", still.Status)
		}
		var ended registered
		h.call(t, "POST", path, client, map[string]any{"medewerker": smw.email()}).want(t, http.StatusOK, &ended)
		if ended.Status != "beeindigd" {
			t.Errorf("status %q, want beeindigd", ended.Status)
		}
	})

	t.Run("EndingTwiceAnswersTheSameState", func(t *testing.T) {
		smw := h.user(t, "SMW Eindhoven", model.TypeSMW)
		school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
		h.register(t, school, population.BSNYoungest, model.KindSignaal, http.StatusCreated)
		reg := h.register(t, smw, population.BSNYoungest, model.KindKetenregistratie, http.StatusCreated)

		var first, second registered
		h.end(t, smw, reg.ID, http.StatusOK).want(t, http.StatusOK, &first)
		inbox := h.inbox(t, school)
		h.clockTick()
		h.end(t, smw, reg.ID, http.StatusOK).want(t, http.StatusOK, &second)
		if first.Status != "beeindigd" || second.Status != "beeindigd" || first.BeeindigdOp == nil || second.BeeindigdOp == nil ||
			!first.BeeindigdOp.Equal(*second.BeeindigdOp) {
			t.Errorf("ended %v then %v; want the same end both times", first.BeeindigdOp, second.BeeindigdOp)
		}
		if n := newMessages(inbox, h.inbox(t, school)); len(n) != 0 {
			t.Errorf("ending again sent %+v", n)
		}
	})

	t.Run("CoordinatorLeavingMovesCoordinationAndTellsWhoRemains", func(t *testing.T) {
		school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
		smw := h.user(t, "SMW Eindhoven", model.TypeSMW)
		amw := h.user(t, "AMW Helmond", model.TypeAMW)
		h.register(t, school, population.BSNTeen, model.KindSignaal, http.StatusCreated)
		reg := h.register(t, smw, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)
		last := h.register(t, amw, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)
		if c := last.Coordinator; c == nil || c.Organisatie.ID != smw.Organisation.ID {
			t.Fatalf("coordinator %+v, want the SMW", c)
		}
		before := map[int64][]message{school.Professional.ID: h.inbox(t, school), amw.Professional.ID: h.inbox(t, amw), smw.Professional.ID: h.inbox(t, smw)}

		h.end(t, smw, reg.ID, http.StatusOK)

		var now registered
		h.call(t, "GET", "/api/v1/registraties/"+itoa(last.ID), amw.token, nil).want(t, http.StatusOK, &now)
		if c := now.Coordinator; c == nil || c.Organisatie.ID != amw.Organisation.ID {
			t.Fatalf("coordinator after the SMW left: %+v, want the AMW", c)
		}
		for _, u := range []user{school, amw} {
			got := newMessages(before[u.Professional.ID], h.inbox(t, u))
			if len(got) != 1 || got[0].Soort != "coordinator" || !strings.Contains(got[0].Onderwerp, "AMW Helmond") || got[0].Jeugdige != last.Jeugdige.Referentie {
				t.Errorf("%s got %+v, want one coordinator message naming AMW Helmond", u.Organisation.Name, got)
			}
		}
		if got := newMessages(before[smw.Professional.ID], h.inbox(t, smw)); len(got) != 0 {
			t.Errorf("the SMW, no longer involved, got %+v", got)
		}
	})

	t.Run("LastCareOrganisationLeavingEndsCoordination", func(t *testing.T) {
		school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
		smw := h.user(t, "SMW Eindhoven", model.TypeSMW)
		signal := h.register(t, school, population.BSNSibling1, model.KindSignaal, http.StatusCreated)
		reg := h.register(t, smw, population.BSNSibling1, model.KindKetenregistratie, http.StatusCreated)
		if reg.Coordinator == nil {
			t.Fatal("no coordinator with the SMW involved")
		}
		before := h.inbox(t, school)

		h.end(t, smw, reg.ID, http.StatusOK)

		r := h.call(t, "GET", "/api/v1/registraties/"+itoa(signal.ID), school.token, nil)
		var now registered
		r.want(t, http.StatusOK, &now)
		wantNoCoordinator(t, r.body)
		if len(now.Betrokkenen) != 1 || now.Match == nil || *now.Match {
			t.Errorf("after the SMW left: betrokkenen %+v, match %v; want only the school, no match", now.Betrokkenen, now.Match)
		}
		got := newMessages(before, h.inbox(t, school))
		if len(got) != 1 || got[0].Soort != "coordinatie-beeindigd" {
			t.Errorf("school got %+v, want one message that coordination ended", got)
		}
	})
}
