package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Weighty actions (ending a registration, removing one, starting an
// escalation, closing a case, removing a signal, deactivating a professional
// or an organisation) take two steps, without JavaScript: their button posts
// without the field bevestigd, and the handler answers with a page that says
// what will happen, with "Ja, …" (the same post with bevestigd=ja) and
// "Annuleren" (a link back). The handler acts only with bevestigd=ja; the
// page is shown only when the action would be allowed, so it never promises
// what would then be refused.

// confirmField is the field that says the user confirmed on the page. The
// use cases that take a confirmation (closing a case, removing a signal)
// name their error after the same field.
const confirmField = "bevestigd"

// confirmed reports whether the post came from the confirmation page.
func confirmed(r *http.Request) bool { return r.PostFormValue(confirmField) == "ja" }

// confirmation is what the confirmation page says and where it posts.
type confirmation struct {
	Title   string   // the page's title and heading, a question
	Lead    string   // what this is about
	Effects []string // what will happen, each a sentence
	Warning string   // what cannot be undone; empty when it can
	Action  string   // where "Ja" posts
	Button  string   // "Ja, beëindigen"
	Fields  []hidden // the form's other fields, posted again
	Cancel  string   // where "Annuleren" goes
}

// hidden is a field posted again from the confirmation page.
type hidden struct{ Name, Value string }

// confirm shows the confirmation page. It changes nothing.
func (h *Handler) confirm(w http.ResponseWriter, r *http.Request, nav string, c confirmation) {
	h.render(w, r, http.StatusOK, "confirm", page{Title: c.Title, Nav: nav, Data: c})
}

// needsConfirmation reports whether a use case refused only for want of the
// confirmation: everything else would be allowed.
func needsConfirmation(err error) bool {
	if model.ErrorCode(err) != model.EINVALID {
		return false
	}
	params := model.ErrorParams(err)
	return len(params) == 1 && params[0].Name == confirmField
}
