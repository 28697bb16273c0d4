package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// getRegistration: GET /api/v1/registraties/{id}, one of the caller's
// organisation's registrations with who is involved now. Another
// organisation's registration is answered as one that does not exist.
func (h *Handler) getRegistration(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	actor, err := h.actor(r, c, r.URL.Query().Get("medewerker"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.Registry.Registrations.Registration(r.Context(), actor, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := withPicture(newRegistrationView(v.Registration, v.Youth), v.Picture, v.Visible)
	match := v.Visible && v.OtherOrganisations(actor.Organisation.ID) > 0
	out.Match = &match
	if !v.Visible {
		out.Bericht = "Uw organisatie heeft geen actieve registratie meer voor deze jeugdige; u ziet de betrokkenen niet meer."
	}
	writeJSON(w, http.StatusOK, out)
}
