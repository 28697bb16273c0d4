package web

import "net/http"

// closeCoordination: POST /jeugdigen/{ref}/coordinatie/afsluiten: the
// coordinator closes the case, which ends every registration about the
// youth. The use case refuses without bevestigd=ja after its other checks,
// so that refusal alone brings the confirmation page. Afterwards the
// youth's page is gone, so the browser goes to the professional's
// registrations.
func (h *Handler) closeCoordination(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	ref := r.PathValue("ref")
	_, err := h.Registry.Coordinations.CloseCoordination(r.Context(), actor(r), ref, confirmed(r))
	if needsConfirmation(err) {
		back := "/jeugdigen/" + ref
		h.confirm(w, r, "", confirmation{
			Title: "Casus afsluiten?",
			Lead:  "U sluit als coördinator de casus van jeugdige " + ref + " af: er is adequate hulp, of coördinatie is niet meer nodig.",
			Effects: []string{
				"De coördinatie eindigt.",
				"Alle registraties over deze jeugdige worden beëindigd, ook die van de andere organisaties, met als reden: casus afgesloten door de zorgcoördinator.",
				"Alle betrokkenen krijgen bericht. Daarna ziet niemand deze jeugdige meer; de registraties gaan naar het historisch archief.",
			},
			Warning: "Afsluiten kan niet ongedaan worden gemaakt.",
			Action:  back + "/coordinatie/afsluiten", Button: "Ja, casus afsluiten", Cancel: back + "#coordinatie",
		})
		return
	}
	if err != nil {
		h.coordinationFailed(w, r, f, "afsluiten-", err)
		return
	}
	http.Redirect(w, r, withNotice("/registraties", "casus-afgesloten"), http.StatusSeeOther)
}
