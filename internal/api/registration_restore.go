package api

import (
	"context"
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// restoreRegistration: POST /api/v1/registraties/{id}/herstellen undoes the
// organisation's own ending of a registration within 24 hours. 409 when it
// is still active, was ended otherwise or longer ago, or the organisation
// registered again meanwhile.
func (h *Handler) restoreRegistration(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	h.onOwnRegistration(w, r, c, func(ctx context.Context, actor usecase.Actor, id int64) error {
		_, err := h.Registry.Registrations.Restore(ctx, actor, id)
		return err
	})
}
