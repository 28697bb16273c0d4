package api_test

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

// sameAnswer fails unless two answers cannot be told apart by a client.
func sameAnswer(t *testing.T, what string, got, want response) {
	t.Helper()
	if got.status != want.status || !bytes.Equal(got.body, want.body) ||
		got.header.Get("Content-Type") != want.header.Get("Content-Type") {
		t.Errorf("%s: %d %s\nwhile for something that does not exist: %d %s", what, got.status, got.body, want.status, want.body)
	}
}

// No browsing (seed 002): an organisation sees a youth and the registrations
// about it only through its own active registration. Anything else is
// answered exactly as something that does not exist.
func TestNoBrowsingOfOtherOrganisationsRegistrations(t *testing.T) {
	t.Parallel()
	h := start(t)
	smw := h.user(t, "SMW Eindhoven", model.TypeSMW)
	amw := h.user(t, "AMW Helmond", model.TypeAMW)
	outsider := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)

	own := h.register(t, smw, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)
	joined := h.register(t, amw, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)
	h.register(t, outsider, population.BSNChild, model.KindSignaal, http.StatusCreated)
	ref := own.Jeugdige.Referentie
	if joined.Coordinator == nil || joined.Coordinator.Organisatie.ID != smw.Organisation.ID {
		t.Fatalf("coordinator %+v, want the SMW", joined.Coordinator)
	}

	unknownRegistration := h.call(t, "GET", "/api/v1/registraties/99999", outsider.token, nil)
	wantProblem(t, unknownRegistration, http.StatusNotFound)
	unknownYouth := h.call(t, "GET", "/api/v1/jeugdigen/J-XXXXXXXX", outsider.token, nil)
	wantProblem(t, unknownYouth, http.StatusNotFound)

	t.Run("OtherOrganisationsRegistrationIsAnsweredAsNonExistent", func(t *testing.T) {
		for _, id := range []int64{own.ID, joined.ID} {
			sameAnswer(t, "GET another organisation's registration", h.call(t, "GET", "/api/v1/registraties/"+itoa(id), outsider.token, nil), unknownRegistration)
		}
		sameAnswer(t, "AMW GETs the SMW's registration", h.call(t, "GET", "/api/v1/registraties/"+itoa(own.ID), amw.token, nil),
			h.call(t, "GET", "/api/v1/registraties/99999", amw.token, nil))
	})

	t.Run("YouthIsUnknownToOrganisationNotInvolved", func(t *testing.T) {
		sameAnswer(t, "GET a youth the outsider is not involved with", h.call(t, "GET", "/api/v1/jeugdigen/"+ref, outsider.token, nil), unknownYouth)
	})

	t.Run("InvolvedOrganisationSeesTheYouth", func(t *testing.T) {
		var page struct {
			Jeugdige struct {
				Referentie string `json:"referentie"`
			} `json:"jeugdige"`
			Betrokkenen []involvement `json:"betrokkenen"`
			Coordinator *coordinator  `json:"coordinator"`
		}
		h.call(t, "GET", "/api/v1/jeugdigen/"+ref, amw.token, nil).want(t, http.StatusOK, &page)
		if page.Jeugdige.Referentie != ref || len(page.Betrokkenen) != 2 || page.Coordinator == nil || page.Coordinator.Organisatie.ID != smw.Organisation.ID {
			t.Errorf("youth page %+v, want both organisations and the SMW as coordinator", page)
		}
	})

	t.Run("EndedRegistrationNoLongerShowsWhoIsInvolved", func(t *testing.T) {
		r := h.call(t, "POST", "/api/v1/registraties/"+itoa(own.ID)+"/beeindigen", smw.token, nil)
		var ended registered
		r.want(t, http.StatusOK, &ended)
		if ended.Status != "beeindigd" || ended.BeeindigdOp == nil || ended.RedenEinde == nil || *ended.RedenEinde != "organisatie" {
			t.Errorf("after ending: status %q, beeindigdOp %v, redenEinde %v", ended.Status, ended.BeeindigdOp, ended.RedenEinde)
		}
		wantNoPicture(t, "POST beeindigen", r.body)

		r = h.call(t, "GET", "/api/v1/registraties/"+itoa(own.ID), smw.token, nil)
		var seen registered
		r.want(t, http.StatusOK, &seen)
		if seen.Status != "beeindigd" || seen.Match == nil || *seen.Match {
			t.Errorf("ended registration: status %q, match %v; want beeindigd, false", seen.Status, seen.Match)
		}
		wantNoPicture(t, "GET ended registration", r.body)

		sameAnswer(t, "GET the youth after ending", h.call(t, "GET", "/api/v1/jeugdigen/"+ref, smw.token, nil),
			h.call(t, "GET", "/api/v1/jeugdigen/J-XXXXXXXX", smw.token, nil))
	})
}

// wantNoPicture fails unless betrokkenen is an empty list and there is no coordinator.
func wantNoPicture(t *testing.T, what string, body []byte) {
	t.Helper()
	if b, ok := field(t, body, "betrokkenen"); !ok || string(bytes.TrimSpace(b)) != "[]" {
		t.Errorf("%s: betrokkenen = %s (present: %v), want []", what, b, ok)
	}
	wantNoCoordinator(t, body)
}
