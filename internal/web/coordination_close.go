package web

import "net/http"

// closeCoordination: POST /jeugdigen/{ref}/coordinatie/afsluiten, with the
// checkbox "bevestigd": the coordinator closes the case, which ends every
// registration about the youth. Afterwards the youth's page is gone, so the
// browser goes to the professional's registrations.
func (h *Handler) closeCoordination(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	if _, err := h.Registry.Coordinations.CloseCoordination(r.Context(), actor(r), r.PathValue("ref"), f.Value("bevestigd") == "ja"); err != nil {
		h.coordinationFailed(w, r, f, "afsluiten-", err)
		return
	}
	http.Redirect(w, r, withNotice("/registraties", "casus-afgesloten"), http.StatusSeeOther)
}
