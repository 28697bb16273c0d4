package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

type listAnswer struct {
	Aangemaakt            []string `json:"aangemaakt"`
	Bijgewerkt            []string `json:"bijgewerkt"`
	Heractiveerd          []string `json:"heractiveerd"`
	Gedeactiveerd         []string `json:"gedeactiveerd"`
	CoordinatieOverdragen []struct {
		Email        string `json:"email"`
		Coordinaties int    `json:"coordinaties"`
	} `json:"coordinatieOverdragen"`
}

func listed(name, email, phone, function string) map[string]string {
	return map[string]string{"naam": name, "email": email, "telefoon": phone, "functie": function}
}

// TestProfessionalListMakesTheOrganisationsProfessionals: the organisation's
// complete list creates the new, updates the known and deactivates the
// missing; a missing coordinator is flagged to the regional administrator,
// and the youth's registrations stay with the organisation.
func TestProfessionalListMakesTheOrganisationsProfessionals(t *testing.T) {
	h := startCoordination(t)
	admin := h.admin(t)
	leaving := h.colleague(t, h.jh.Organisation)
	h.act(t, h.jh, "accepteren", map[string]any{"coordinerendeMedewerker": leaving.email()})
	token := h.clientSystem(t, h.jh.Organisation)
	domain := h.jh.email()[strings.IndexByte(h.jh.email(), '@'):]

	var out listAnswer
	h.call(t, "POST", "/api/v1/medewerkers/synchronisatie", token, map[string]any{"medewerkers": []map[string]string{
		listed("Anna Jansen", h.jh.email(), "040 765 43 21", "gedragswetenschapper"),
		listed("Piet Nieuw", "p.nieuw"+domain, "040 111 22 33", "jeugdhulpverlener"),
	}}).want(t, http.StatusOK, &out)
	if len(out.Aangemaakt) != 1 || len(out.Bijgewerkt) != 1 || len(out.Gedeactiveerd) != 1 || out.Gedeactiveerd[0] != leaving.email() {
		t.Fatalf("answer %+v", out)
	}
	if len(out.CoordinatieOverdragen) != 1 || out.CoordinatieOverdragen[0].Coordinaties != 1 {
		t.Fatalf("the leaving coordinator is not flagged: %+v", out.CoordinatieOverdragen)
	}
	var flagged bool
	for _, m := range h.inbox(t, admin) {
		flagged = flagged || strings.Contains(m.Tekst, leaving.email())
	}
	if !flagged {
		t.Error("the regional administrator was not told to reassign the coordination")
	}
	raw := testenv.RawDB(t, h.env)
	var active, registrations int
	raw.QueryRow(`SELECT active FROM professionals WHERE email = $1`, leaving.email()).Scan(&active)
	raw.QueryRow(`SELECT count(*) FROM registrations WHERE organisation_id = $1 AND ended_at IS NULL`, h.jh.Organisation.ID).Scan(&registrations)
	if active != 0 || registrations != 1 {
		t.Fatalf("the missing professional is active=%d; the organisation has %d running registrations, want 1", active, registrations)
	}
	// Their token stops working with them.
	wantProblem(t, h.call(t, "GET", "/api/v1/registraties", leaving.token, nil), http.StatusUnauthorized)

	// The same list again changes nothing.
	h.call(t, "POST", "/api/v1/medewerkers/synchronisatie", token, map[string]any{"medewerkers": []map[string]string{
		listed("Anna Jansen", h.jh.email(), "040 765 43 21", "gedragswetenschapper"),
		listed("Piet Nieuw", "p.nieuw"+domain, "040 111 22 33", "jeugdhulpverlener"),
	}}).want(t, http.StatusOK, &out)
	if len(out.Aangemaakt)+len(out.Bijgewerkt)+len(out.Gedeactiveerd)+len(out.Heractiveerd) != 0 {
		t.Fatalf("the same list again changed %+v", out)
	}
}

func TestProfessionalListWithABadLineChangesNothing(t *testing.T) {
	h := start(t)
	jh := h.user(t, "Jeugdhulp De Brug", "jeugdhulp")
	other := h.user(t, "GGD", "jgz")
	token := h.clientSystem(t, jh.Organisation)
	wantProblem(t, h.call(t, "POST", "/api/v1/medewerkers/synchronisatie", token, map[string]any{"medewerkers": []map[string]string{
		listed("Nieuw", "nieuw@brug.example", "040 111 22 33", ""),
		listed("", "geen-adres", "12", ""),
		listed("Van de GGD", other.email(), "040 111 22 44", ""),
	}}), http.StatusBadRequest, "medewerkers[1].naam", "medewerkers[1].email", "medewerkers[1].telefoon")
	wantProblem(t, h.call(t, "POST", "/api/v1/medewerkers/synchronisatie", token, map[string]any{"medewerkers": []map[string]string{
		listed("Van de GGD", other.email(), "040 111 22 44", ""),
	}}), http.StatusBadRequest, "medewerkers[0].email")
	var n int
	testenv.RawDB(t, h.env).QueryRow(`SELECT count(*) FROM professionals WHERE organisation_id = $1 AND active = 1`, jh.Organisation.ID).Scan(&n)
	if n != 1 {
		t.Fatalf("%d active professionals after refused lists, want the 1 there was", n)
	}
	// A professional's own token does not send the organisation's list.
	wantProblem(t, h.call(t, "POST", "/api/v1/medewerkers/synchronisatie", jh.token, map[string]any{"medewerkers": []map[string]string{
		listed("Nieuw", "nieuw@brug.example", "040 111 22 33", ""),
	}}), http.StatusForbidden)
}
