package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// resumeWebhook: POST /api/v1/organisaties/{id}/webhook/hervatten (regional
// administrator) lifts a pause: delivery goes on from the first event that
// did not arrive.
func (h *Handler) resumeWebhook(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	org, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	actor, _ := h.actor(r, c, "")
	hook, err := h.Registry.Feed.ResumeWebhook(r.Context(), actor, org)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, hook)
}
