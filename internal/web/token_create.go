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
	scope := model.TokenScope(f.Value("bereik"))
	if scope == "" {
		scope = model.ScopeFull
	}
	token, err := h.Region.CreateScopedOrganisationToken(r.Context(), auditActor(r), org, scope)
	if err != nil {
		h.renderTokens(w, r, http.StatusUnprocessableEntity, f, err, nil)
		return
	}
	h.renderTokens(w, r, http.StatusCreated, &form{}, nil, &created{What: tokenWhat(scope), For: "organisatie " + itoa(org), Secret: token})
}

func tokenWhat(scope model.TokenScope) string {
	if scope == model.ScopeSync {
		return "Token voor de koppeling, alleen voor synchroniseren"
	}
	return "Token voor de koppeling"
}
