package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// The forms of the plan of action on the youth's page (issue 4): they post
// to /jeugdigen/{ref}/plan/..., and come back to the page's plan with a
// notice, or with the error above the page and nothing changed.

// planLabels name the plan's fields in the error summary.
var planLabels = map[string]string{
	"actie":             "Actie",
	"verantwoordelijke": "Verantwoordelijke",
	"startdatum":        "Startdatum",
	"einddatum":         "Einddatum",
	"status":            "Status",
	"datum":             "Datum",
	"bevestigd":         "Bevestiging",
	"registratie":       "Signaalgever",
}

// toPlan sends the browser back to the plan on the youth's page.
func toPlan(w http.ResponseWriter, r *http.Request, notice string) {
	http.Redirect(w, r, withNotice("/jeugdigen/"+r.PathValue("ref"), notice)+"#plan", http.StatusSeeOther)
}

// planFailed answers a refused plan form. Who may not see the youth or may
// not change the plan gets the same error page as anywhere; the coordinator
// gets the youth's page again with the error summary above it. prefix makes
// the fields' ids those of the form that was sent ("afspraak-7-").
func (h *Handler) planFailed(w http.ResponseWriter, r *http.Request, f *form, prefix string, err error) {
	h.youthFormFailed(w, r, f, planLabels, prefix, err)
}

// planDay reads an optional day from a form (jjjj-mm-dd as a date input
// sends it, or dd-mm-jjjj); nil when empty.
func planDay(f *form, name string) (*time.Time, error) {
	s := strings.TrimSpace(f.Value(name))
	if s == "" {
		return nil, nil
	}
	d, err := parseDay(s)
	if err != nil {
		return nil, model.InvalidField(name, "Vul een datum in als dd-mm-jjjj, bijvoorbeeld 01-12-2026.")
	}
	return &d, nil
}

// planPathID reads a number from the path; anything else is 0, which names
// nothing, so the use case answers "not found" after its access checks.
func planPathID(r *http.Request, name string) int64 {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}
