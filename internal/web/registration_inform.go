package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// informRegistration: POST /registraties/{id}/informeren records, after
// registering, whether the parents or legal representatives and the youth
// were informed, or why not: a code from the fixed list for each, or empty
// to keep what was recorded. Bad input brings the registration page back
// with the error at the field and the choices kept.
func (h *Handler) informRegistration(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r)
	parents, youth := model.Informed(f.Value("ouders")), model.Informed(f.Value("jeugdige"))
	if _, err := h.Registry.Registrations.SetInformed(r.Context(), actor(r), id, parents, youth); err != nil {
		if model.ErrorCode(err) != model.EINVALID {
			h.fail(w, r, err)
			return
		}
		f.fail(err)
		h.showRegistrationWith(w, r, id, f)
		return
	}
	http.Redirect(w, r, withNotice("/registraties/"+itoa(id), "geinformeerd")+"#informeren", http.StatusSeeOther)
}
