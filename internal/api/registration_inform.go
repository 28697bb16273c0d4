package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

type informRequest struct {
	Ouders     model.Informed `json:"ouders"`
	Jeugdige   model.Informed `json:"jeugdige"`
	Medewerker string         `json:"medewerker"`
}

// informRegistration: POST /api/v1/registraties/{id}/informatie records,
// later, whether the parents and the youth were informed, or why not.
func (h *Handler) informRegistration(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var req informRequest
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	actor, err := h.actor(r, c, req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if _, err := h.Registry.Registrations.SetInformed(r.Context(), actor, id, req.Ouders, req.Jeugdige); err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeRegistration(w, r, actor, id)
}
