package web

import "net/http"

// createOrganisation: POST /beheer/organisaties. An empty role takes the
// type's default (education and police give signals only).
func (h *Handler) createOrganisation(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	o, err := h.Region.CreateOrganisation(r.Context(), auditActor(r), organisationFrom(f))
	if err != nil {
		h.renderOrganisations(w, r, http.StatusUnprocessableEntity, f, err)
		return
	}
	http.Redirect(w, r, withNotice("/beheer/organisaties/"+itoa(o.ID), "opgeslagen"), http.StatusSeeOther)
}
