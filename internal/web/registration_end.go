package web

import (
	"net/http"
	"strconv"
)

// endRegistration: POST /registraties/{id}/beeindigen.
func (h *Handler) endRegistration(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if _, err := h.Registry.Registrations.End(r.Context(), actor(r), id); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice("/registraties/"+strconv.FormatInt(id, 10), "beeindigd"), http.StatusSeeOther)
}
