package api_test

import (
	"net/http"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

func TestEveryCallIsByANamedProfessional(t *testing.T) {
	t.Parallel()
	h := start(t)
	smw := h.user(t, "SMW Eindhoven", model.TypeSMW)
	client := h.clientSystem(t, smw.Organisation)
	other := h.user(t, "AMW Helmond", model.TypeAMW)
	care := map[string]any{"burgerservicenummer": population.BSNTeen, "soort": "ketenregistratie"}

	// nothingRegistered checks that the SMW still has no registration.
	nothingRegistered := func(t *testing.T) {
		t.Helper()
		if n := len(h.registrations(t, smw)); n != 0 {
			t.Errorf("SMW has %d registrations, want 0", n)
		}
	}

	t.Run("NoTokenIsUnauthorized", func(t *testing.T) {
		for _, path := range []string{"/api/v1/registraties", "/api/v1/berichten", "/api/v1/registraties/1", "/api/v1/jeugdigen/J-XXXXXXXX"} {
			r := h.call(t, "GET", path, "", nil)
			wantProblem(t, r, http.StatusUnauthorized)
			if r.header.Get("WWW-Authenticate") == "" {
				t.Errorf("GET %s: 401 without WWW-Authenticate", path)
			}
		}
		wantProblem(t, h.call(t, "POST", "/api/v1/registraties", "", care), http.StatusUnauthorized)
		nothingRegistered(t)
	})

	t.Run("BadTokenIsUnauthorized", func(t *testing.T) {
		for _, token := range []string{"jk_bestaatniet", "geheim", smw.token + "x"} {
			wantProblem(t, h.call(t, "POST", "/api/v1/registraties", token, care), http.StatusUnauthorized)
			wantProblem(t, h.call(t, "GET", "/api/v1/berichten", token, nil), http.StatusUnauthorized)
		}
		nothingRegistered(t)
	})

	t.Run("ClientSystemMustNameTheProfessional", func(t *testing.T) {
		wantProblem(t, h.call(t, "POST", "/api/v1/registraties", client, care), http.StatusBadRequest, "medewerker")
		wantProblem(t, h.call(t, "GET", "/api/v1/registraties", client, nil), http.StatusBadRequest, "medewerker")
		nothingRegistered(t)
	})

	t.Run("ClientSystemCannotActForAnotherOrganisationsProfessional", func(t *testing.T) {
		for _, email := range []string{other.email(), "onbekend@smw.example"} {
			body := map[string]any{"burgerservicenummer": population.BSNTeen, "soort": "ketenregistratie", "medewerker": email}
			wantProblem(t, h.call(t, "POST", "/api/v1/registraties", client, body), http.StatusBadRequest, "medewerker")
		}
		wantProblem(t, h.call(t, "GET", "/api/v1/registraties?medewerker="+other.email(), client, nil), http.StatusBadRequest, "medewerker")
		nothingRegistered(t)
		if n := len(h.registrations(t, other)); n != 0 {
			t.Errorf("AMW has %d registrations, want 0", n)
		}
	})

	t.Run("ClientSystemActsForItsOwnProfessional", func(t *testing.T) {
		colleague := h.colleague(t, smw.Organisation)
		body := map[string]any{"burgerservicenummer": population.BSNTeen, "soort": "ketenregistratie", "medewerker": colleague.email()}
		var got registered
		h.call(t, "POST", "/api/v1/registraties", client, body).want(t, http.StatusCreated, &got)
		if len(got.Betrokkenen) != 1 || !got.involves(colleague) || got.Betrokkenen[0].Medewerker.Naam != colleague.Professional.Name {
			t.Errorf("betrokkenen %+v, want the named professional %s", got.Betrokkenen, colleague.Professional.Name)
		}
		// The organisation's own professionals see what its client system registered.
		if ids := registrationIDs(h.registrations(t, smw)); len(ids) != 1 || ids[0] != got.ID {
			t.Errorf("SMW's registrations %v, want %d", ids, got.ID)
		}
		if n := len(h.inbox(t, colleague)); n != 1 {
			t.Errorf("the named professional has %d messages, want the one about this registration", n)
		}
	})
}
