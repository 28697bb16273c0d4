package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// The forms of the escalation procedure and the care pyramid (issue 4) post
// to /jeugdigen/{ref}/escalatie/... and /jeugdigen/{ref}/zorgpiramide/...,
// from the youth's page or, for the regional administrator, from
// /beheer/escalaties (the form then says terug=beheer). They come back with
// a notice, or with the error above the page and nothing changed.

// escalationLabels name the fields in the error summary.
var escalationLabels = map[string]string{
	"stap":     "Stap",
	"uitkomst": "Uitkomst",
	"datum":    "Datum van het overleg",
}

// escalationBack is where a form returns to: the administrator's list, or
// the youth's page at the escalation.
func escalationBack(r *http.Request, notice string) string {
	if r.PostFormValue("terug") == "beheer" {
		return withNotice("/beheer/escalaties", notice)
	}
	return withNotice("/jeugdigen/"+r.PathValue("ref"), notice) + "#escalatie"
}

// escalationDone redirects after a successful form, or shows why it failed.
func (h *Handler) escalationDone(w http.ResponseWriter, r *http.Request, f *form, err error, notice string) {
	if err != nil {
		h.escalationFailed(w, r, f, err)
		return
	}
	http.Redirect(w, r, escalationBack(r, notice), http.StatusSeeOther)
}

// escalationFailed answers a refused form: the page it came from again with
// the error summary above it for bad input or a step out of turn; the error
// page for anyone who may not see the youth or may not act.
func (h *Handler) escalationFailed(w http.ResponseWriter, r *http.Request, f *form, err error) {
	status, ok := formRefusal(f, escalationLabels, "escalatie-", err)
	if !ok {
		h.fail(w, r, err)
		return
	}
	if r.PostFormValue("terug") == "beheer" {
		h.renderEscalations(w, r, status, f)
		return
	}
	pic, perr := h.Registry.YouthByReference(r.Context(), actor(r), r.PathValue("ref"))
	if perr != nil {
		// An administrator who is not involved sees the list instead.
		if model.ErrorCode(perr) == model.ENOTFOUND && user(r).Professional.Admin {
			h.renderEscalations(w, r, status, f)
			return
		}
		h.fail(w, r, perr)
		return
	}
	h.render(w, r, status, "youth", page{Title: "Jeugdige " + pic.Youth.Reference, Form: f, Data: pic})
}
