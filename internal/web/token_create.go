package web

import (
	"net/http"
	"strconv"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// createToken: POST /beheer/tokens makes a token for an organisation's
// client system; it is shown once.
func (h *Handler) createToken(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	org, _ := strconv.ParseInt(f.Value("organisatie"), 10, 64)
	if org == 0 {
		h.renderTokens(w, r, http.StatusUnprocessableEntity, f, model.InvalidField("organisatie", "Kies de organisatie waarvan het clientsysteem koppelt."), nil)
		return
	}
	token, err := h.Region.CreateOrganisationToken(r.Context(), auditActor(r), org)
	if err != nil {
		h.renderTokens(w, r, http.StatusUnprocessableEntity, f, err, nil)
		return
	}
	h.renderTokens(w, r, http.StatusCreated, &form{}, nil, &created{What: "Token voor de koppeling", For: "organisatie " + itoa(org), Secret: token})
}
