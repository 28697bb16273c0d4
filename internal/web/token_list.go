package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// tokenRow is a token with whose it is.
type tokenRow struct {
	model.TokenInfo
	Owner string
}

// listTokens: GET /beheer/tokens, the API tokens with their last use.
func (h *Handler) listTokens(w http.ResponseWriter, r *http.Request) {
	h.renderTokens(w, r, http.StatusOK, &form{}, nil, nil)
}

func (h *Handler) renderTokens(w http.ResponseWriter, r *http.Request, status int, f *form, cause error, secret *created) {
	ctx := r.Context()
	tokens, err := h.Region.Tokens(ctx)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	orgs, err := h.Region.Organisations(ctx)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	pros, err := h.Region.Professionals(ctx)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	orgNames, proNames := map[int64]string{}, map[int64]string{}
	for _, o := range orgs {
		orgNames[o.ID] = o.Name
	}
	for _, p := range pros {
		proNames[p.ID] = p.Name + " (" + orgNames[p.OrganisationID] + ")"
	}
	var rows []tokenRow
	for _, t := range tokens {
		owner := "Koppeling van " + orgNames[t.OrganisationID]
		if t.ProfessionalID != 0 {
			owner = "Medewerker " + proNames[t.ProfessionalID]
		}
		rows = append(rows, tokenRow{t, owner})
	}
	p := page{Title: "Koppelingen en tokens", Nav: "tokens", Notice: notice(r), Form: f,
		Data: map[string]any{"Tokens": rows, "Organisations": orgs, "Created": secret}}
	if cause != nil {
		h.formError(w, r, "tokens", p, cause)
		return
	}
	h.render(w, r, status, "tokens", p)
}
