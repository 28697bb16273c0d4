package api

import (
	"context"
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// endRegistration: POST /api/v1/registraties/{id}/beeindigen. Ending an
// ended registration answers with its state.
func (h *Handler) endRegistration(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	h.onOwnRegistration(w, r, c, func(ctx context.Context, actor usecase.Actor, id int64) error {
		_, err := h.Registry.Registrations.End(ctx, actor, id)
		return err
	})
}

// onOwnRegistration runs act on one registration, for the professional the
// optional body names (a client system's "medewerker"), and answers with the
// registration as it is afterwards.
func (h *Handler) onOwnRegistration(w http.ResponseWriter, r *http.Request, c auth.Caller, act func(context.Context, usecase.Actor, int64) error) {
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
	if err := act(r.Context(), actor, id); err != nil {
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
