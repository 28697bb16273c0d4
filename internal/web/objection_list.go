package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/registration"
)

// The regional administrator records the objections (bezwaar, AVG art. 21)
// that parents or youth lodged at a municipality, and their decision: under
// /beheer/bezwaren, with the same use cases as the API.

// objectionsView is the list page: the objections and the form to record one.
type objectionsView struct {
	Objections []registration.Objection
}

// listObjections: GET /beheer/bezwaren.
func (h *Handler) listObjections(w http.ResponseWriter, r *http.Request) {
	h.renderObjections(w, r, http.StatusOK, &form{})
}

// renderObjections shows the list with the form, with its errors when given.
func (h *Handler) renderObjections(w http.ResponseWriter, r *http.Request, status int, f *form) {
	list, err := h.Registry.Registrations.Objections(r.Context(), actor(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, status, "objections", page{Title: "Bezwaren", Nav: "bezwaren", Notice: notice(r), Form: f, Data: objectionsView{Objections: list}})
}
