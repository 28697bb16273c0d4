package web

import (
	"net/http"
	"strconv"
)

// setEndDate: POST /registraties/{id}/einddatum; an empty date removes it.
func (h *Handler) setEndDate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r)
	day := f.day("einddatum", "Vul de einddatum in als dd-mm-jjjj, bijvoorbeeld 30-06-2027, of laat het veld leeg.")
	if f.Failed() {
		h.showRegistrationWith(w, r, id, f)
		return
	}
	if _, err := h.Registry.Registrations.SetEndDate(r.Context(), actor(r), id, day); err != nil {
		f.fail(err)
		if len(f.Errors) > 0 {
			h.showRegistrationWith(w, r, id, f)
			return
		}
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice("/registraties/"+strconv.FormatInt(id, 10), "einddatum"), http.StatusSeeOther)
}

// showRegistrationWith shows the registration page with a form's errors:
// the end date, informing, removal.
func (h *Handler) showRegistrationWith(w http.ResponseWriter, r *http.Request, id int64, f *form) {
	a := actor(r)
	v, err := h.Registry.Registrations.Registration(r.Context(), a, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusUnprocessableEntity, "registration", page{Title: "Registratie", Nav: "registraties", Form: f, Data: newRegistrationView(v, a.Organisation.ID, h.today())})
}
