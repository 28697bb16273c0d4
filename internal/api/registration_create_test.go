package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

// The three rules below share one server; each uses its own organisations and
// its own youth, so they cannot see each other.
func TestRegistrationShowsWhoIsInvolvedAndWhoCoordinates(t *testing.T) {
	t.Parallel()
	h := start(t)
	t.Run("FirstRegistrationIsAloneAndTheInitiativeIsTheCallers", func(t *testing.T) { firstRegistrationIsAlone(t, h) })
	t.Run("SecondOrganisationGetsMatchWithContacts", func(t *testing.T) { secondOrganisationGetsMatch(t, h) })
	t.Run("CovenantAssignsSMWThenGIAsCoordinator", func(t *testing.T) { covenantAssignsCoordinator(t, h) })
}

func firstRegistrationIsAlone(t *testing.T, h *harness) {
	school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)

	r := h.call(t, "POST", "/api/v1/registraties", school.token, map[string]any{"burgerservicenummer": population.BSNTeen, "soort": "signaal"})
	var got registered
	r.want(t, http.StatusCreated, &got)
	if got.ID == 0 || got.Soort != "signaal" || got.Status != "actief" {
		t.Errorf("id %d, soort %q, status %q; want an id, signaal, actief", got.ID, got.Soort, got.Status)
	}
	if loc := r.header.Get("Location"); loc != "/api/v1/registraties/"+itoa(got.ID) {
		t.Errorf("Location %q", loc)
	}
	if got.Match == nil || *got.Match {
		t.Errorf("match = %v, want false", got.Match)
	}
	if len(got.Betrokkenen) != 1 || !got.involves(school) {
		t.Fatalf("betrokkenen %+v, want only the caller", got.Betrokkenen)
	}
	b := got.Betrokkenen[0]
	if b.Organisatie.Naam != "Basisschool De Regenboog" || b.Organisatie.Type != "onderwijs" ||
		b.Medewerker.Naam != school.Professional.Name || b.Medewerker.Telefoon != school.Professional.Phone ||
		b.Soort != "signaal" || b.Sinds.IsZero() || b.Registratie != got.ID {
		t.Errorf("betrokkene %+v does not describe the caller's signal", b)
	}
	if got.Coordinator != nil {
		t.Errorf("coordinator %+v with one organisation involved", got.Coordinator)
	}
	wantNoCoordinator(t, r.body)
	if !strings.Contains(got.Bericht, "Het initiatief ligt bij u") {
		t.Errorf("bericht %q does not say the initiative is the caller's", got.Bericht)
	}
	if !strings.HasPrefix(got.Jeugdige.Referentie, "J-") || got.Jeugdige.Leeftijd != 13 || got.Jeugdige.Geboortedatum != "2012-12-30" {
		t.Errorf("jeugdige %+v, want a J- reference and the 13-year-old of 2012-12-30", got.Jeugdige)
	}
}

func secondOrganisationGetsMatch(t *testing.T, h *harness) {
	school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	smw := h.user(t, "SMW Eindhoven", model.TypeSMW)

	first := h.register(t, school, population.BSNChild, model.KindSignaal, http.StatusCreated)
	second := h.register(t, smw, population.BSNChild, model.KindKetenregistratie, http.StatusCreated)

	if second.Match == nil || !*second.Match {
		t.Fatalf("match = %v, want true", second.Match)
	}
	if second.Jeugdige.Referentie != first.Jeugdige.Referentie {
		t.Errorf("reference %q, want the youth's %q", second.Jeugdige.Referentie, first.Jeugdige.Referentie)
	}
	if len(second.Betrokkenen) != 2 || !second.involves(school) || !second.involves(smw) {
		t.Fatalf("betrokkenen %+v, want the school and the SMW", second.Betrokkenen)
	}
	for _, b := range second.Betrokkenen {
		if b.Organisatie.ID == school.Organisation.ID &&
			(b.Medewerker.Telefoon != school.Professional.Phone || b.Medewerker.Naam != school.Professional.Name || b.Soort != "signaal") {
			t.Errorf("the school's contact %+v is incomplete", b)
		}
	}
	if strings.Contains(second.Bericht, "initiatief ligt bij u") {
		t.Errorf("bericht %q says nobody else is involved", second.Bericht)
	}
	// The first organisation now sees the newcomer as well.
	var seen registered
	h.call(t, "GET", "/api/v1/registraties/"+itoa(first.ID), school.token, nil).want(t, http.StatusOK, &seen)
	if seen.Match == nil || !*seen.Match || !seen.involves(smw) {
		t.Errorf("the school's registration %+v does not show the SMW", seen)
	}
}

