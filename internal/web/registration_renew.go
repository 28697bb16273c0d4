package web

import "net/http"

// renewRegistration: POST /registraties/{id}/verlengen starts a new term for
// an active registration of the caller's organisation, from today.
func (h *Handler) renewRegistration(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if _, err := h.Registry.Registrations.Renew(r.Context(), actor(r), id); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice("/registraties/"+itoa(id), "verlengd"), http.StatusSeeOther)
}
