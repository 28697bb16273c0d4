package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// removeWebhook: POST /api/v1/organisaties/{id}/webhook/verwijderen
// (regional administrator): nothing is POSTed any more; the feed stays.
func (h *Handler) removeWebhook(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	org, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	actor, _ := h.actor(r, c, "")
	if err := h.Registry.Feed.DeleteWebhook(r.Context(), actor, org); err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "verwijderd"})
}
