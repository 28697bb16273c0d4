package web

import "net/http"

// resumeWebhook: POST /beheer/organisaties/{id}/webhook/hervatten lifts a
// pause; delivery goes on from the first event that did not arrive.
func (h *Handler) resumeWebhook(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if _, err := h.Registry.Feed.ResumeWebhook(r.Context(), actor(r), id); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice("/beheer/organisaties/"+itoa(id)+"/webhook", "webhook-hervat"), http.StatusSeeOther)
}
