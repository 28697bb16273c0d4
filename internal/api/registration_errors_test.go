package api_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

// unknownBSN returns a number that passes the eleven-test but belongs to
// nobody in the RvIG test set.
func unknownBSN(t *testing.T) string {
	t.Helper()
	const bsn = "111222333"
	if !model.ValidBSN(bsn) {
		t.Fatalf("%s does not pass the eleven-test", bsn)
	}
	for _, p := range population.TestPersons() {
		if p.Person.BSN == bsn {
			t.Fatalf("%s is in the RvIG test set", bsn)
		}
	}
	return bsn
}

func TestInvalidRegistrationIsProblemAndChangesNothing(t *testing.T) {
	t.Parallel()
	h := start(t)
	school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	smw := h.user(t, "SMW Eindhoven", model.TypeSMW)
	teen := population.BSNTeen

	cases := []struct {
		name   string
		by     user
		body   any // string: sent as is
		fields []string
	}{
		{"BSNMustPassElevenTest", school, map[string]any{"burgerservicenummer": "123456789", "soort": "signaal"}, []string{"burgerservicenummer"}},
		{"BSNMustHaveNineDigits", school, map[string]any{"burgerservicenummer": "99999800", "soort": "signaal"}, []string{"burgerservicenummer"}},
		{"BSNMustBeText", school, `{"burgerservicenummer": 999998006, "soort": "signaal"}`, []string{"burgerservicenummer"}},
		{"PersonMustBeInPopulationRegister", school, map[string]any{"burgerservicenummer": unknownBSN(t), "soort": "signaal"}, []string{"burgerservicenummer"}},
		{"AdultIsNoYouth", school, map[string]any{"burgerservicenummer": population.BSNAdult, "soort": "signaal"}, []string{"burgerservicenummer"}},
		{"SignalOnlyOrganisationCannotMakeCareRegistration", school, map[string]any{"burgerservicenummer": teen, "soort": "ketenregistratie"}, []string{"soort"}},
		{"UnknownSoortIsRefused", school, map[string]any{"burgerservicenummer": teen, "soort": "zorgmelding"}, []string{"soort"}},
		{"SoortIsRequired", school, map[string]any{"burgerservicenummer": teen}, []string{"soort"}},
		{"EmptyObjectNamesRequiredFields", school, `{}`, []string{"burgerservicenummer", "soort"}},
		{"UnknownFieldIsRefusedNoCaseContent", school, map[string]any{"burgerservicenummer": teen, "soort": "signaal", "toelichting": "zorgen over thuissituatie"}, []string{"toelichting"}},
		{"WrongTypeIsRefused", school, `{"burgerservicenummer": "999998006", "soort": "signaal", "urgent": "ja"}`, []string{"urgent"}},
		{"EndDateMustBeISODate", school, map[string]any{"burgerservicenummer": teen, "soort": "signaal", "einddatum": "30-06-2027"}, []string{"einddatum"}},
		{"EndDateMustNotBeInThePast", school, map[string]any{"burgerservicenummer": teen, "soort": "signaal", "einddatum": "2026-11-22"}, []string{"einddatum"}},
		{"CareRegistrationCannotBeUrgent", smw, map[string]any{"burgerservicenummer": teen, "soort": "ketenregistratie", "urgent": true}, []string{"urgent"}},
		{"EmptyBodyIsRefused", school, "", nil},
		{"BodyMustBeJSON", school, "burgerservicenummer=999998006&soort=signaal", nil},
		{"EndDateMustNotBeAfterTheTerm", school, map[string]any{"burgerservicenummer": teen, "soort": "signaal", "einddatum": "9999-12-31"}, []string{"einddatum"}},
		// encoding/json would keep the last, valid BSN: refused instead.
		{"AFieldGivenTwiceIsRefused", school, `{"burgerservicenummer": "123456789", "burgerservicenummer": "999998006", "soort": "signaal"}`, []string{"burgerservicenummer"}},
		{"AFieldGivenTwiceInANestedObjectIsRefused", school, `{"burgerservicenummer": "999998006", "soort": "signaal", "x": {"a": 1, "a": 2}}`, []string{"a"}},
		{"OneObjectOnly", school, `{"burgerservicenummer": "999998006", "soort": "signaal"} {"soort": "signaal"}`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := h.call(t, "POST", "/api/v1/registraties", c.by.token, c.body)
			p := wantProblem(t, r, http.StatusBadRequest, c.fields...)
			if c.fields == nil && len(p.InvalidParams) != 0 {
				t.Logf("invalidParams %+v", p.InvalidParams)
			}
			if n := len(h.registrations(t, c.by)); n != 0 {
				t.Errorf("%s has %d registrations after a refused one, want 0", c.by.Organisation.Name, n)
			}
			if n := len(h.inbox(t, c.by)); n != 0 {
				t.Errorf("%s has %d messages after a refused registration, want 0", c.by.Organisation.Name, n)
			}
		})
	}

	t.Run("ParserMessagesAreDutch", func(t *testing.T) {
		for body, want := range map[string]string{
			`{"burgerservicenummer": "999998006", "soort": `: "houdt op voordat het object gesloten is",
			`{"burgerservicenummer" "999998006"}`:            "fout bij teken",
			`{"soort": "signaal",}`:                          "fout bij teken",
		} {
			p := wantProblem(t, h.call(t, "POST", "/api/v1/registraties", school.token, body), http.StatusBadRequest)
			if !strings.Contains(p.Detail, want) || strings.Contains(p.Detail, "invalid character") || strings.Contains(p.Detail, "unexpected") {
				t.Errorf("%s: detail %q, want Dutch naming %q", body, p.Detail, want)
			}
		}
	})

	t.Run("ValidRequestIsAcceptedAfterwards", func(t *testing.T) {
		// The same server takes a correct registration, so the refusals above
		// were about the input; and the youth is new: nothing was kept of them.
		var got registered
		h.call(t, "POST", "/api/v1/registraties", school.token, map[string]any{
			"burgerservicenummer": teen, "soort": "signaal", "urgent": true, "einddatum": "2026-11-23",
		}).want(t, http.StatusCreated, &got)
		if !got.Urgent || got.Einddatum == nil || *got.Einddatum != "2026-11-23" || got.Match == nil || *got.Match {
			t.Errorf("registration %+v, want an urgent signal until today without match", got)
		}
		if ids := registrationIDs(h.registrations(t, school)); !slices.Equal(ids, []int64{got.ID}) {
			t.Errorf("school's registrations %v, want only %d", ids, got.ID)
		}
		// One message, about the valid registration; read and not mailed, as
		// the answer said it (issue 14).
		if inbox := h.inbox(t, school); len(inbox) != 1 || inbox[0].GelezenOp == nil {
			t.Errorf("the school's inbox %+v, want only the message about the valid registration, read", inbox)
		}
		if mails := h.mailsSettled(t, 0); len(mails) != 0 {
			t.Errorf("%d e-mails, want none: %v", len(mails), subjects(mails))
		}
	})
}

func registrationIDs(list []registered) []int64 {
	var ids []int64
	for _, r := range list {
		ids = append(ids, r.ID)
	}
	return ids
}
