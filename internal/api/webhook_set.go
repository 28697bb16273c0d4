package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

type webhookRequest struct {
	URL string `json:"url"`
}

// setWebhook: POST /api/v1/organisaties/{id}/webhook (regional
// administrator) registers the organisation's webhook, or replaces it, and
// answers with the secret to check signatures with: shown this once.
func (h *Handler) setWebhook(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	org, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var req webhookRequest
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	actor, _ := h.actor(r, c, "")
	hook, err := h.Registry.Feed.SetWebhook(r.Context(), actor, org, req.URL)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, hook)
}
