package web

import "net/http"

// listMessages: GET /berichten, the inbox, unread first.
func (h *Handler) listMessages(w http.ResponseWriter, r *http.Request) {
	msgs, err := h.Registry.Inbox(r.Context(), actor(r), 200)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "messages", page{Title: "Berichten", Nav: "berichten", Notice: notice(r), Data: msgs})
}
