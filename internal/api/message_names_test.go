package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

// namedMessage is a message of the list with the fields of issue 14.
type namedMessage struct {
	ID                    int64  `json:"id"`
	Soort                 string `json:"soort"`
	Onderwerp             string `json:"onderwerp"`
	Spoed                 *bool  `json:"spoed"`
	Jeugdige              string `json:"jeugdige"`
	JeugdigeNaam          string `json:"jeugdigeNaam"`
	JeugdigeGeboortedatum string `json:"jeugdigeGeboortedatum"`
}

func (h *harness) namedInbox(t *testing.T, u user) []namedMessage {
	t.Helper()
	var out struct {
		Berichten []namedMessage `json:"berichten"`
	}
	h.call(t, "GET", "/api/v1/berichten", u.token, nil).want(t, http.StatusOK, &out)
	return out.Berichten
}

func TestTheMessageListNamesTheYouthToTheInvolvedOnlyAndMarksSpoed(t *testing.T) {
	t.Parallel()
	h := start(t)
	school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	vt := h.user(t, "Veilig Thuis Brabant", model.TypeVeiligThuis)
	own := h.register(t, school, population.BSNTeen, model.KindSignaal, http.StatusCreated)
	h.register(t, vt, population.BSNTeen, model.KindSignaal, http.StatusCreated)

	// The match with Veilig Thuis first, spoed; then Veilig Thuis named as
	// coordinator, and the read geen-match, neither spoed.
	list := h.namedInbox(t, school)
	if len(list) != 3 {
		t.Fatalf("the school has %d messages, want the match, the coordinator and the geen-match: %+v", len(list), list)
	}
	if first := list[0]; first.Soort != "match" || first.Spoed == nil || !*first.Spoed {
		t.Errorf("the first message is %+v, want the match with Veilig Thuis, spoed", first)
	}
	for _, m := range list[1:] {
		if m.Spoed == nil || *m.Spoed {
			t.Errorf("%s %q is not spoed: false", m.Soort, m.Onderwerp)
		}
	}
	for _, m := range list {
		if m.JeugdigeNaam != own.Jeugdige.Naam || m.JeugdigeGeboortedatum != own.Jeugdige.Geboortedatum || m.Jeugdige != own.Jeugdige.Referentie {
			t.Errorf("the involved school reads %q as %q, %q (%s); want %q, %q (%s)", m.Onderwerp, m.JeugdigeNaam, m.JeugdigeGeboortedatum, m.Jeugdige,
				own.Jeugdige.Naam, own.Jeugdige.Geboortedatum, own.Jeugdige.Referentie)
		}
	}

	h.call(t, "POST", "/api/v1/registraties/"+itoa(own.ID)+"/beeindigen", school.token, nil).want(t, http.StatusOK, nil)
	r := h.call(t, "GET", "/api/v1/berichten", school.token, nil)
	if r.status != http.StatusOK || strings.Contains(string(r.body), "jeugdigeNaam") || strings.Contains(string(r.body), own.Jeugdige.Naam) ||
		strings.Contains(string(r.body), "jeugdigeGeboortedatum") {
		t.Errorf("no longer involved, the school's list still names the youth: %s", r.body)
	}
	if !strings.Contains(string(r.body), own.Jeugdige.Referentie) {
		t.Errorf("the list lost the youth's reference: %s", r.body)
	}
}

// A client system registering for a professional read the answer; the
// professional did not, and gets the e-mail. A professional with their own
// token read it, and does not.
func TestAClientSystemsProfessionalIsMailedWhatItsAnswerSaid(t *testing.T) {
	t.Parallel()
	h := start(t)
	school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	care := h.user(t, "Jeugdhulp Zuid", model.TypeJeugdhulp)
	system := h.clientSystem(t, care.Organisation)
	h.register(t, school, population.BSNTeen, model.KindSignaal, http.StatusCreated)
	h.call(t, "POST", "/api/v1/registraties", system, map[string]any{
		"burgerservicenummer": population.BSNTeen, "soort": model.KindKetenregistratie, "medewerker": care.email(),
	}).want(t, http.StatusCreated, nil)

	mails := h.mailsSettled(t, 2)
	if got := mailsTo(mails, care.email()); len(got) != 1 || !strings.Contains(got[0].Text, "Basisschool De Regenboog") {
		t.Errorf("the professional behind the client system got %v, want one e-mail naming the school", subjects(got))
	}
	if got := mailsTo(mails, school.email()); len(got) != 1 {
		t.Errorf("the school got %v, want one e-mail for the care organisation's arrival", subjects(got))
	}
	if len(mails) != 2 {
		t.Errorf("%d e-mails, want 2: %v", len(mails), subjects(mails))
	}
}
