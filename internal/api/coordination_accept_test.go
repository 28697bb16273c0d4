package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

// The coordination as a client reads it.

type coordinationState struct {
	Organisatie organisation `json:"organisatie"`
	Regel       string       `json:"regel"`
	Reden       string       `json:"reden"`
	Status      string       `json:"status"`
	Medewerker  *struct {
		Naam     string `json:"naam"`
		Telefoon string `json:"telefoon"`
		Email    string `json:"email"`
	} `json:"medewerker"`
	AccepterenVoor *time.Time `json:"accepterenVoor"`
	BesluitOp      *time.Time `json:"besluitOp"`
	RedenNietNodig *string    `json:"redenNietNodig"`
	Overdracht     *struct {
		Naar          organisation `json:"naar"`
		VoorgesteldOp time.Time    `json:"voorgesteldOp"`
	} `json:"overdracht"`
	Mogelijkheden *struct {
		Accepteren           bool           `json:"accepteren"`
		NietNodig            bool           `json:"nietNodig"`
		Overdragen           bool           `json:"overdragen"`
		OverdrachtAccepteren bool           `json:"overdrachtAccepteren"`
		OverdrachtWeigeren   bool           `json:"overdrachtWeigeren"`
		OverdrachtIntrekken  bool           `json:"overdrachtIntrekken"`
		Afsluiten            bool           `json:"afsluiten"`
		Kandidaten           []organisation `json:"kandidaten"`
	} `json:"mogelijkheden"`
}

type coordinationResponse struct {
	Referentie  string             `json:"referentie"`
	Coordinator *coordinationState `json:"coordinator"`
	Bericht     string             `json:"bericht"`
}

// coordinationHarness: a school signalled and a youth-care provider
// registered care for BSNChild; the provider is assigned as coordinator.
type coordinationHarness struct {
	*harness
	school, jh user
	ref        string
}

func startCoordination(t *testing.T) *coordinationHarness {
	t.Helper()
	h := &coordinationHarness{harness: start(t)}
	h.school = h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	h.jh = h.user(t, "Jeugdhulp Brabant", model.TypeJeugdhulp)
	h.register(t, h.school, population.BSNChild, model.KindSignaal, http.StatusCreated)
	r := h.register(t, h.jh, population.BSNChild, model.KindKetenregistratie, http.StatusCreated)
	if r.Coordinator == nil || r.Coordinator.Organisatie.ID != h.jh.Organisation.ID {
		t.Fatalf("coordinator %+v, want Jeugdhulp Brabant", r.Coordinator)
	}
	h.ref = r.Jeugdige.Referentie
	return h
}

func (h *coordinationHarness) path(action string) string {
	return "/api/v1/jeugdigen/" + h.ref + "/coordinatie/" + action
}

// join registers another care organisation for the youth, a minute later.
func (h *coordinationHarness) join(t *testing.T, name string, typ model.OrgType) user {
	t.Helper()
	h.clockTick()
	u := h.user(t, name, typ)
	h.register(t, u, population.BSNChild, model.KindKetenregistratie, http.StatusCreated)
	return u
}

// act posts a coordination action and decodes the 200 answer.
func (h *coordinationHarness) act(t *testing.T, u user, action string, body any) coordinationResponse {
	t.Helper()
	var out coordinationResponse
	h.call(t, "POST", h.path(action), u.token, body).want(t, http.StatusOK, &out)
	return out
}

// youthCoordination is the coordinator on the youth's page as u sees it.
func (h *coordinationHarness) youthCoordination(t *testing.T, u user) *coordinationState {
	t.Helper()
	var out struct {
		Coordinator *coordinationState `json:"coordinator"`
	}
	h.call(t, "GET", "/api/v1/jeugdigen/"+h.ref, u.token, nil).want(t, http.StatusOK, &out)
	return out.Coordinator
}

func TestAPIYouthShowsTheAcceptanceDeadlineAndWhatTheCallerMayDo(t *testing.T) {
	h := startCoordination(t)
	c := h.youthCoordination(t, h.jh)
	if c.Status != "toegewezen" || c.AccepterenVoor == nil || c.Medewerker != nil || c.Mogelijkheden == nil {
		t.Fatalf("assigned coordination %+v, want toegewezen with accepterenVoor and mogelijkheden", c)
	}
	// 23 November 2026 is a Monday; five working days later is Monday 30
	// November, which ends at midnight in the Netherlands.
	if want := time.Date(2026, 11, 30, 22, 59, 59, 999_000_000, time.UTC); !c.AccepterenVoor.Equal(want) {
		t.Errorf("accepterenVoor %v, want %v", c.AccepterenVoor, want)
	}
	if m := c.Mogelijkheden; !m.Accepteren || !m.NietNodig || m.Afsluiten || m.Overdragen {
		t.Errorf("the assigned organisation may %+v, want accepteren and nietNodig", m)
	}
	if m := h.youthCoordination(t, h.school).Mogelijkheden; m.Accepteren || m.NietNodig || m.Afsluiten {
		t.Errorf("the school may %+v, want nothing", m)
	}
}

