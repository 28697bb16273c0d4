package web

import "net/http"

// setWebhook: POST /beheer/organisaties/{id}/webhook registers or replaces
// the organisation's webhook and shows its secret, this once.
func (h *Handler) setWebhook(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r)
	hook, err := h.Registry.Feed.SetWebhook(r.Context(), actor(r), id, f.Value("url"))
	if err != nil {
		h.renderWebhook(w, r, http.StatusUnprocessableEntity, f, err, "")
		return
	}
	h.renderWebhook(w, r, http.StatusCreated, f, nil, hook.Secret)
}
