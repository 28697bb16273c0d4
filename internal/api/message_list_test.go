package api_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

func TestListsShowOnlyOwnRegistrationsAndOwnMessages(t *testing.T) {
	t.Parallel()
	h := start(t)
	smw := h.user(t, "SMW Eindhoven", model.TypeSMW)
	amw := h.user(t, "AMW Helmond", model.TypeAMW)
	teen := h.register(t, smw, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)
	child := h.register(t, smw, population.BSNChild, model.KindKetenregistratie, http.StatusCreated)
	joined := h.register(t, amw, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)

	t.Run("RegistrationListShowsOwnOrganisationOnly", func(t *testing.T) {
		want := []int64{teen.ID, child.ID}
		colleague := h.colleague(t, smw.Organisation)
		for _, u := range []user{smw, colleague} {
			got := registrationIDs(h.registrations(t, u))
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s sees registrations %v, want the SMW's %v", u.Professional.Name, got, want)
			}
		}
		if got := registrationIDs(h.registrations(t, amw)); !slices.Equal(got, []int64{joined.ID}) {
			t.Errorf("AMW sees registrations %v, want only its own %d", got, joined.ID)
		}
		// The list has no search: a query does not widen it.
		var out struct {
			Registraties []registered `json:"registraties"`
		}
		h.call(t, "GET", "/api/v1/registraties?burgerservicenummer="+population.BSNTeen+"&organisatie="+itoa(smw.Organisation.ID), amw.token, nil).want(t, http.StatusOK, &out)
		if got := registrationIDs(out.Registraties); !slices.Equal(got, []int64{joined.ID}) {
			t.Errorf("AMW with a query sees %v, want only its own %d", got, joined.ID)
		}
	})

	t.Run("InboxShowsUnreadFirst", func(t *testing.T) {
		// SMW: two geen-match, read (the answers said so, issue 14), then
		// the AMW's arrival: coordinator and match, unread.
		inbox := h.inbox(t, smw)
		if len(inbox) != 4 {
			t.Fatalf("SMW has %d messages, want 4: %+v", len(inbox), inbox)
		}
		for i, m := range inbox {
			if m.ID == 0 || m.Onderwerp == "" || m.Tekst == "" || m.Jeugdige == "" {
				t.Errorf("message %+v is incomplete", m)
			}
			if read := m.Soort == "geen-match"; (m.GelezenOp != nil) != read || read != (i >= 2) {
				t.Errorf("message %d (%s) has gelezenOp %v: want the two unread first, then the read geen-match", i, m.Soort, m.GelezenOp)
			}
		}
		newest := inbox[0]
		r := h.call(t, "POST", "/api/v1/berichten/"+itoa(newest.ID)+"/gelezen", smw.token, nil)
		if r.status != http.StatusNoContent || len(r.body) != 0 {
			t.Fatalf("marking read: %d %s, want 204 without body", r.status, r.body)
		}
		after := h.inbox(t, smw)
		if len(after) != 4 || after[0].GelezenOp != nil || after[1].ID != newest.ID || after[1].GelezenOp == nil {
			t.Fatalf("after reading message %d the inbox is %+v; want the other unread first, then it, with gelezenOp", newest.ID, after)
		}
		// Reading again changes nothing.
		h.clockTick()
		if r := h.call(t, "POST", "/api/v1/berichten/"+itoa(newest.ID)+"/gelezen", smw.token, nil); r.status != http.StatusNoContent {
			t.Errorf("marking read again: %d %s", r.status, r.body)
		}
		if again := h.inbox(t, smw); !again[1].GelezenOp.Equal(*after[1].GelezenOp) {
			t.Errorf("reading again moved gelezenOp from %v to %v", after[1].GelezenOp, again[1].GelezenOp)
		}
	})

	t.Run("SomeoneElsesMessageIsNotFound", func(t *testing.T) {
		theirs := h.inbox(t, smw)[0]
		r := h.call(t, "POST", "/api/v1/berichten/"+itoa(theirs.ID)+"/gelezen", amw.token, nil)
		wantProblem(t, r, http.StatusNotFound)
		sameAnswer(t, "reading someone else's message", r, h.call(t, "POST", "/api/v1/berichten/99999/gelezen", amw.token, nil))
		if still := h.inbox(t, smw)[0]; still.ID != theirs.ID || still.GelezenOp != nil {
			t.Errorf("the SMW's message %d was marked read by the AMW: %+v", theirs.ID, still)
		}
		for _, m := range h.inbox(t, amw) {
			if m.ID == theirs.ID {
				t.Errorf("the AMW's inbox holds the SMW's message %d", m.ID)
			}
		}
	})
}
