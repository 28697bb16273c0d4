package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

type endRequest struct {
	Medewerker string `json:"medewerker"`
}

// endRegistration: POST /api/v1/registraties/{id}/beeindigen. Ending an
// ended registration answers with its state.
func (h *Handler) endRegistration(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var req endRequest
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
	if _, err := h.Registry.Registrations.End(r.Context(), actor, id); err != nil {
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
