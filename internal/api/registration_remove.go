package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

// removeRequest says why the registration was made in error: one of the
// fixed codes, never free text.
type removeRequest struct {
	Reden      model.RemovalReason `json:"reden"`
	Medewerker string              `json:"medewerker"`
}

type removedResponse struct {
	ID      int64  `json:"id"`
	Status  string `json:"status"`
	Bericht string `json:"bericht"`
}

// removeRegistration: POST /api/v1/registraties/{id}/verwijderen deletes a
// registration of the caller's organisation that was made in error, at once
// and without archive, with the reason from the fixed list; the others
// involved are told it was withdrawn.
func (h *Handler) removeRegistration(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var req removeRequest
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	actor, err := h.actor(r, c, req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Registry.Registrations.RemoveInError(r.Context(), actor, id, req.Reden); err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, removedResponse{ID: id, Status: "verwijderd",
		Bericht: "De registratie is verwijderd, zonder archief. Wie nog bij de jeugdige betrokken is, krijgt bericht dat zij is ingetrokken."})
}
