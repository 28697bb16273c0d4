package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// getWebhook: GET /api/v1/organisaties/{id}/webhook (regional
// administrator): where the events go, how far they arrived, and whether
// delivery fails or is paused. Never the secret.
func (h *Handler) getWebhook(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	org, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	actor, _ := h.actor(r, c, "")
	hook, err := h.Registry.Feed.WebhookOf(r.Context(), actor, org)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, hook)
}