func covenantAssignsCoordinator(t *testing.T, h *harness) {
	school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	smw := h.user(t, "SMW Eindhoven", model.TypeSMW)
	gi := h.user(t, "Jeugdbescherming Brabant", model.TypeGI)

	h.register(t, school, population.BSNSibling1, model.KindSignaal, http.StatusCreated)
	withSMW := h.register(t, smw, population.BSNSibling1, model.KindKetenregistratie, http.StatusCreated)
	if c := withSMW.Coordinator; c == nil || c.Organisatie.ID != smw.Organisation.ID || c.Organisatie.Naam != "SMW Eindhoven" || c.Reden == "" {
		t.Fatalf("coordinator %+v, want SMW Eindhoven with a reason", c)
	}
	if !strings.Contains(withSMW.Bericht, "Coördinator: SMW Eindhoven") {
		t.Errorf("bericht %q does not name the coordinator", withSMW.Bericht)
	}

	withGI := h.register(t, gi, population.BSNSibling1, model.KindKetenregistratie, http.StatusCreated)
	c := withGI.Coordinator
	if c == nil || c.Organisatie.ID != gi.Organisation.ID || c.Organisatie.Type != "gi" {
		t.Fatalf("coordinator %+v, want the GI", c)
	}
	if !strings.Contains(c.Reden, "GI") {
		t.Errorf("reden %q does not mention the GI", c.Reden)
	}
	if len(withGI.Betrokkenen) != 3 {
		t.Errorf("betrokkenen %+v, want three organisations", withGI.Betrokkenen)
	}
}

func TestResentRegistrationAnswersExistingAndSendsNothing(t *testing.T) {
	t.Parallel()
	h := start(t)
	school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	smw := h.user(t, "SMW Eindhoven", model.TypeSMW)

	signal := h.register(t, school, population.BSNTeen, model.KindSignaal, http.StatusCreated)
	care := h.register(t, smw, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)
	// school: geen-match, coordinator, match; smw: coordinator, match. By
	// e-mail (issue 14): the school one, the match with the coordinator; the
	// SMW none, as the answer told it all.
	const wantSchool, wantSMW = 3, 2
	const wantSchoolMails, wantSMWMails = 1, 0
	h.mailsSettled(t, wantSchoolMails+wantSMWMails)

	againCare := h.register(t, smw, population.BSNTeen, model.KindKetenregistratie, http.StatusOK)
	againSignal := h.register(t, school, population.BSNTeen, model.KindSignaal, http.StatusOK)
	if againCare.ID != care.ID || againSignal.ID != signal.ID {
		t.Errorf("resent ids %d, %d; want the existing %d, %d", againCare.ID, againSignal.ID, care.ID, signal.ID)
	}
	if againCare.Match == nil || !*againCare.Match || len(againCare.Betrokkenen) != 2 {
		t.Errorf("resend answer %+v lacks who is involved", againCare)
	}
	if !strings.Contains(againSignal.Bericht, "niets nieuws geregistreerd") {
		t.Errorf("bericht %q does not say nothing new was registered", againSignal.Bericht)
	}
	if n := len(h.registrations(t, smw)); n != 1 {
		t.Errorf("SMW has %d registrations, want 1", n)
	}

	mails := h.mailsSettled(t, wantSchoolMails+wantSMWMails)
	if got := len(mailsTo(mails, school.email())); got != wantSchoolMails {
		t.Errorf("school received %d e-mails, want %d: %v", got, wantSchoolMails, subjects(mails))
	}
	if got := len(mailsTo(mails, smw.email())); got != wantSMWMails {
		t.Errorf("SMW received %d e-mails, want %d: %v", got, wantSMWMails, subjects(mails))
	}
	if len(mails) != wantSchoolMails+wantSMWMails {
		t.Errorf("%d e-mails in all, want %d: %v", len(mails), wantSchoolMails+wantSMWMails, subjects(mails))
	}
	if got := len(h.inbox(t, school)); got != wantSchool {
		t.Errorf("school's inbox has %d messages, want %d", got, wantSchool)
	}
	if got := len(h.inbox(t, smw)); got != wantSMW {
		t.Errorf("SMW's inbox has %d messages, want %d", got, wantSMW)
	}
}

