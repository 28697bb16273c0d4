package web

import "net/http"

// deactivateProfessional: POST /beheer/medewerkers/{id}/deactiveren. Without
// bevestigd=ja it shows what deactivating means and asks for the confirmation.
func (h *Handler) deactivateProfessional(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !confirmed(r) {
		p, err := h.Region.Professional(r.Context(), id)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		if !p.Active {
			http.Redirect(w, r, "/beheer/medewerkers", http.StatusSeeOther) // nothing left to do
			return
		}
		h.confirm(w, r, "medewerkers", confirmation{
			Title: "Medewerker deactiveren?",
			Lead:  "U deactiveert " + p.Name + " (" + p.Email + ").",
			Effects: []string{
				"De medewerker wordt direct uitgelogd en kan niet meer inloggen: wachtwoord, tweede factor en tokens werken niet meer.",
				"De registraties van de organisatie blijven bestaan; berichten gaan naar de andere medewerkers van de organisatie.",
			},
			Action: "/beheer/medewerkers/" + itoa(id) + "/deactiveren", Button: "Ja, medewerker deactiveren", Cancel: "/beheer/medewerkers",
		})
		return
	}
	if err := h.Region.DeactivateProfessional(r.Context(), auditActor(r), id); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice("/beheer/medewerkers", "gedeactiveerd"), http.StatusSeeOther)
}
