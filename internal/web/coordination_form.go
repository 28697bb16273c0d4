package web

import "net/http"

// The forms of the coordinator's job on the youth's page (issue 4):
// accepting, saying coordination is not needed, handing over and closing.
// They post to /jeugdigen/{ref}/coordinatie/..., and come back to the
// coordination on the page with a notice, or with the error above the page
// and nothing changed.

// coordinationLabels name the fields in the error summary.
var coordinationLabels = map[string]string{
	"coordinerendeMedewerker": "Coördinerende professional",
	"reden":                   "Reden",
	"organisatie":             "Overdragen aan",
	"bevestigd":               "Bevestiging",
}

// toCoordination sends the browser back to the coordination on the youth's page.
func toCoordination(w http.ResponseWriter, r *http.Request, notice string) {
	http.Redirect(w, r, withNotice("/jeugdigen/"+r.PathValue("ref"), notice)+"#coordinatie", http.StatusSeeOther)
}

// coordinationFailed answers a refused coordination form. Who may not see
// the youth, or may not do this, gets the same error page as anywhere;
// bad input and a state that does not allow it show the youth's page again
// with the error summary above it. prefix makes a field's id that of the
// form that was sent ("overdracht-").
func (h *Handler) coordinationFailed(w http.ResponseWriter, r *http.Request, f *form, prefix string, err error) {
	h.youthFormFailed(w, r, f, coordinationLabels, prefix, err)
}
