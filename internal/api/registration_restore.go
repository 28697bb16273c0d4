package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// restoreRegistration: POST /api/v1/registraties/{id}/herstellen undoes the
// organisation's own ending of a registration within 24 hours. 409 when it
// is still active, was ended otherwise or longer ago, or the organisation
// registered again meanwhile.
func (h *Handler) restoreRegistration(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var req onBehalfRequest
	if r.ContentLength != 0 {
		if err := decode(w, r, &req); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	actor, err := h.actor(r, c, req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if _, err := h.Registry.Registrations.Restore(r.Context(), actor, id); err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.Registry.Registrations.Registration(r.Context(), actor, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, withPicture(newRegistrationView(v.Registration, v.Youth), v.Picture, v.Visible))
}