func TestAPIAcceptCoordinationNamingAColleague(t *testing.T) {
	h := startCoordination(t)
	colleague := h.colleague(t, h.jh.Organisation)
	out := h.act(t, h.jh, "accepteren", map[string]any{"coordinerendeMedewerker": colleague.email()})
	c := out.Coordinator
	if out.Referentie != h.ref || out.Bericht == "" || c == nil || c.Status != "geaccepteerd" || c.Medewerker == nil ||
		c.Medewerker.Telefoon != colleague.Professional.Phone || c.AccepterenVoor != nil || c.BesluitOp == nil {
		t.Fatalf("answer %+v, want geaccepteerd naming the colleague with phone", out)
	}
	if !c.Mogelijkheden.Afsluiten || c.Mogelijkheden.NietNodig {
		t.Errorf("after accepting the coordinator may %+v, want afsluiten, not nietNodig", c.Mogelijkheden)
	}
	seen := h.youthCoordination(t, h.school)
	if seen.Status != "geaccepteerd" || seen.Medewerker == nil || seen.Medewerker.Email != colleague.email() {
		t.Errorf("the school sees %+v, want the colleague as coordinating professional", seen)
	}
	var told bool
	for _, m := range h.inbox(t, h.school) {
		told = told || (m.Soort == "coordinatie-geaccepteerd" && strings.Contains(m.Tekst, colleague.Professional.Phone))
	}
	if !told {
		t.Error("the school was not told whom to call")
	}
}

func TestAPIClientSystemAcceptsForTheProfessionalItNames(t *testing.T) {
	h := startCoordination(t)
	token := h.clientSystem(t, h.jh.Organisation)
	var out coordinationResponse
	h.call(t, "POST", h.path("accepteren"), token, map[string]any{"medewerker": h.jh.email()}).want(t, http.StatusOK, &out)
	if out.Coordinator.Medewerker == nil || out.Coordinator.Medewerker.Email != h.jh.email() {
		t.Fatalf("coordinating professional %+v, want the professional the client system acts for", out.Coordinator.Medewerker)
	}
}

func TestAPIOnlyTheAssignedOrganisationAccepts(t *testing.T) {
	h := startCoordination(t)
	wantProblem(t, h.call(t, "POST", h.path("accepteren"), h.school.token, nil), http.StatusForbidden)
	p := wantProblem(t, h.call(t, "POST", h.path("accepteren"), h.jh.token, map[string]any{"coordinerendeMedewerker": h.school.email()}),
		http.StatusBadRequest, "coordinerendeMedewerker")
	if !strings.Contains(p.Detail, "eigen organisatie") {
		t.Errorf("detail %q does not say to pick someone of the own organisation", p.Detail)
	}
	if c := h.youthCoordination(t, h.jh); c.Status != "toegewezen" {
		t.Errorf("refused acceptances changed the status to %s", c.Status)
	}
}

func TestAPINotNeededTakesACodeNamingTheField(t *testing.T) {
	h := startCoordination(t)
	wantProblem(t, h.call(t, "POST", h.path("niet-nodig"), h.jh.token, map[string]any{"reden": "het gaat goed thuis"}), http.StatusBadRequest, "reden")
	wantProblem(t, h.call(t, "POST", h.path("niet-nodig"), h.jh.token, map[string]any{"reden": "adequate-hulp", "toelichting": "x"}), http.StatusBadRequest, "toelichting")
	if c := h.youthCoordination(t, h.jh); c.Status != "toegewezen" {
		t.Fatalf("bad input changed the status to %s", c.Status)
	}
	out := h.act(t, h.jh, "niet-nodig", map[string]any{"reden": "elders-gecoordineerd"})
	if c := out.Coordinator; c.Status != "niet-nodig" || c.RedenNietNodig == nil || *c.RedenNietNodig != "elders-gecoordineerd" || !c.Mogelijkheden.Accepteren {
		t.Fatalf("answer %+v, want niet-nodig with the code and the option to accept after all", c)
	}
	wantProblem(t, h.call(t, "POST", h.path("niet-nodig"), h.school.token, map[string]any{"reden": "adequate-hulp"}), http.StatusForbidden)
}
