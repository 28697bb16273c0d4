package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// listOrganisations: GET /beheer/organisaties, with the form to add one.
func (h *Handler) listOrganisations(w http.ResponseWriter, r *http.Request) {
	h.renderOrganisations(w, r, http.StatusOK, &form{}, nil)
}

func (h *Handler) renderOrganisations(w http.ResponseWriter, r *http.Request, status int, f *form, cause error) {
	orgs, err := h.Region.Organisations(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := page{Title: "Organisaties", Nav: "organisaties", Notice: notice(r), Form: f, Data: orgs}
	if cause != nil {
		h.formError(w, r, "organisations", p, cause)
		return
	}
	h.render(w, r, status, "organisations", p)
}

// organisationFrom reads the organisation form.
func organisationFrom(f *form) model.Organisation {
	return model.Organisation{Name: f.Value("naam"), Type: model.OrgType(f.Value("type")), Role: model.Role(f.Value("rol")), Municipality: f.Value("gemeente")}
}
