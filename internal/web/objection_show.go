package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/registration"
)

// objectionView is one objection with the form to decide it.
type objectionView struct {
	registration.Objection
	Today string // the latest day of a decision, for the date field
}

// showObjection: GET /beheer/bezwaren/{id}.
func (h *Handler) showObjection(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderObjection(w, r, http.StatusOK, id, &form{})
}

func (h *Handler) renderObjection(w http.ResponseWriter, r *http.Request, status int, id int64, f *form) {
	o, err := h.Registry.Registrations.Objection(r.Context(), actor(r), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, status, "objection", page{Title: "Bezwaar " + itoa(id), Nav: "bezwaren", Notice: notice(r), Form: f,
		Data: objectionView{Objection: o, Today: isoDay(h.today())}})
}
