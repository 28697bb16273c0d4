package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

type organisationResponse struct {
	ID       int64  `json:"id"`
	Naam     string `json:"naam"`
	Type     string `json:"type"`
	Rol      string `json:"rol"`
	Gemeente string `json:"gemeente"`
	Actief   bool   `json:"actief"`
}

type professionalResponse struct {
	ID          int64  `json:"id"`
	Organisatie int64  `json:"organisatie"`
	Naam        string `json:"naam"`
	Email       string `json:"email"`
	Telefoon    string `json:"telefoon"`
}

func (h *harness) organisationCount(t *testing.T, admin user) int {
	t.Helper()
	var out struct {
		Organisaties []organisationResponse `json:"organisaties"`
	}
	h.call(t, "GET", "/api/v1/organisaties", admin.token, nil).want(t, http.StatusOK, &out)
	return len(out.Organisaties)
}

func TestRegionalAdministratorManagesTheRegion(t *testing.T) {
	t.Parallel()
	h := start(t)
	admin := h.admin(t)
	pro := h.user(t, "SMW Eindhoven", model.TypeSMW)

	var created organisationResponse
	t.Run("CreateOrganisation", func(t *testing.T) {
		h.call(t, "POST", "/api/v1/organisaties", admin.token, map[string]any{
			"naam": "Jeugdhulp De Vliert", "type": "jeugdhulp", "rol": "zorgaanbieder", "gemeente": "Eindhoven",
		}).want(t, http.StatusCreated, &created)
		if created.ID == 0 || created.Naam != "Jeugdhulp De Vliert" || created.Type != "jeugdhulp" || created.Rol != "zorgaanbieder" || created.Gemeente != "Eindhoven" || !created.Actief {
			t.Errorf("created %+v", created)
		}
	})

	t.Run("EducationWithoutRoleOnlyGivesSignals", func(t *testing.T) {
		var school organisationResponse
		h.call(t, "POST", "/api/v1/organisaties", admin.token, map[string]any{
			"naam": "Lorentz Casimir Lyceum", "type": "onderwijs", "gemeente": "Eindhoven",
		}).want(t, http.StatusCreated, &school)
		if school.Rol != "signaalgever" {
			t.Errorf("rol %q, want signaalgever", school.Rol)
		}
	})

	t.Run("UnknownTypeIsRefused", func(t *testing.T) {
		n := h.organisationCount(t, admin)
		wantProblem(t, h.call(t, "POST", "/api/v1/organisaties", admin.token, map[string]any{
			"naam": "Kinderdagverblijf", "type": "kdv", "rol": "signaalgever", "gemeente": "Eindhoven",
		}), http.StatusBadRequest, "type")
		if got := h.organisationCount(t, admin); got != n {
			t.Errorf("%d organisations after a refused one, want %d", got, n)
		}
	})

	t.Run("UnknownTypeWithoutRoleBlamesOnlyTheType", func(t *testing.T) {
		// rol is optional; leaving it out is not an error of its own.
		wantProblem(t, h.call(t, "POST", "/api/v1/organisaties", admin.token, map[string]any{
			"naam": "Kinderdagverblijf", "type": "kdv", "gemeente": "Eindhoven",
		}), http.StatusBadRequest, "type")
	})

	t.Run("OnlyTheAdministratorManages", func(t *testing.T) {
		n := h.organisationCount(t, admin)
		client := h.clientSystem(t, pro.Organisation)
		org := map[string]any{"naam": "Eigen organisatie", "type": "jeugdhulp", "gemeente": "Eindhoven"}
		for _, token := range []string{pro.token, client} {
			wantProblem(t, h.call(t, "POST", "/api/v1/organisaties", token, org), http.StatusForbidden)
			wantProblem(t, h.call(t, "GET", "/api/v1/organisaties", token, nil), http.StatusForbidden)
			wantProblem(t, h.call(t, "POST", "/api/v1/medewerkers", token, map[string]any{
				"organisatie": pro.Organisation.ID, "naam": "Indringer", "email": "indringer@smw.example", "telefoon": "040-1234567",
			}), http.StatusForbidden)
			wantProblem(t, h.call(t, "POST", "/api/v1/tokens", token, map[string]any{"medewerker": pro.email()}), http.StatusForbidden)
		}
		wantProblem(t, h.call(t, "POST", "/api/v1/organisaties", "", org), http.StatusUnauthorized)
		if got := h.organisationCount(t, admin); got != n {
			t.Errorf("%d organisations after refused requests, want %d", got, n)
		}
	})

	var professional professionalResponse
	t.Run("CreateProfessional", func(t *testing.T) {
		h.call(t, "POST", "/api/v1/medewerkers", admin.token, map[string]any{
			"organisatie": created.ID, "naam": "Fatima el Amrani", "email": "f.elamrani@devliert.example", "telefoon": "040-2961234",
		}).want(t, http.StatusCreated, &professional)
		if professional.ID == 0 || professional.Organisatie != created.ID || professional.Email != "f.elamrani@devliert.example" || professional.Telefoon != "040-2961234" {
			t.Errorf("created %+v", professional)
		}
	})

	t.Run("ProfessionalNeedsUniqueEmailAndExistingOrganisation", func(t *testing.T) {
		wantProblem(t, h.call(t, "POST", "/api/v1/medewerkers", admin.token, map[string]any{
			"organisatie": created.ID, "naam": "Fatima el Amrani", "email": "F.ElAmrani@DeVliert.example", "telefoon": "040-2961235",
		}), http.StatusBadRequest, "email")
		wantProblem(t, h.call(t, "POST", "/api/v1/medewerkers", admin.token, map[string]any{
			"organisatie": 99999, "naam": "Piet Verhoeven", "email": "p.verhoeven@nergens.example", "telefoon": "040-2961236",
		}), http.StatusBadRequest, "organisatie")
		// Neither was stored: a token for the second cannot be made.
		wantProblem(t, h.call(t, "POST", "/api/v1/tokens", admin.token, map[string]any{"medewerker": "p.verhoeven@nergens.example"}),
			http.StatusBadRequest, "medewerker")
	})

	t.Run("ProfessionalTokenWorks", func(t *testing.T) {
		var out struct {
			Token string `json:"token"`
		}
		h.call(t, "POST", "/api/v1/tokens", admin.token, map[string]any{"medewerker": professional.Email}).want(t, http.StatusCreated, &out)
		if out.Token == "" {
			t.Fatal("no token")
		}
		h.call(t, "GET", "/api/v1/berichten", out.Token, nil).want(t, http.StatusOK, nil)
		var reg registered
		h.call(t, "POST", "/api/v1/registraties", out.Token, map[string]any{"burgerservicenummer": population.BSNChild, "soort": "ketenregistratie"}).
			want(t, http.StatusCreated, &reg)
		if len(reg.Betrokkenen) != 1 || reg.Betrokkenen[0].Medewerker.Email != professional.Email || reg.Betrokkenen[0].Organisatie.ID != created.ID {
			t.Errorf("registration by the new professional shows %+v", reg.Betrokkenen)
		}
	})

	t.Run("OrganisationTokenWorksAsClientSystem", func(t *testing.T) {
		var out struct {
			Token string `json:"token"`
		}
		h.call(t, "POST", "/api/v1/tokens", admin.token, map[string]any{"organisatie": created.ID}).want(t, http.StatusCreated, &out)
		if out.Token == "" {
			t.Fatal("no token")
		}
		wantProblem(t, h.call(t, "GET", "/api/v1/registraties", out.Token, nil), http.StatusBadRequest, "medewerker")
		var list struct {
			Registraties []registered `json:"registraties"`
		}
		h.call(t, "GET", "/api/v1/registraties?medewerker="+professional.Email, out.Token, nil).want(t, http.StatusOK, &list)
		if len(list.Registraties) != 1 {
			t.Errorf("the client system sees %d registrations, want the organisation's one", len(list.Registraties))
		}
		var reg registered
		h.call(t, "POST", "/api/v1/registraties", out.Token, map[string]any{
			"burgerservicenummer": population.BSNTeen, "soort": "ketenregistratie", "medewerker": professional.Email,
		}).want(t, http.StatusCreated, &reg)
	})

	t.Run("TokenIsForProfessionalOrOrganisationNotBoth", func(t *testing.T) {
		for _, body := range []map[string]any{{}, {"medewerker": professional.Email, "organisatie": created.ID}} {
			p := wantProblem(t, h.call(t, "POST", "/api/v1/tokens", admin.token, body), http.StatusBadRequest)
			if len(p.InvalidParams) == 0 || !strings.Contains(p.InvalidParams[0].Reason, "organisatie") {
				t.Errorf("body %v: invalidParams %+v should explain medewerker or organisatie", body, p.InvalidParams)
			}
		}
		wantProblem(t, h.call(t, "POST", "/api/v1/tokens", admin.token, map[string]any{"organisatie": 99999}), http.StatusBadRequest, "organisatie")
	})
}