func TestEveryInvolvedProfessionalGetsOneMatchMailWithoutIdentifyingTheYouth(t *testing.T) {
	t.Parallel()
	h := start(t)
	school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	smw := h.user(t, "SMW Eindhoven", model.TypeSMW)
	amw := h.user(t, "AMW Helmond", model.TypeAMW)

	first := h.register(t, school, population.BSNTeen, model.KindSignaal, http.StatusCreated)
	h.register(t, smw, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)
	h.register(t, amw, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)
	ref := first.Jeugdige.Referentie

	// Messages: school geen-match; SMW joins: coordinator and match to both;
	// AMW joins: match to all three (the SMW stays coordinator). E-mails
	// (issue 14): one per professional per registration, none to whoever
	// registered, whom the answer told: the school one for the SMW's and
	// one for the AMW's, the SMW one for the AMW's, the AMW none.
	want := map[string]int{school.email(): 2, smw.email(): 1, amw.email(): 0}
	mails := h.mailsSettled(t, 3)
	if len(mails) != 3 {
		t.Errorf("%d e-mails, want 3: %v", len(mails), subjects(mails))
	}
	for _, u := range []user{school, smw, amw} {
		got := mailsTo(mails, u.email())
		if len(got) != want[u.email()] {
			t.Errorf("%s received %d e-mails, want %d: %v", u.Organisation.Name, len(got), want[u.email()], subjects(got))
		}
		// Each match message in the inbox arrived in exactly one e-mail,
		// unless the answer showed it (stored read): then in none.
		matches := 0
		for _, m := range h.inbox(t, u) {
			if m.Soort != "match" {
				continue
			}
			matches++
			text, _, _ := strings.Cut(m.Tekst, "\n\nDe gegevens van de jeugdige")
			n := 0
			for _, mail := range got {
				if strings.Contains(mail.Subject, m.Onderwerp) && strings.Contains(mail.Text, text) {
					n++
				}
			}
			if wantN := map[bool]int{true: 0, false: 1}[m.GelezenOp != nil]; n != wantN {
				t.Errorf("%s received match %q %d times by e-mail, want %d", u.Organisation.Name, m.Onderwerp, n, wantN)
			}
		}
		if wantMatches := map[string]int{school.email(): 2, smw.email(): 2, amw.email(): 1}[u.email()]; matches != wantMatches {
			t.Errorf("%s has %d match messages, want %d", u.Organisation.Name, matches, wantMatches)
		}
	}
	// The newcomer's match message names the others with phone and e-mail.
	for _, m := range h.inbox(t, amw) {
		if m.Soort != "match" {
			continue
		}
		for _, s := range []string{school.Professional.Name, school.Professional.Phone, smw.Professional.Email, "SMW Eindhoven"} {
			if !strings.Contains(m.Tekst, s) {
				t.Errorf("AMW's match message lacks %q:\n%s", s, m.Tekst)
			}
		}
	}

	forbidden := []string{population.BSNTeen, "Mastenbroek", "Jason", "2012-12-30", "30-12-2012", "30 december 2012"}
	for _, m := range mails {
		if !strings.Contains(m.Text, ref) {
			t.Errorf("mail %q does not name the youth's reference %s", m.Subject, ref)
		}
		for _, s := range forbidden {
			if strings.Contains(string(m.Raw), s) || strings.Contains(m.Text, s) || strings.Contains(m.Subject, s) {
				t.Errorf("mail %q to %v reveals %q", m.Subject, m.To, s)
			}
		}
	}
}
