package web

import "net/http"

// updateOrganisation: POST /beheer/organisaties/{id}: name, type, role,
// municipality, and, for an organisation that was deactivated, taking part
// again. Deactivating is an action of its own with a confirmation
// (organisation_deactivate.go): this form never deactivates.
func (h *Handler) updateOrganisation(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	stored, err := h.Region.Organisation(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r)
	o := organisationFrom(f)
	o.ID, o.Active = id, stored.Active || f.Value("actief") == "ja"
	if _, err := h.Region.UpdateOrganisation(r.Context(), auditActor(r), o); err != nil {
		h.formError(w, r, "organisation", page{Title: "Organisatie wijzigen", Nav: "organisaties", Form: f, Data: stored}, err)
		return
	}
	http.Redirect(w, r, withNotice("/beheer/organisaties/"+itoa(id), "opgeslagen"), http.StatusSeeOther)
}
