package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// onBehalfRequest is the optional body of an action on a registration: a
// client system names the professional it acts for.
type onBehalfRequest struct {
	Medewerker string `json:"medewerker"`
}

// actingFor reads the optional body and returns the professional acting.
func (h *Handler) actingFor(w http.ResponseWriter, r *http.Request, c auth.Caller) (usecase.Actor, error) {
	var req onBehalfRequest
	if r.ContentLength != 0 {
		if err := decode(w, r, &req); err != nil {
			return usecase.Actor{}, err
		}
	}
	return h.actor(r, c, req.Medewerker)
}

// renewRegistration: POST /api/v1/registraties/{id}/verlengen starts a new
// term for an active registration of the caller's organisation, from today.
func (h *Handler) renewRegistration(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	actor, err := h.actingFor(w, r, c)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if _, err := h.Registry.Registrations.Renew(r.Context(), actor, id); err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeRegistration(w, r, actor, id)
}

// writeRegistration answers with one of the actor's organisation's
// registrations as it is now, as GET /registraties/{id} does.
func (h *Handler) writeRegistration(w http.ResponseWriter, r *http.Request, actor usecase.Actor, id int64) {
	v, err := h.Registry.Registrations.Registration(r.Context(), actor, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, withPicture(newRegistrationView(v.Registration, v.Youth), v.Picture, v.Visible))
}
