package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// professionalRow is a professional with their organisation's name.
type professionalRow struct {
	model.Professional
	Organisation string
}

// listProfessionals: GET /beheer/medewerkers, with the form to add one.
func (h *Handler) listProfessionals(w http.ResponseWriter, r *http.Request) {
	h.renderProfessionals(w, r, http.StatusOK, &form{}, nil, nil)
}

// created is a one-time secret to hand over: a new password or token.
type created struct {
	What, For, Secret string
}

func (h *Handler) renderProfessionals(w http.ResponseWriter, r *http.Request, status int, f *form, cause error, secret *created) {
	ctx := r.Context()
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
	names := map[int64]string{}
	for _, o := range orgs {
		names[o.ID] = o.Name
	}
	var rows []professionalRow
	for _, p := range pros {
		rows = append(rows, professionalRow{p, names[p.OrganisationID]})
	}
	p := page{Title: "Medewerkers", Nav: "medewerkers", Notice: notice(r), Form: f,
		Data: map[string]any{"Professionals": rows, "Organisations": orgs, "Created": secret}}
	if cause != nil {
		h.formError(w, r, "professionals", p, cause)
		return
	}
	h.render(w, r, status, "professionals", p)
}
