package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
)

// createObjection: POST /beheer/bezwaren records an objection against a
// youth's registrations: the BSN, the municipality, the day it was received
// and, optionally, the numbers of the registrations (empty: every active
// one). Bad input brings the list back with the error at the field and the
// values kept; nothing is stored.
func (h *Handler) createObjection(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	in := registration.Objecting{BSN: strings.TrimSpace(f.Value("burgerservicenummer")), Municipality: f.Value("gemeente")}
	in.ReceivedOn = f.day("ontvangen", "Vul de datum in als dd-mm-jjjj, bijvoorbeeld 20-11-2026.")
	ids, ok := registrationNumbers(f.Value("registraties"))
	if !ok {
		f.add("registraties", "Noem de registraties met hun nummer, gescheiden door komma's, bijvoorbeeld 12, 15; of laat het veld leeg voor alle actieve registraties.")
	}
	in.Registrations = ids
	if f.Failed() {
		h.renderObjections(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	o, err := h.Registry.Registrations.RecordObjection(r.Context(), actor(r), in)
	if err != nil {
		if model.ErrorCode(err) != model.EINVALID {
			h.fail(w, r, err)
			return
		}
		f.fail(err)
		h.renderObjections(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	http.Redirect(w, r, withNotice("/beheer/bezwaren/"+itoa(o.ID), "bezwaar-vastgelegd"), http.StatusSeeOther)
}

// registrationNumbers reads "12, 15" (commas or spaces); empty gives none.
func registrationNumbers(s string) ([]int64, bool) {
	var out []int64
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
		n, err := strconv.ParseInt(part, 10, 64)
		if err != nil || n <= 0 {
			return nil, false
		}
		out = append(out, n)
	}
	return out, true
}

// isoDay is a date field's value for a day, "2026-11-20".
func isoDay(t time.Time) string { return t.Format("2006-01-02") }
