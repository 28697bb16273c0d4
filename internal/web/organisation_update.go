package web

import "net/http"

// updateOrganisation: POST /beheer/organisaties/{id}: name, type, role,
// municipality, and whether it takes part (deactivating it stops its
// professionals' logins and tokens).
func (h *Handler) updateOrganisation(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r)
	o := organisationFrom(f)
	o.ID, o.Active = id, f.Value("actief") == "ja"
	if _, err := h.Region.UpdateOrganisation(r.Context(), auditActor(r), o); err != nil {
		h.formError(w, r, "organisation", page{Title: "Organisatie wijzigen", Nav: "organisaties", Form: f, Data: o}, err)
		return
	}
	http.Redirect(w, r, withNotice("/beheer/organisaties/"+itoa(id), "opgeslagen"), http.StatusSeeOther)
}
