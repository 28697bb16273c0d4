package web

import (
	"net/http"
	"strconv"
)

// removeProvider: POST /beheer/organisaties/{id}/inloggen/verwijderen; the
// organisation's professionals log in with password and code again.
func (h *Handler) removeProvider(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.People.RemoveProvider(r.Context(), auditActor(r), id); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice("/beheer/organisaties/"+strconv.FormatInt(id, 10)+"/inloggen", "provider-verwijderd"), http.StatusSeeOther)
}
