package web

import (
	"net/http"
	"strconv"
)

// restoreRegistration: POST /registraties/{id}/herstellen undoes the
// organisation's own ending within 24 hours. A refusal (too late, ended
// otherwise, registered again) is the error page with the reason.
func (h *Handler) restoreRegistration(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if _, err := h.Registry.Registrations.Restore(r.Context(), actor(r), id); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice("/registraties/"+strconv.FormatInt(id, 10), "hersteld"), http.StatusSeeOther)
}
