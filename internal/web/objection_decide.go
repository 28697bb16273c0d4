package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
)

// decideObjection: POST /beheer/bezwaren/{id}/besluit records the
// municipality's decision: upheld (toegewezen), and the registrations it
// concerns are removed at once, without archive; or refused (afgewezen),
// and nothing changes for them. Bad input brings the objection back with
// the error at the field; nothing is recorded.
func (h *Handler) decideObjection(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r)
	day := f.day("datum", "Vul de datum in als dd-mm-jjjj, bijvoorbeeld 27-11-2026.")
	if f.Failed() {
		h.renderObjection(w, r, http.StatusUnprocessableEntity, id, f)
		return
	}
	outcome := f.Value("uitkomst")
	if _, err := h.Registry.Registrations.DecideObjection(r.Context(), actor(r), id, outcome, day); err != nil {
		if model.ErrorCode(err) != model.EINVALID && model.ErrorCode(err) != model.ECONFLICT {
			h.fail(w, r, err)
			return
		}
		f.fail(err)
		h.renderObjection(w, r, answers[model.ErrorCode(err)].status, id, f)
		return
	}
	key := "bezwaar-afgewezen"
	if outcome == registration.ObjectionUpheld {
		key = "bezwaar-toegewezen"
	}
	http.Redirect(w, r, withNotice("/beheer/bezwaren/"+itoa(id), key), http.StatusSeeOther)
}
