package web

import "net/http"

// deactivateOrganisation: POST /beheer/organisaties/{id}/deactiveren: the
// organisation no longer takes part. Without bevestigd=ja it shows what that
// means and asks for the confirmation. Taking part again is the checkbox on
// the organisation's page.
func (h *Handler) deactivateOrganisation(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	o, err := h.Region.Organisation(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	back := "/beheer/organisaties/" + itoa(id)
	if !o.Active {
		http.Redirect(w, r, back, http.StatusSeeOther) // nothing left to do
		return
	}
	if !confirmed(r) {
		h.confirm(w, r, "organisaties", confirmation{
			Title: "Organisatie deactiveren?",
			Lead:  "U deactiveert " + o.Name + ": de organisatie neemt dan niet meer deel aan de verwijsindex.",
			Effects: []string{
				"De medewerkers van " + o.Name + " kunnen niet meer inloggen of registreren.",
				"De tokens van de organisatie en haar medewerkers werken niet meer: haar systeem kan niet meer koppelen.",
				"U kunt de organisatie later op deze pagina weer laten deelnemen.",
			},
			Action: back + "/deactiveren", Button: "Ja, organisatie deactiveren", Cancel: back,
		})
		return
	}
	o.Active = false
	if _, err := h.Region.UpdateOrganisation(r.Context(), auditActor(r), o); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice(back, "gedeactiveerd"), http.StatusSeeOther)
}
